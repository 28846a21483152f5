import { describe, expect, it } from 'vitest';
import {
  boundingBox,
  centreOfMass,
  FRAME,
  prepareDrawing,
  scaleToFit,
  shiftImage,
  toBytes,
  type Box,
} from '../../src/ml/mnist/prepare-drawing';
import { createRng } from '../../src/ml/shared/random';

/** A blank canvas's ink (0 … 255), `width` × `height`. */
function canvas(width: number, height: number) {
  return { ink: new Float32Array(width * height), width, height };
}

function fillRect(c: ReturnType<typeof canvas>, left: number, top: number, w: number, h: number, value = 255) {
  for (let y = top; y < top + h; y++) for (let x = left; x < left + w; x++) c.ink[y * c.width + x] = value;
}

function fillDisc(c: ReturnType<typeof canvas>, cx: number, cy: number, r: number, value = 255) {
  for (let y = 0; y < c.height; y++)
    for (let x = 0; x < c.width; x++) if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r) c.ink[y * c.width + x] = value;
}

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('prepareDrawing: an empty drawing', () => {
  it('gives null for a blank canvas', () => {
    const c = canvas(100, 100);
    expect(boundingBox(c.ink, c.width, c.height)).toBeNull();
    expect(prepareDrawing(c.ink, c.width, c.height)).toBeNull();
  });

  it('gives null when every pixel is at or below the ink threshold (a faint smudge)', () => {
    const c = canvas(50, 50);
    fillRect(c, 10, 10, 20, 20, 16);
    expect(prepareDrawing(c.ink, c.width, c.height)).toBeNull();
  });
});

