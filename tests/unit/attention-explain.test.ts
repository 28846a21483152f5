/** The attention calculator's numbers and the words that explain them (src/widgets/attention-calculator/explain.ts). */
import { describe, expect, it } from 'vitest';
import { ATTENTION_PRESETS, attentionOf } from '../../src/ml/attention/attention';
import { explainers, fixed } from '../../src/widgets/attention-calculator/explain';
import { ATTENTION_STRINGS } from '../../src/widgets/attention-calculator/strings';

describe('fixed', () => {
  it('shows a fixed count of decimals, a real minus sign, −∞, and never −0', () => {
    expect(fixed(0.7368, 3)).toBe('0.737');
    expect(fixed(-0.75, 2)).toBe('−0.75');
    expect(fixed(-0.0001, 2)).toBe('0.00');
    expect(fixed(-Infinity, 2)).toBe('−∞');
    expect(fixed(123456, 2)).toBe('1.23e5');
  });
});

describe('explainers', () => {
  const p = ATTENTION_PRESETS.pronoun;
  const explain = (lang: 'zh' | 'en', mask = false, scale = true) => {
    const r = attentionOf(p.x, p, { scale, mask, temperature: 1 });
    return explainers({ r, x: p.x, projections: p, tokens: p.tokens[lang], temperature: 1, scale, s: ATTENTION_STRINGS[lang] });
  };
  it('spell out each step for “it” and “animal” with the numbers shown', () => {
    const ex = explain('en');
    expect(ex.q(3, 0)).toBe('Q[it][1] = X[it] · column 1 of W_Q = 0.30×0.00 + 0.30×0.00 + 1.00×3.00 + 0.00×1.00 = 3.00');
    expect(ex.scores(3, 0)).toBe('QKᵀ[it][animal] = Q[it] · K[animal] = 3.00×2.00 + 0.50×0.00 + 0.60×0.00 = 6.00');
    expect(ex.scaled(3, 0)).toBe('scaled[it][animal] = 6.00 / 1.732 = 3.46');
    expect(ex.weights(3, 0)).toMatch(/^weights\[it\]\[animal\] = softmax of row “it” at “animal”: .* = 31\.95 \/ 43\.33 = 0\.737$/);
    expect(ex.sum(3)).toContain('1.000');
    expect(ex.output(3, 0)).toMatch(/^output\[it\]\[1\] = .* = 0\.78$/);
    expect(explain('zh').weights(3, 0)).toContain('weights[它][动物]');
  });
  it('say why a masked weight is exactly 0', () => {
    const ex = explain('en', true);
    expect(ex.masked(0, 1)).toContain('−∞');
    expect(ex.weights(0, 1)).toContain('0 exactly');
    expect(ex.masked(1, 0)).toContain('1.15');
  });
  it('name the unscaled scores and Q = X without projections', () => {
    expect(explain('en', false, false).scaled(3, 0)).toContain('not scaled');
    const r = attentionOf(p.x, null, { scale: true, mask: false, temperature: 1 });
    const ex = explainers({ r, x: p.x, projections: null, tokens: p.tokens.en, temperature: 1, scale: true, s: ATTENTION_STRINGS.en });
    expect(ex.k(3, 2)).toBe('K[it][3] = X[it][3] = 1.00 (projections off)');
  });
});
