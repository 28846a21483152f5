/**
 * One small grey image drawn as crisp pixels: a 28 × 28 digit, or any width × height map (a feature map, a
 * filter). The canvas holds one pixel per image pixel and CSS scales it up without smoothing
 * (`image-rendering: pixelated`), so a redraw is a single putImageData of a reused ImageData: cheap enough for
 * dozens of images redrawn ten times a second. Nothing is measured while painting.
 */
import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import { DIVERGING_ZERO, divergingPalette, greyPalette } from './palettes';
import { useThemeColors } from './useThemeColors';

export interface ValueGridCanvasProps {
  /** width × height values, row-major. Compared by identity: pass a new array to redraw. */
  pixels: Uint8Array | Float32Array;
  width?: number;
  height?: number;
  /** Width in CSS pixels (the height follows the aspect ratio); without it the image fills its box's width. */
  size?: number;
  /**
   * Signed data (filters, feature maps before the activation): 0 is the paper colour, negative values one
   * hue and positive values another, symmetric around 0.
   */
  diverging?: boolean;
  /**
   * The value drawn at full colour (at ±scale when diverging). By default 255 for a Uint8Array, the
   * largest value of a Float32Array, or the largest |value| when diverging.
   */
  scale?: number;
  /** The accessible name (the canvas has role img). */
  label: string;
  className?: string;
}

/** The default `scale` (see ValueGridCanvasProps): never 0, so an all-zero map draws as paper. */
function defaultScale(pixels: Uint8Array | Float32Array, diverging: boolean): number {
  if (pixels instanceof Uint8Array && !diverging) return 255;
  let top = 0;
  for (let i = 0; i < pixels.length; i++) {
    const v = diverging ? Math.abs(pixels[i]) : pixels[i];
    if (v > top) top = v;
  }
  return top > 0 ? top : 1;
}

/** Writes every value's palette entry into `out` (one packed pixel per value). */
function fillPixels(out: Uint32Array, pixels: Uint8Array | Float32Array, palette: Uint32Array, diverging: boolean, scale: number) {
  const n = Math.min(out.length, pixels.length);
  // Pixels the array does not reach (a short array) are paper.
  out.fill(palette[diverging ? DIVERGING_ZERO : 0], n);
  if (diverging) {
    const k = DIVERGING_ZERO / scale;
    const top = 2 * DIVERGING_ZERO;
    for (let i = 0; i < n; i++) {
      const e = Math.round(pixels[i] * k) + DIVERGING_ZERO;
      // Clipped to the palette; NaN draws as paper (0).
      out[i] = palette[e >= top ? top : e > 0 ? e : e === e ? 0 : DIVERGING_ZERO];
    }
  } else {
    const k = 255 / scale;
    for (let i = 0; i < n; i++) {
      const e = Math.round(pixels[i] * k);
      out[i] = palette[e >= 255 ? 255 : e > 0 ? e : 0]; // NaN draws as paper too
    }
  }
}

/** A reused ImageData (and its packed-pixel view) of one size. */
function useImageBuffer() {
  const buffer = useRef<{ image: ImageData; out: Uint32Array } | null>(null);
  return (ctx: CanvasRenderingContext2D, width: number, height: number) => {
    if (!buffer.current || buffer.current.image.width !== width || buffer.current.image.height !== height) {
      const image = ctx.createImageData(width, height);
      buffer.current = { image, out: new Uint32Array(image.data.buffer) };
    }
    return buffer.current;
  };
}

function ValueGridCanvasView({ pixels, width = 28, height = 28, size, diverging = false, scale, label, className }: ValueGridCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const colors = useThemeColors();
  const palette = useMemo(
    () => (diverging ? divergingPalette(colors.negative, colors.paper, colors.positive) : greyPalette(colors.paper, colors.ink)),
    [diverging, colors],
  );
  const buffer = useImageBuffer();

  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    const { image, out } = buffer(ctx, width, height);
    fillPixels(out, pixels, palette, diverging, scale ?? defaultScale(pixels, diverging));
    ctx.putImageData(image, 0, 0);
    canvas.dataset.paints = String(Number(canvas.dataset.paints ?? 0) + 1);
  });

  const style = size === undefined ? { aspectRatio: `${width} / ${height}` } : { width: size, height: (size * height) / width };
  return (
    <canvas
      ref={ref}
      className={className ? `cnn-image ${className}` : 'cnn-image'}
      role="img"
      aria-label={label}
      width={width}
      height={height}
      style={style}
    />
  );
}

/** Redrawn only when a prop changes (the pixels by identity) or the theme does. */
export const ValueGridCanvas = memo(ValueGridCanvasView);
