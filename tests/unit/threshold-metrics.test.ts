import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../src/ml/logistic-regression/math';
import { auc, confusionMatrix, rocCurve } from '../../src/ml/shared/metrics';
import { createRng, gaussian } from '../../src/ml/shared/random';
import {
  alwaysNegativeAccuracy,
  classHistograms,
  logit,
  logitGrid,
  logits,
  reportAt,
  scoreEvaluation,
} from '../../src/ml/metrics/threshold';

// Six evaluation points by their logits z = w·x + b, hand-picked; P = 3, N = 3.
const z = [3, 1, 0.5, -0.2, -1, -2];
const y = [1, 0, 1, 1, 0, 0];

describe('logit, the threshold on the scale the model ranks by', () => {
  it('is the inverse of σ, 0 at one half and odd around it', () => {
    expect(logit(0.5)).toBe(0);
    expect(logit(0.75)).toBeCloseTo(Math.log(3), 14);
    expect(logit(0.01)).toBeCloseTo(-logit(0.99), 12);
    for (const t of [0.01, 0.2, 0.5, 0.93, 0.99]) expect(sigmoid(logit(t))).toBeCloseTo(t, 14);
  });

  it('computes w·x + b for each point', () => {
    const points = { x1: Float32Array.from([1, 0, -2]), x2: Float32Array.from([0, 1, 0.5]), label: Uint8Array.from([1, 0, 0]) };
    expect(Array.from(logits(points, { w1: 2, w2: -1, b: 0.5 }))).toEqual([2.5, -0.5, -4]);
  });

  it("computes it over a grid whose corners are the window's", () => {
    const grid = logitGrid({ w1: 2, w2: -1, b: 0.5 }, [-4, 4], 3, 2);
    // Row 0 is x₂ = −4, row 1 x₂ = 4; columns x₁ = −4, 0, 4.
    expect(Array.from(grid)).toEqual([-3.5, 4.5, 12.5, -11.5, -3.5, 4.5]);
  });
});

describe('the metrics at a threshold', () => {
  it('match a hand-computed case at t = 0.5 (z ≥ 0)', () => {
    // Predicted 1: z = 3 (1), 1 (0), 0.5 (1) → tp 2, fp 1; predicted 0: −0.2 (1), −1 (0), −2 (0) → fn 1, tn 2.
    const r = reportAt(z, y, 0.5);
    expect(r.matrix).toEqual({ tp: 2, fp: 1, tn: 2, fn: 1 });
    expect(r.accuracy).toBeCloseTo(4 / 6, 14);
    expect(r.precision).toBeCloseTo(2 / 3, 14);
    expect(r.recall).toBeCloseTo(2 / 3, 14);
    expect(r.fpr).toBeCloseTo(1 / 3, 14);
    expect(r.f1).toBeCloseTo(2 / 3, 14);
  });

  it('predict 1 for a point exactly on the threshold (σ(z) = t)', () => {
    expect(reportAt([0, -1e-12], [1, 1], 0.5).matrix).toEqual({ tp: 1, fp: 0, tn: 0, fn: 1 });
    expect(reportAt([logit(0.75)], [0], 0.75).matrix).toEqual({ tp: 0, fp: 1, tn: 0, fn: 0 });
  });

  it('match a hand-computed case at t = 0.75 (z ≥ ln 3 ≈ 1.0986)', () => {
    // Only z = 3 is predicted 1: tp 1, fp 0, fn 2, tn 3.
    const r = reportAt(z, y, 0.75);
    expect(r.matrix).toEqual({ tp: 1, fp: 0, tn: 3, fn: 2 });
    expect(r.precision).toBe(1);
    expect(r.recall).toBeCloseTo(1 / 3, 14);
    expect(r.fpr).toBe(0);
    expect(r.f1).toBeCloseTo(0.5, 14); // 2·1 / (2·1 + 0 + 2)
    expect(r.accuracy).toBeCloseTo(4 / 6, 14);
  });

  it('predict 1 for σ(z) ≥ t exactly as for z ≥ logit(t)', () => {
    const rng = createRng(3);
    const s = Array.from({ length: 200 }, () => 3 * gaussian(rng));
    const labels = s.map((v) => (rng() < sigmoid(v) ? 1 : 0));
    const p = s.map(sigmoid);
    for (let t = 0.01; t < 1; t += 0.07) expect(reportAt(s, labels, t).matrix).toEqual(confusionMatrix(p, labels, t));
  });

  it('follow the zero-division conventions: nothing predicted, or a class missing, gives 0', () => {
    const none = reportAt(z, y, 0.99); // logit 0.99 ≈ 4.6: nothing predicted positive
    expect(none.matrix).toEqual({ tp: 0, fp: 0, tn: 3, fn: 3 });
    expect([none.precision, none.recall, none.fpr, none.f1]).toEqual([0, 0, 0, 0]);
    const noNegatives = reportAt([1, -1], [1, 1], 0.5);
    expect(noNegatives.fpr).toBe(0);
    expect(noNegatives.recall).toBe(0.5);
    const noPositives = reportAt([1, -1], [0, 0], 0.5);
    expect([noPositives.recall, noPositives.precision, noPositives.f1, noPositives.fpr]).toEqual([0, 0, 0, 0.5]);
  });
});

