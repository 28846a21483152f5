/** Heatmap shading: −1 the class-0 colour at 55 %, 0 the background, +1 the class-1 colour at 55 %, rows bottom-up. */
import { describe, expect, it } from 'vitest';
import { rgb, shadeInto, type ShadeColors } from '../../src/charts/shade';

const COLORS: ShadeColors = { background: [255, 255, 255], one: [0, 114, 178], zero: [194, 65, 12] };

function image(width: number, height: number) {
  return { data: new Uint8ClampedArray(4 * width * height), width, height } as unknown as ImageData;
}

function pixel(pixels: ImageData, x: number, y: number) {
  return [...pixels.data.slice(4 * (y * pixels.width + x), 4 * (y * pixels.width + x) + 4)];
}

/** The colour a score t gets, by the mixing rule itself. */
function expected(t: number) {
  const target = t >= 0 ? COLORS.one : COLORS.zero;
  return [...COLORS.background.map((b, c) => b + (target[c] - b) * Math.abs(t) * 0.55), 255];
}

/** Within one level of each channel (8-bit rounding). */
function expectShade(actual: number[], t: number) {
  actual.forEach((v, c) => expect(Math.abs(v - expected(t)[c]), `t=${t}, channel ${c}`).toBeLessThanOrEqual(0.5 + 1e-9));
}

describe('shadeInto', () => {
  it('mixes the class colours into the background by the score, clipped to ±1', () => {
    const pixels = image(5, 1);
    shadeInto(pixels, 0, 0, { values: [-1, -0.5, 0, 0.25, 7], cols: 5, rows: 1 }, (v) => v, COLORS);
    [-1, -0.5, 0, 0.25, 1].forEach((t, x) => expectShade(pixel(pixels, x, 0), t));
  });

  it('puts the grid’s first row at the bottom, applies the shade function, and leaves NaN as background', () => {
    const pixels = image(2, 2);
    shadeInto(pixels, 0, 0, { values: [0, 1, NaN, 0.5], cols: 2, rows: 2 }, (p) => 2 * p - 1, COLORS);
    expectShade(pixel(pixels, 0, 1), -1);
    expectShade(pixel(pixels, 1, 1), 1);
    expect(pixel(pixels, 0, 0)).toEqual([255, 255, 255, 255]);
    expectShade(pixel(pixels, 1, 0), 0);
  });

  it('resamples the grid into a block of another size, nearest cell first, at the opacity asked', () => {
    const values = Array.from({ length: 16 }, (_, i) => (i % 4 === 1 ? 1 : -1)); // column 1 is +1
    const pixels = image(5, 2);
    // A 2 × 2 block takes cells 1 and 3 of each direction (pixel centres at 0.25 and 0.75 of the grid).
    shadeInto(pixels, 3, 0, { values, cols: 4, rows: 4 }, (v) => v, COLORS, { width: 2, height: 2, alpha: 0.5 });
    for (const y of [0, 1]) {
      expectShade(pixel(pixels, 3, y).slice(0, 3).concat(255), 1);
      expectShade(pixel(pixels, 4, y).slice(0, 3).concat(255), -1);
      expect(pixel(pixels, 3, y)[3]).toBe(128);
      expect(pixel(pixels, 0, y)).toEqual([0, 0, 0, 0]);
    }
    // Four times the grid's size: every cell becomes a 4 × 4 square.
    const big = image(16, 16);
    shadeInto(big, 0, 0, { values, cols: 4, rows: 4 }, (v) => v, COLORS, { width: 16, height: 16 });
    for (let x = 0; x < 16; x++) expectShade(pixel(big, x, 7), x >= 4 && x < 8 ? 1 : -1);
  });
});

describe('rgb', () => {
  it('reads the colours a custom property may hold, the minified #fff included', () => {
    expect(rgb('#0072b2')).toEqual([0, 114, 178]);
    expect(rgb(' #FFFFFF ')).toEqual([255, 255, 255]);
    expect(rgb('#fff')).toEqual([255, 255, 255]);
    expect(rgb('#0f1')).toEqual([0, 255, 17]);
    expect(rgb('rgb(15, 20, 32)')).toEqual([15, 20, 32]);
    expect(rgb('rgb(15 20 32)')).toEqual([15, 20, 32]);
    expect(rgb('tomato')).toEqual([128, 128, 128]);
    expect(rgb('')).toEqual([128, 128, 128]);
  });
});
