/**
 * Shading a score grid in two class colours over the background: −1 fully the class-0 colour, 0 the
 * background, +1 fully the class-1 colour. Shared by the classification plot and the network diagram's
 * small heatmaps.
 */
import type { ScoreGrid } from './ClassificationCanvas';

export type Rgb = [number, number, number];

export function rgb(color: string): Rgb {
  const hex = color.replace('#', '');
  if (hex.length !== 6) return [128, 128, 128];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

export interface ShadeColors {
  background: Rgb;
  one: Rgb;
  zero: Rgb;
}

/**
 * Writes the grid into `pixels` (an ImageData of width `stride`) with its bottom-left cell at the bottom-left
 * of the block starting at column `x0`, row `y0` (grid rows run upwards, image rows downwards). With `step`
 * above 1 only every step-th cell each way is drawn, one pixel each: a thumbnail without a copy of the grid.
 */
export function shadeInto(
  pixels: ImageData,
  x0: number,
  y0: number,
  grid: ScoreGrid,
  shade: (score: number) => number,
  colors: ShadeColors,
  step = 1,
) {
  const { data, width: stride } = pixels;
  const { background: bg, one, zero } = colors;
  const cols = Math.ceil(grid.cols / step);
  const rows = Math.ceil(grid.rows / step);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const t = Math.max(-1, Math.min(1, shade(grid.values[r * step * grid.cols + c * step])));
      const target = t >= 0 ? one : zero;
      const mix = Math.abs(t) * 0.55;
      const offset = ((y0 + rows - 1 - r) * stride + x0 + c) * 4;
      data[offset] = bg[0] + (target[0] - bg[0]) * mix;
      data[offset + 1] = bg[1] + (target[1] - bg[1]) * mix;
      data[offset + 2] = bg[2] + (target[2] - bg[2]) * mix;
      data[offset + 3] = 255;
    }
  }
}