describe('the threshold → ROC point mapping', () => {
  // With a tie of a positive and a negative at z = 0.5 (two negatives and a positive) and one at −1.
  const tz = [2, 0.5, 0.5, 0.5, -1, -1, -3];
  const ty = [1, 1, 0, 0, 1, 0, 0];

  it('lands on the ROC vertex of the lowest score the threshold still admits, and (0, 0) above them all', () => {
    const curve = rocCurve(tz, ty);
    for (let k = 1; k <= 99; k++) {
      const t = k / 100;
      const r = reportAt(tz, ty, t);
      const admitted = curve.filter((p) => p.threshold >= logit(t));
      const vertex = admitted[admitted.length - 1];
      expect([r.fpr, r.recall]).toEqual([vertex.fpr, vertex.tpr]);
    }
    // By hand: t = 0.5 (z ≥ 0) admits 2 and the tie at 0.5 → tp 2 of 3, fp 2 of 4; t = 0.9 (z ≥ 2.197) nothing.
    expect([reportAt(tz, ty, 0.5).fpr, reportAt(tz, ty, 0.5).recall]).toEqual([2 / 4, 2 / 3]);
    expect([reportAt(tz, ty, 0.9).fpr, reportAt(tz, ty, 0.9).recall]).toEqual([0, 0]);
    // t = 0.3 (z ≥ −0.847) admits the same points as 0.5: a tie is crossed whole, never half.
    expect(reportAt(tz, ty, 0.3).matrix).toEqual(reportAt(tz, ty, 0.5).matrix);
  });

  it('moves down and to the left as the threshold rises; precision need not rise', () => {
    const rng = createRng(8);
    const s = Array.from({ length: 300 }, () => 2 * gaussian(rng));
    const labels = s.map((v) => (rng() < sigmoid(v) ? 1 : 0));
    let previous = reportAt(s, labels, 0.01);
    for (let k = 2; k <= 99; k++) {
      const r = reportAt(s, labels, k / 100);
      expect(r.fpr).toBeLessThanOrEqual(previous.fpr);
      expect(r.recall).toBeLessThanOrEqual(previous.recall);
      previous = r;
    }
    // Hand case: raising t from 0.6 (z ≥ 0.405: 3 (1), 1 (0), 0.5 (1)) to 0.7 (z ≥ 0.847: 3 (1), 1 (0)) drops a
    // true positive and keeps the false one: precision falls from 2/3 to 1/2.
    expect(reportAt(z, y, 0.6).precision).toBeCloseTo(2 / 3, 14);
    expect(reportAt(z, y, 0.7).precision).toBeCloseTo(1 / 2, 14);
  });

  it('ranks by logits: probabilities that round to 1 would tie points the model still orders', () => {
    // σ(40) … σ(70) are all exactly 1 in floating point.
    const big = [40, 50, 60, 70];
    const labels = [0, 1, 0, 1];
    expect(big.map(sigmoid)).toEqual([1, 1, 1, 1]);
    // Pairs: 50 > 40, 50 < 60, 70 > 40, 70 > 60 → 3/4 on logits; one tie of everything → 1/2 on probabilities.
    expect(auc(rocCurve(big, labels))).toBe(0.75);
    expect(auc(rocCurve(big.map(sigmoid), labels))).toBe(0.5);
    // The widget's own path: points at x₁ = 4, 5, 6, 7 and w₁ = 10 give exactly those logits.
    const points = { x1: Float32Array.from([4, 5, 6, 7]), x2: new Float32Array(4), label: Uint8Array.from(labels) };
    const scored = scoreEvaluation(points, { w1: 10, w2: 0, b: 0 }, 10);
    expect(Array.from(scored.z)).toEqual(big);
    expect(scored.auc).toBe(0.75);
    expect(scored.roc.map((p) => [p.fpr, p.tpr])).toEqual([
      [0, 0],
      [0, 0.5],
      [0.5, 0.5],
      [0.5, 1],
      [1, 1],
    ]);
    expect(Array.from(scored.histograms.positive)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('the baseline and the histograms', () => {
  it('"always negative" scores the share of negatives', () => {
    expect(alwaysNegativeAccuracy([0, 0, 0, 1])).toBe(0.75);
    expect(alwaysNegativeAccuracy(Uint8Array.from({ length: 100 }, (_, i) => (i < 5 ? 1 : 0)))).toBe(0.95);
    expect(alwaysNegativeAccuracy([])).toBe(0);
  });

  it('bins σ(z) per class as shares of the class', () => {
    // σ(z) = 0.1, 0.3, 0.6, 0.9 for positives and 0.1, 0.1, 0.4, 0.95 for negatives, in 4 bins of width 1/4.
    const p = [0.1, 0.3, 0.6, 0.9, 0.1, 0.1, 0.4, 0.95];
    const labels = [1, 1, 1, 1, 0, 0, 0, 0];
    const h = classHistograms(p.map(logit), labels, 4);
    expect(Array.from(h.positive)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(Array.from(h.negative)).toEqual([0.5, 0.25, 0, 0.25]);
  });

  it('right of a threshold on a bin edge, adds up to the recall (positives) and the false-positive rate (negatives)', () => {
    const rng = createRng(5);
    const s = Array.from({ length: 400 }, () => 2.5 * gaussian(rng));
    const labels = s.map((v) => (rng() < sigmoid(v) ? 1 : 0));
    const bins = 20;
    const h = classHistograms(s, labels, bins);
    expect(h.positive.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(h.negative.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    for (let k = 1; k < bins; k++) {
      const r = reportAt(s, labels, k / bins);
      expect(h.positive.slice(k).reduce((a, b) => a + b, 0)).toBeCloseTo(r.recall, 12);
      expect(h.negative.slice(k).reduce((a, b) => a + b, 0)).toBeCloseTo(r.fpr, 12);
    }
  });
});