describe('prepareDrawing: a filled 10 × 40 rectangle in a 100 × 100 canvas', () => {
  const c = canvas(100, 100);
  fillRect(c, 45, 30, 10, 40);

  it('finds the rectangle as the bounding box', () => {
    expect(boundingBox(c.ink, c.width, c.height)).toEqual({ left: 45, top: 30, width: 10, height: 40 });
  });

  it('scales it to 5 × 20, still fully inked (each output pixel averages a 2 × 2 block of 255s)', () => {
    const scaled = scaleToFit(c.ink, c.width, { left: 45, top: 30, width: 10, height: 40 });
    expect([scaled.width, scaled.height]).toEqual([5, 20]);
    expect(Array.from(scaled.pixels).every((v) => v === 255)).toBe(true);
  });

  it('puts its centre of mass at (14, 14) within half a pixel', () => {
    const out = prepareDrawing(c.ink, c.width, c.height)!;
    expect(out).toBeInstanceOf(Uint8Array);
    expect(out.length).toBe(784);
    // By hand: the 5 × 20 block's centre of mass is (2.5, 10) in its own frame; the shift is
    // round(14 − 2.5) = round(11.5) = 12 across and round(14 − 10) = 4 down, so the block fills columns
    // 12 … 16 and rows 4 … 23. Its centre of mass: x = 12 + 2.5 = 14.5, y = 4 + 10 = 14.
    for (let y = 0; y < FRAME; y++)
      for (let x = 0; x < FRAME; x++) {
        const inside = x >= 12 && x <= 16 && y >= 4 && y <= 23;
        expect(out[y * FRAME + x], `pixel (${x}, ${y})`).toBe(inside ? 255 : 0);
      }
    const centre = centreOfMass(out, FRAME, FRAME)!;
    expect(centre.x).toBeCloseTo(14.5, 10);
    expect(centre.y).toBeCloseTo(14, 10);
    expect(Math.abs(centre.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(centre.y - 14)).toBeLessThanOrEqual(0.5);
  });
});

describe('prepareDrawing keeps the aspect ratio', () => {
  /** The bounding box of the ink in the prepared 28 × 28 (any grey above 0). */
  const outBox = (left: number, top: number, w: number, h: number): Box => {
    const c = canvas(120, 120);
    fillRect(c, left, top, w, h);
    return boundingBox(prepareDrawing(c.ink, c.width, c.height)!, FRAME, FRAME, 0)!;
  };

  it('a tall stroke stays tall and a wide one wide, the longer side 20 pixels', () => {
    const tall = outBox(50, 10, 10, 40);
    const wide = outBox(10, 50, 40, 10);
    expect([tall.width, tall.height]).toEqual([5, 20]);
    expect([wide.width, wide.height]).toEqual([20, 5]);
  });

  it('a 30 × 60 box becomes 10 × 20 and a 60 × 45 box 20 × 15', () => {
    const a = outBox(5, 5, 30, 60);
    const b = outBox(5, 5, 60, 45);
    expect([a.width, a.height]).toEqual([10, 20]);
    expect([b.width, b.height]).toEqual([20, 15]);
  });

  it('a box smaller than 20 pixels is enlarged to 20 on its longer side', () => {
    expect(outBox(70, 70, 4, 8)).toMatchObject({ width: 10, height: 20 });
  });
});

describe('prepareDrawing centres by the centre of mass', () => {
  /** An L: a 10 × 60 stem and a 40 × 10 foot to its right, its ink heavier low and left of the box's middle. */
  function letterL(left: number, top: number) {
    const c = canvas(200, 200);
    fillRect(c, left, top, 10, 60);
    fillRect(c, left + 10, top + 50, 30, 10);
    return c;
  }

  it('moves an off-centre blob to the centre: the same shape anywhere gives the same 28 × 28', () => {
    const corner = letterL(3, 130);
    const middle = letterL(80, 70);
    const a = prepareDrawing(corner.ink, corner.width, corner.height)!;
    const b = prepareDrawing(middle.ink, middle.width, middle.height)!;
    expect(Array.from(a)).toEqual(Array.from(b));
    const centre = centreOfMass(a, FRAME, FRAME)!;
    expect(Math.abs(centre.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(centre.y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('centres the mass, not the box: the L’s box sits up and right of the middle', () => {
    const c = letterL(3, 130);
    const out = prepareDrawing(c.ink, c.width, c.height)!;
    const box = boundingBox(out, FRAME, FRAME, 0)!;
    // The box is 40 × 60 → about 13 × 20; its middle is right of and above (14, 14) by more than a pixel.
    expect(box.left + box.width / 2).toBeGreaterThan(15);
    expect(box.top + box.height / 2).toBeLessThan(13);
  });

  it('centres a disc near the canvas edge on (14, 14)', () => {
    const c = canvas(100, 100);
    fillDisc(c, 12, 85, 9);
    const centre = centreOfMass(prepareDrawing(c.ink, c.width, c.height)!, FRAME, FRAME)!;
    expect(centre.x).toBeCloseTo(14, 1);
    expect(centre.y).toBeCloseTo(14, 1);
  });
});

describe('area averaging preserves the total ink', () => {
  // A 33 × 47 box of uneven grey: its longer side 47 → 20, its shorter 33 · 20/47 = 14.04 → 14 pixels.
  const rng = createRng(7);
  const c = canvas(60, 60);
  for (let y = 5; y < 52; y++) for (let x = 9; x < 42; x++) c.ink[y * c.width + x] = 20 + Math.floor(rng() * 236);
  const box = boundingBox(c.ink, c.width, c.height)!;

  it('keeps Σ ink = Σ output × (area of one output pixel in input pixels), to float precision', () => {
    expect(box).toEqual({ left: 9, top: 5, width: 33, height: 47 });
    const scaled = scaleToFit(c.ink, c.width, box);
    expect([scaled.width, scaled.height]).toEqual([14, 20]);
    const area = (33 / 14) * (47 / 20);
    // Float32 sums of ~1500 values: agreement to 1e-5 relative.
    expect(Math.abs(sum(scaled.pixels) * area - sum(c.ink)) / sum(c.ink)).toBeLessThan(1e-5);
  });

  it('rounds to whole grey levels losing at most ½ per pixel', () => {
    const scaled = scaleToFit(c.ink, c.width, box);
    const out = prepareDrawing(c.ink, c.width, c.height)!;
    // Nothing is clipped here (a 14 × 20 image fits the frame wherever its mass is), so the only change is
    // rounding: at most 0.5 for each of the 14 · 20 = 280 pixels.
    expect(Math.abs(sum(out) - sum(scaled.pixels))).toBeLessThanOrEqual(0.5 * 280);
  });

  it('an enlarged box keeps its level: a 2 × 2 block of 100 becomes 20 × 20 of 100', () => {
    const small = canvas(10, 10);
    fillRect(small, 4, 4, 2, 2, 100);
    const scaled = scaleToFit(small.ink, small.width, boundingBox(small.ink, 10, 10)!);
    expect([scaled.width, scaled.height]).toEqual([20, 20]);
    expect(Array.from(scaled.pixels).every((v) => Math.abs(v - 100) < 1e-4)).toBe(true);
  });
});

describe('the result is MNIST-shaped', () => {
  it('is 784 values in 0 … 255, whatever the input (negative or above 255 is clipped)', () => {
    const rng = createRng(3);
    const c = canvas(64, 48);
    for (let i = 0; i < c.ink.length; i++) c.ink[i] = rng() * 500 - 100;
    const out = prepareDrawing(c.ink, c.width, c.height)!;
    expect(out).toBeInstanceOf(Uint8Array);
    expect(out.length).toBe(784);
    expect(Math.max(...out)).toBeLessThanOrEqual(255);
    expect(Math.max(...out)).toBeGreaterThan(200);
  });

  it('reads a canvas’s alpha (Uint8ClampedArray) the same as floats of the same values', () => {
    const c = canvas(80, 80);
    fillDisc(c, 30, 40, 12, 255);
    fillRect(c, 30, 20, 6, 40, 180);
    const bytes = Uint8ClampedArray.from(c.ink);
    expect(Array.from(prepareDrawing(bytes, 80, 80)!)).toEqual(Array.from(prepareDrawing(c.ink, 80, 80)!));
  });

  it('refuses an array shorter than width × height', () => {
    expect(() => prepareDrawing(new Float32Array(10), 4, 4)).toThrow(RangeError);
  });
});

describe('the steps on their own', () => {
  it('boundingBox ignores pixels at or below the threshold', () => {
    const c = canvas(10, 10);
    c.ink[0] = 10; // faint: not ink
    c.ink[3 * 10 + 2] = 200;
    c.ink[6 * 10 + 7] = 17;
    expect(boundingBox(c.ink, 10, 10)).toEqual({ left: 2, top: 3, width: 6, height: 4 });
    expect(boundingBox(c.ink, 10, 10, 0)).toEqual({ left: 0, top: 0, width: 8, height: 7 });
  });

  it('centreOfMass weighs pixel centres by intensity', () => {
    // 3 × 2 image: 100 at (0, 0), 300 at (2, 1). x = (100·0.5 + 300·2.5)/400 = 2, y = (100·0.5 + 300·1.5)/400 = 1.25.
    const image = [100, 0, 0, 0, 0, 300];
    expect(centreOfMass(image, 3, 2)).toEqual({ x: 2, y: 1.25 });
    expect(centreOfMass([0, 0, 0, 0], 2, 2)).toBeNull();
  });

  it('shiftImage moves by whole pixels and clips what leaves the frame', () => {
    const image = { pixels: Float32Array.from([1, 2, 3, 4]), width: 2, height: 2 };
    expect(Array.from(shiftImage(image, 1, 0, 3, 2))).toEqual([0, 1, 2, 0, 3, 4]);
    expect(Array.from(shiftImage(image, -1, 1, 3, 2))).toEqual([0, 0, 0, 2, 0, 0]);
  });

  it('toBytes rounds and clips', () => {
    expect(Array.from(toBytes(Float32Array.from([-3, 0.4, 0.5, 254.6, 300, NaN])))).toEqual([0, 0, 1, 255, 255, 0]);
  });
});
