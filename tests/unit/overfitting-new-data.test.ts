import { describe, expect, it } from 'vitest';
import { expectedMse, gaussLegendre, NEW_DATA_RULE, QUADRATURE_NODES } from '../../src/ml/overfitting/expected-error';
import { makeOverfittingData, mse, predict, target } from '../../src/ml/overfitting/math';

describe('Gauss–Legendre quadrature', () => {
  it('the 2-point rule is ±1/√3 with weights 1; the 3-point rule 0, ±√(3/5) with 8/9, 5/9', () => {
    const two = gaussLegendre(2);
    expect([...two.x].map((v) => v + 0)).toEqual([-1 / Math.sqrt(3), 1 / Math.sqrt(3)].map((v) => expect.closeTo(v, 14)));
    expect([...two.w]).toEqual([1, 1].map((v) => expect.closeTo(v, 14)));
    const three = gaussLegendre(3);
    expect([...three.x].map((v) => v + 0)).toEqual([-Math.sqrt(0.6), 0, Math.sqrt(0.6)].map((v) => expect.closeTo(v, 14)));
    expect([...three.w]).toEqual([5 / 9, 8 / 9, 5 / 9].map((v) => expect.closeTo(v, 14)));
  });
  it(`with ${QUADRATURE_NODES} nodes integrates xᵏ exactly up to k = 63, and sin²(πx) to 1`, () => {
    const { x, w } = gaussLegendre(QUADRATURE_NODES);
    const integrate = (f: (x: number) => number) => x.reduce((sum, v, i) => sum + w[i] * f(v), 0);
    for (const k of [0, 1, 2, 12, 30, 62, 63])
      expect(
        integrate((v) => v ** k),
        `x^${k}`,
      ).toBeCloseTo(k % 2 ? 0 : 2 / (k + 1), 13);
    expect(integrate((v) => Math.sin(Math.PI * v) ** 2)).toBeCloseTo(1, 14);
    // ∫ x sin(πx) dx over [−1, 1] = 2/π
    expect(integrate((v) => v * Math.sin(Math.PI * v))).toBeCloseTo(2 / Math.PI, 14);
  });
  it('the rule on [−1, 1] averages: its weights sum to 1 and its targets are sin(πx)', () => {
    expect(NEW_DATA_RULE.weight.reduce((a, b) => a + b)).toBeCloseTo(1, 14);
    NEW_DATA_RULE.x.forEach((x, i) => expect(NEW_DATA_RULE.truth[i]).toBe(target(x)));
  });
});

describe('the expected MSE on new data', () => {
  it('closed forms: θ = 0 gives ½ + σ²; ŷ = wx gives w²/3 − 2w/π + ½ + σ²', () => {
    expect(expectedMse([0], 0.2)).toBeCloseTo(0.5 + 0.04, 14);
    expect(expectedMse([0, 0, 0], 0)).toBeCloseTo(0.5, 14);
    for (const w of [0.5, 1, 3]) expect(expectedMse([0, w], 0.2)).toBeCloseTo(w ** 2 / 3 - (2 * w) / Math.PI + 0.5 + 0.04, 13);
  });
  it('agrees with the MSE on a large fresh sample from the same source', () => {
    const theta = [0.1, 2.5, -0.3, -2.4, 0.2, -0.4];
    const big = makeOverfittingData(20_000, 0.2, 7).train;
    expect(mse(big, theta)).toBeCloseTo(expectedMse(theta, 0.2), 2);
    expect(predict(theta, 0)).toBe(0.1);
  });
});
