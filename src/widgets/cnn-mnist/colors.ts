/**
 * Colour arithmetic for the CNN widget's images and its confusion matrix: palettes of packed pixels for
 * grey images and signed (diverging) ones, and cell shades with a text colour that reads on them.
 * Plain functions of RGB triples; the theme's colours come from useThemeColors.
 */
import { cssRgb, mix, textOn } from '../../charts/contrast';
import type { Rgb } from '../../charts/shade';

// The colour arithmetic shared with other widgets lives in charts/contrast.ts.
export { contrastRatio, cssRgb, mix, relativeLuminance, textOn } from '../../charts/contrast';

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

/**
 * How strongly a count is shaded among counts up to `max`, 0 … 1 on a logarithmic scale: 0 for none, at
 * least 0.15 for one (so a single mistake shows), 1 for the largest.
 */
export function countShade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return 0.15 + (0.85 * Math.log1p(count)) / Math.log1p(max);
}

/** A cell's background (the base colour mixed towards `hue` by the count's shade) and its text colour. */
export function cellColors(base: Rgb, hue: Rgb, count: number, max: number): { background: string; color: string } {
  const background = mix(base, hue, countShade(count, max));
  return { background: cssRgb(background), color: textOn(background.map(Math.round) as Rgb) };
}
