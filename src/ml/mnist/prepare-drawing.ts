/**
 * A learner's drawing prepared the way MNIST's digits were (LeCun, Cortes and Burges, "The MNIST database"):
 * the ink's bounding box scaled so that its longer side is 20 pixels, keeping the aspect ratio, with
 * anti-aliasing (here: area averaging, which gives the grey levels of the edges), then placed in a 28 × 28
 * frame so that the centre of mass of the intensities sits at the frame's centre.
 *
 * Conventions:
 * - Ink is 0 (background) … 255 (full ink) in either array type, one value per pixel, row-major. A canvas's
 *   alpha channel is exactly this; a Float32Array may carry fractional values. Values outside 0…255 are
 *   clipped when the result is rounded.
 * - Coordinates are continuous: pixel (i, j) covers [i, i + 1) × [j, j + 1), so its centre is (i + ½, j + ½)
 *   and the centre of a 28 × 28 frame is (14, 14).
 * - The result is a Uint8Array of 784 values, row-major 28 × 28, 0 = background, 255 = full ink, as MNIST.
 *
 * Plain TypeScript (no DOM, no tfjs): the page calls it on a canvas's ink, and Node tests call it directly.
 */

export type Ink = Float32Array | Uint8ClampedArray | Uint8Array;

/** A pixel counts as ink for the bounding box above this value (of 255): a stroke's faint anti-aliased fringe does not. */
export const INK_THRESHOLD = 16;
/** The side of MNIST's frame, and the longer side of the digit's box inside it. */
export const FRAME = 28;
export const FIT = 20;

/** A rectangle of whole pixels: columns left … left + width − 1, rows top … top + height − 1. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A grey image with float intensities (0 … 255), row-major. */
export interface GreyImage {
  pixels: Float32Array;
  width: number;
  height: number;
}

/** The smallest box holding every pixel above `threshold`; null when there is none. */
export function boundingBox(ink: Ink, width: number, height: number, threshold = INK_THRESHOLD): Box | null {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (ink[row + x] > threshold) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        bottom = y;
      }
    }
  }
  if (right < 0) return null;
  return { left, top, width: right - left + 1, height: bottom - top + 1 };
}

/**
 * For each of `outLength` output pixels spread evenly over `inLength` input pixels, the input pixels it
 * overlaps and by how much (weights of one output pixel add up to 1: an average over its footprint).
 */
function areaWeights(inLength: number, outLength: number): { index: number[]; weight: number[] }[] {
  const step = inLength / outLength;
  const result = [];
  for (let o = 0; o < outLength; o++) {
    const start = o * step;
    const end = (o + 1) * step;
    const index: number[] = [];
    const weight: number[] = [];
    for (let i = Math.floor(start); i < Math.min(Math.ceil(end), inLength); i++) {
      const overlap = Math.min(i + 1, end) - Math.max(i, start);
      if (overlap > 0) {
        index.push(i);
        weight.push(overlap / step);
      }
    }
    result.push({ index, weight });
  }
  return result;
}

/** The size a box takes when its longer side becomes `fit` pixels, the shorter one in proportion (at least 1). */
export function fittedSize(box: { width: number; height: number }, fit = FIT): { width: number; height: number } {
  const scale = fit / Math.max(box.width, box.height);
  return {
    width: Math.max(1, Math.round(box.width * scale)),
    height: Math.max(1, Math.round(box.height * scale)),
  };
}

/**
 * The box's content resampled so that its longer side is `fit` pixels, keeping the aspect ratio (the shorter
 * side rounded to whole pixels), by area averaging: each output pixel is the mean of the input it covers,
 * fractions of pixels counted by their area. Total ink times the area of an output pixel in input pixels
 * (box.width / out.width × box.height / out.height) equals the box's total ink.
 */
export function scaleToFit(ink: Ink, width: number, box: Box, fit = FIT): GreyImage {
  const out = fittedSize(box, fit);
  const columns = areaWeights(box.width, out.width);
  const rows = areaWeights(box.height, out.height);
  // Across first (each input row of the box to out.width values), then down.
  const across = new Float32Array(box.height * out.width);
  for (let y = 0; y < box.height; y++) {
    const source = (box.top + y) * width + box.left;
    for (let o = 0; o < out.width; o++) {
      const { index, weight } = columns[o];
      let sum = 0;
      for (let k = 0; k < index.length; k++) sum += ink[source + index[k]] * weight[k];
      across[y * out.width + o] = sum;
    }
  }
  const pixels = new Float32Array(out.width * out.height);
  for (let o = 0; o < out.height; o++) {
    const { index, weight } = rows[o];
    for (let x = 0; x < out.width; x++) {
      let sum = 0;
      for (let k = 0; k < index.length; k++) sum += across[index[k] * out.width + x] * weight[k];
      pixels[o * out.width + x] = sum;
    }
  }
  return { pixels, width: out.width, height: out.height };
}

/** The intensity-weighted mean of the pixel centres (pixel (i, j) at (i + ½, j + ½)); null when there is no ink. */
export function centreOfMass(pixels: ArrayLike<number>, width: number, height: number): { x: number; y: number } | null {
  let total = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = pixels[y * width + x];
      total += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  if (!(total > 0)) return null;
  return { x: sx / total, y: sy / total };
}

/**
 * The image placed in an empty `outWidth` × `outHeight` frame with its pixel (x, y) at (x + dx, y + dy);
 * dx and dy are whole pixels, and whatever falls outside the frame is dropped.
 */
export function shiftImage(image: GreyImage, dx: number, dy: number, outWidth = FRAME, outHeight = FRAME): Float32Array {
  const out = new Float32Array(outWidth * outHeight);
  for (let y = 0; y < image.height; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= outHeight) continue;
    for (let x = 0; x < image.width; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= outWidth) continue;
      out[ty * outWidth + tx] = image.pixels[y * image.width + x];
    }
  }
  return out;
}

/** The whole-pixel shift that brings the image's centre of mass nearest to the frame's centre. */
export function centringShift(image: GreyImage, frame = FRAME): { dx: number; dy: number } {
  const centre = centreOfMass(image.pixels, image.width, image.height);
  if (!centre) return { dx: Math.round((frame - image.width) / 2), dy: Math.round((frame - image.height) / 2) };
  return { dx: Math.round(frame / 2 - centre.x), dy: Math.round(frame / 2 - centre.y) };
}

/** Rounded to whole grey levels and clipped to 0 … 255. */
export function toBytes(pixels: Float32Array): Uint8Array {
  const out = new Uint8Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const v = Math.round(pixels[i]);
    out[i] = v <= 0 || v !== v ? 0 : v >= 255 ? 255 : v;
  }
  return out;
}

/**
 * The drawing as the network sees it: 28 × 28, MNIST's preparation (see the top of this file); null when
 * nothing is drawn (no pixel above INK_THRESHOLD).
 */
export function prepareDrawing(ink: Ink, width: number, height: number): Uint8Array | null {
  if (ink.length < width * height) throw new RangeError(`prepareDrawing: ${ink.length} values for a ${width} × ${height} image`);
  const box = boundingBox(ink, width, height);
  if (!box) return null;
  const scaled = scaleToFit(ink, width, box);
  const { dx, dy } = centringShift(scaled);
  return toBytes(shiftImage(scaled, dx, dy));
}
