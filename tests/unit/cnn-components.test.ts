// The CNN widget's page parts rendered to static markup in Node: their text, names and states. (Pointer
// drawing and clicks are the browser's: the e2e test of the widget covers them.)
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { LangContext } from '../../src/i18n/LangContext';
import type { Lang } from '../../src/state/params';
import { ConfusionMatrix } from '../../src/widgets/cnn-mnist/ConfusionMatrix';
import { ValueGridCanvas } from '../../src/charts/ValueGridCanvas';
import { DrawPad } from '../../src/widgets/cnn-mnist/DrawPad';
import { ProbabilityBars, topClass } from '../../src/widgets/cnn-mnist/ProbabilityBars';

// The theme's colours come from the page's stylesheet; in Node, fixed light-theme values.
vi.mock('../../src/charts/useThemeColors', () => ({
  useThemeColors: () => ({
    background: [255, 255, 255],
    paper: [255, 255, 255],
    ink: [26, 31, 43],
    negative: [0, 114, 178],
    positive: [194, 65, 12],
    right: [0, 114, 178],
    wrong: [194, 65, 12],
  }),
}));

const render = (element: ReactElement, lang: Lang = 'en') =>
  renderToStaticMarkup(createElement(LangContext.Provider, { value: lang }, element));
/** The markup's text without tags. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('ProbabilityBars', () => {
  const probabilities = Float32Array.from([0.01, 0.002, 0.005, 0.01, 0.003, 0.004, 0.001, 0.93, 0.005, 0.03]);

  it('states the top class with its percentage and shows every digit’s percentage as text', () => {
    const html = render(createElement(ProbabilityBars, { probabilities }));
    expect(text(html)).toContain('Prediction: 7 (93 %)');
    expect(html.match(/<li/g)).toHaveLength(10);
    expect(text(html)).toContain('93.0 %');
    expect(text(html)).toContain('0.2 %');
    expect(html).toMatch(/class="cnn-bar cnn-bar-top" aria-label="digit 7: 93.0 %"/);
    expect(html.match(/cnn-bar-top/g)).toHaveLength(1);
  });

  it('says what to do when there is nothing to classify, in both languages', () => {
    expect(text(render(createElement(ProbabilityBars, { probabilities: null })))).toContain('Draw a digit, or pick one');
    expect(text(render(createElement(ProbabilityBars, { probabilities: null }), 'zh'))).toContain('写一个数字');
    expect(render(createElement(ProbabilityBars, { probabilities: null }))).not.toContain('<li');
  });

  it('takes a plain array too, and says 预测 in Chinese', () => {
    const html = render(createElement(ProbabilityBars, { probabilities: [0, 0, 0.6, 0.4, 0, 0, 0, 0, 0, 0] }), 'zh');
    expect(text(html)).toContain('预测：2（60%）');
    expect(html).toContain('aria-label="数字 2：60.0%"');
  });

  it('topClass takes the first of equal values and skips NaN', () => {
    expect(topClass([0.2, 0.5, 0.5])).toBe(1);
    expect(topClass([NaN, 0.1, 0.05])).toBe(1);
    expect(topClass([])).toBe(-1);
  });
});

describe('DrawPad', () => {
  it('names its canvas "Draw a digit …" / "…手写一个数字…" and has a Clear button', () => {
    const en = render(createElement(DrawPad, { onDigit: () => {} }));
    expect(en).toMatch(/<canvas[^>]*role="img"[^>]*aria-label="Draw a digit[^"]*"/);
    expect(en).toMatch(/<button type="button"[^>]*>Clear<\/button>/);
    const zh = render(createElement(DrawPad, { onDigit: () => {} }), 'zh');
    expect(zh).toMatch(/aria-label="[^"]*手写一个数字[^"]*"/);
    expect(zh).toContain('>清除</button>');
  });
});

describe('ValueGridCanvas', () => {
  it('is an image with its name, one canvas pixel per image pixel', () => {
    const html = render(createElement(ValueGridCanvas, { pixels: new Uint8Array(784), label: 'The 28 × 28 image', size: 112 }));
    expect(html).toMatch(/role="img"/);
    expect(html).toContain('aria-label="The 28 × 28 image"');
    expect(html).toContain('width="28" height="28"');
    expect(html).toContain('width:112px;height:112px');
  });

  it('keeps a feature map’s aspect ratio without a size', () => {
    const html = render(
      createElement(ValueGridCanvas, { pixels: new Float32Array(26 * 13), width: 26, height: 13, diverging: true, label: 'map' }),
    );
    expect(html).toContain('aspect-ratio:26 / 13');
  });
});

describe('ConfusionMatrix', () => {
  // Six test digits: 7→7, 2→2, 4→9, 4→9, 9→4, 1→1. Three right (7, 2, 1) of six.
  const labels = Uint8Array.from([7, 2, 4, 4, 9, 1]);
  const predictions = Uint8Array.from([7, 2, 9, 9, 4, 1]);
  const images = new Uint8Array(6 * 784);

  it('waits for the first evaluation', () => {
    const html = render(createElement(ConfusionMatrix, { labels: null, predictions: null, images }));
    expect(text(html)).toContain('once the network has been evaluated');
    expect(html).not.toContain('<table');
  });

  it('shows the accuracy, a 10 × 10 grid of buttons named by their cell, one of them in the tab order', () => {
    const html = render(createElement(ConfusionMatrix, { labels, predictions, images }));
    expect(text(html)).toContain('Accuracy: 50.0 % (3 of 6 test digits right)');
    expect(html.match(/<button type="button" class="cnn-cm-cell"/g)).toHaveLength(100);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="true 4, predicted 9: 2"');
    expect(html).toContain('aria-label="true 7, predicted 7 (right): 1"');
    expect(html.match(/<th scope="row">/g)).toHaveLength(10);
    expect(text(html)).toContain('predicted digit');
    expect(text(html)).toContain('true digit');
  });

  it('shades empty cells as the background with black text and the fullest mistake fully', () => {
    const html = render(createElement(ConfusionMatrix, { labels, predictions, images }));
    expect(html).toMatch(
      /data-cell="0-1" aria-label="[^"]*" aria-pressed="false" tabindex="-1" style="background:rgb\(255, 255, 255\);color:#000000"/,
    );
    expect(html).toMatch(/data-cell="4-9" [^>]*style="background:rgb\(194, 65, 12\);color:#ffffff"/);
  });

  it('is in Chinese on a Chinese page', () => {
    const html = render(createElement(ConfusionMatrix, { labels, predictions, images }), 'zh');
    expect(text(html)).toContain('准确率：50.0%（6 个测试数字中认对了 3 个）');
    expect(html).toContain('aria-label="真实 4，预测 9：2 个"');
  });
});
