/**
 * The confusion matrix's cell shades, with a text colour that reads on them. Plain functions of RGB triples;
 * the theme's colours come from charts/useThemeColors, the image palettes from charts/palettes.
 */
import { cssRgb, mix, textOn } from '../../charts/contrast';
import type { Rgb } from '../../charts/shade';

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
