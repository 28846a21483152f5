/** Palettes of packed pixels for value grids: grey images and signed (diverging) ones. */
import { mix } from './contrast';
import type { Rgb } from './shade';

/** Colours as 32-bit pixels for an ImageData viewed as a Uint32Array (bytes R, G, B, A in memory). */
function packed(colors: Rgb[]): Uint32Array {
  const bytes = new Uint8ClampedArray(4 * colors.length);
  colors.forEach((c, i) => {
    bytes[4 * i] = c[0];
    bytes[4 * i + 1] = c[1];
    bytes[4 * i + 2] = c[2];
    bytes[4 * i + 3] = 255;
  });
  return new Uint32Array(bytes.buffer);
}

/** 256 shades from `paper` (0) to `ink` (255). */
export function greyPalette(paper: Rgb, ink: Rgb): Uint32Array {
  return packed(Array.from({ length: 256 }, (_, i) => mix(paper, ink, i / 255)));
}

/** Entry of a value v ∈ [−1, 1] in a diverging palette: DIVERGING_ZERO + round(v · 255), clipped. */
export const DIVERGING_ZERO = 255;

/** 511 shades: `negative` at entry 0 (−1), `paper` at entry 255 (0), `positive` at entry 510 (+1). */
export function divergingPalette(negative: Rgb, paper: Rgb, positive: Rgb): Uint32Array {
  return packed(
    Array.from({ length: 2 * DIVERGING_ZERO + 1 }, (_, i) => {
      const v = (i - DIVERGING_ZERO) / DIVERGING_ZERO;
      return v < 0 ? mix(paper, negative, -v) : mix(paper, positive, v);
    }),
  );
}
