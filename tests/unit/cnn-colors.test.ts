import { describe, expect, it } from 'vitest';
import type { Rgb } from '../../src/charts/shade';
import { contrastRatio, mix, relativeLuminance, textOn } from '../../src/charts/contrast';
import { DIVERGING_ZERO, divergingPalette, greyPalette } from '../../src/charts/palettes';
import { cellColors, countShade } from '../../src/widgets/cnn-mnist/colors';
import { createRng } from '../../src/ml/shared/random';

/** A packed palette entry back to its bytes R, G, B, A. */
const bytes = (palette: Uint32Array, i: number) => Array.from(new Uint8Array(palette.buffer, 4 * i, 4));

describe('contrast', () => {
  it('follows WCAG 2: black on white is 21 : 1, a colour on itself 1 : 1', () => {
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 12);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 10);
    expect(contrastRatio([12, 130, 200], [12, 130, 200])).toBe(1);
    // #767676 on white is the classic 4.54 : 1.
    expect(contrastRatio([0x76, 0x76, 0x76], [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it('picks black or white text with at least 4.5 : 1 on any background', () => {
    const rng = createRng(11);
    for (let i = 0; i < 2000; i++) {
      const bg: Rgb = [Math.floor(rng() * 256), Math.floor(rng() * 256), Math.floor(rng() * 256)];
      const text: Rgb = textOn(bg) === '#000000' ? [0, 0, 0] : [255, 255, 255];
      expect(contrastRatio(bg, text)).toBeGreaterThanOrEqual(4.5);
    }
    expect(textOn([255, 255, 255])).toBe('#000000');
    expect(textOn([0x0f, 0x14, 0x20])).toBe('#ffffff');
  });
});

describe('confusion-matrix shades', () => {
  it('shades 0 as the background, one count at 0.15 or more, the largest fully, on a log scale', () => {
    expect(countShade(0, 900)).toBe(0);
    expect(countShade(1, 900)).toBeGreaterThanOrEqual(0.15);
    expect(countShade(900, 900)).toBeCloseTo(1, 12);
    // log scale: 30 of 900 is past halfway (0.15 + 0.85 · ln 31 / ln 901 ≈ 0.58).
    expect(countShade(30, 900)).toBeCloseTo(0.15 + (0.85 * Math.log(31)) / Math.log(901), 12);
    expect(countShade(5, 0)).toBe(0);
  });

  it('gives a cell the background mixed towards its hue and readable text (the themes’ colours)', () => {
    const light = { bg: [255, 255, 255] as Rgb, right: [0x00, 0x72, 0xb2] as Rgb, wrong: [0xc2, 0x41, 0x0c] as Rgb };
    const dark = { bg: [0x0f, 0x14, 0x20] as Rgb, right: [0x56, 0xb4, 0xe9] as Rgb, wrong: [0xf0, 0xa0, 0x30] as Rgb };
    expect(cellColors(light.bg, light.wrong, 0, 40)).toEqual({ background: 'rgb(255, 255, 255)', color: '#000000' });
    expect(cellColors(light.bg, light.right, 980, 980)).toEqual({ background: 'rgb(0, 114, 178)', color: '#ffffff' });
    for (const theme of [light, dark])
      for (const hue of [theme.right, theme.wrong])
        for (let count = 0; count <= 40; count++) {
          const { background, color } = cellColors(theme.bg, hue, count, 40);
          const bg = background.match(/\d+/g)!.map(Number) as Rgb;
          expect(contrastRatio(bg, color === '#000000' ? [0, 0, 0] : [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
        }
  });
});

describe('image palettes', () => {
  const paper: Rgb = [250, 250, 250];
  const ink: Rgb = [10, 20, 30];

  it('grey: 256 entries from paper to ink, opaque', () => {
    const p = greyPalette(paper, ink);
    expect(p.length).toBe(256);
    expect(bytes(p, 0)).toEqual([250, 250, 250, 255]);
    expect(bytes(p, 255)).toEqual([10, 20, 30, 255]);
    expect(bytes(p, 128)).toEqual(
      mix(paper, ink, 128 / 255)
        .map((c) => Math.round(c))
        .concat(255),
    );
  });

  it('diverging: negative at 0, paper at DIVERGING_ZERO, positive at the end', () => {
    const p = divergingPalette([0, 0, 255], paper, [255, 0, 0]);
    expect(p.length).toBe(2 * DIVERGING_ZERO + 1);
    expect(bytes(p, 0)).toEqual([0, 0, 255, 255]);
    expect(bytes(p, DIVERGING_ZERO)).toEqual([250, 250, 250, 255]);
    expect(bytes(p, 2 * DIVERGING_ZERO)).toEqual([255, 0, 0, 255]);
  });
});
