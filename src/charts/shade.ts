/**
 * Shading a score grid in two class colours over the background: −1 fully the class-0 colour, 0 the
 * background, +1 fully the class-1 colour. Shared by the classification plot and the network diagram's
 * small heatmaps.
 */
import type { ScoreGrid } from './ClassificationCanvas';

export type Rgb = [number, number, number];

/**
 * A CSS colour as read from a custom property: `#rrggbb`, or `#rgb` (the production build's minifier writes
 * `#ffffff` as `#fff`), or `rgb(r, g, b)`. Anything else is mid grey.
 */
export function rgb(color: string): Rgb {
  const text = color.trim();
  const hex = text.replace('#', '');
  if (/^[0-9a-f]{6}$/i.test(hex)) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  if (/^[0-9a-f]{3}$/i.test(hex)) return [0, 1, 2].map((i) => parseInt(hex[i] + hex[i], 16)) as Rgb;
  const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(text);
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  return [128, 128, 128];
}

export interface ShadeColors {
  background: Rgb;
  one: Rgb;
  zero: Rgb;
}

/** Shades of t ∈ [−1, 1] in PALETTE_STEPS steps: finer than 8-bit colour over the 55 % mix. */
const PALETTE_STEPS = 512;
const palettes = new Map<string, Uint32Array>();

/** Every shade as a 32-bit RGBA pixel (byte order R, G, B, A in memory), made once per colour set and opacity. */
function palette({ background: bg, one, zero }: ShadeColors, alpha: number): Uint32Array {
  const key = `${bg}|${one}|${zero}|${alpha}`;
  let table = palettes.get(key);
  if (!table) {
    const bytes = new Uint8ClampedArray(4 * (PALETTE_STEPS + 1));
    for (let i = 0; i <= PALETTE_STEPS; i++) {
      const t = (2 * i) / PALETTE_STEPS - 1;
      const target = t >= 0 ? one : zero;
      const mix = Math.abs(t) * 0.55;
      for (let c = 0; c < 3; c++) bytes[4 * i + c] = bg[c] + (target[c] - bg[c]) * mix;
      bytes[4 * i + 3] = 255 * alpha;
    }
    table = new Uint32Array(bytes.buffer);
    palettes.set(key, table);
  }
  return table;
}

export interface ShadeBlock {
  /** The block's size in pixels; the grid's own size (one pixel a cell) by default. */
  width?: number;
  height?: number;
  /** The pixels' opacity, 0–1. */
  alpha?: number;
}

/**
 * Writes the grid into `pixels` (an ImageData of width `stride`) as the block whose top-left pixel is
 * (`x0`, `y0`), with the grid's first row at the block's bottom (grid rows run upwards, image rows
 * downwards). A block of another size than the grid takes each pixel from the nearest cell.
 */
export function shadeInto(
  pixels: ImageData,
  x0: number,
  y0: number,
  grid: ScoreGrid,
  shade: (score: number) => number,
  colors: ShadeColors,
  { width = grid.cols, height = grid.rows, alpha = 1 }: ShadeBlock = {},
) {
  const out = new Uint32Array(pixels.data.buffer, pixels.data.byteOffset, pixels.width * pixels.height);
  const stride = pixels.width;
  const table = palette(colors, alpha);
  const columns = nearestCells(width, grid.cols);
  const rows = nearestCells(height, grid.rows);
  const half = PALETTE_STEPS / 2;
  for (let r = 0; r < height; r++) {
    const line = (y0 + height - 1 - r) * stride + x0;
    const row = rows[r] * grid.cols;
    for (let c = 0; c < width; c++) {
      const t = shade(grid.values[row + columns[c]]);
      // Clipped to [−1, 1]; NaN (a diverged run) shades as the background.
      out[line + c] = table[t >= 1 ? PALETTE_STEPS : t <= -1 ? 0 : t === t ? ((t + 1) * half + 0.5) | 0 : half];
    }
  }
}

const cellMaps = new Map<number, Int32Array>();

/** For each of `pixels` pixels along one side, the nearest of `cells` cells: made once per pair of sizes. */
function nearestCells(pixels: number, cells: number): Int32Array {
  const key = pixels * 65536 + cells;
  let map = cellMaps.get(key);
  if (!map) {
    map = Int32Array.from({ length: pixels }, (_, i) => Math.floor(((i + 0.5) * cells) / pixels));
    cellMaps.set(key, map);
  }
  return map;
}
