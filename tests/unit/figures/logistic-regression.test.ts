/**
 * Every number lesson 04 (content/04-logistic-regression/{en,zh}.md) quotes, recomputed from the widget's
 * own model: its presets and point editing, its tfjs trainer on the cpu backend for the runs the text
 * describes, and its plain-TypeScript gradient (the same formula, tested against the trainer) for the
 * "other draws" ranges, which take a few hundred runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromTrack, toTrack } from '../../../src/controls/slider-scale';
import { LOGISTIC_REGRESSION_PARAMS, type LogisticRegressionParams } from '../../../src/ml/logistic-regression/contract';
import { accuracy, logLoss, logLossGradient, sigmoid, type Weights2D } from '../../../src/ml/logistic-regression/math';
import { createLogisticRegression } from '../../../src/ml/logistic-regression/trainer';
import { asInLink, flattenPoints, makePreset, togglePoint, type Points2D } from '../../../src/ml/shared/classification-data';
import { defaults, type NumberSpec } from '../../../src/state/params';
import { setFiguresBackend, train } from './train';

const DEFAULTS = defaults(LOGISTIC_REGRESSION_PARAMS) as LogisticRegressionParams;
const LR_SPEC = LOGISTIC_REGRESSION_PARAMS.find((p) => p.key === 'lr') as NumberSpec;

interface Fit {
  losses: number[];
  /** After step k + 1: w₁, w₂, b, and the accuracy measured before that step's update. */
  w: Weights2D[];
  accuracy: number[];
}

function run(settings: Partial<LogisticRegressionParams>, steps?: number, data?: number[]): Fit {
  const params = { ...DEFAULTS, ...settings };
  const result = train(createLogisticRegression, params, steps ?? params.steps, { data });
  return {
    losses: result.losses,
    w: result.traces.map(([w1, w2, b]) => ({ w1, w2, b })),
    accuracy: result.traces.map((t) => t[3]),
  };
}

const norm = (w: Weights2D) => Math.hypot(w.w1, w.w2);
const angle = (w: Weights2D) => (Math.atan2(w.w2, w.w1) * 180) / Math.PI;

/** Full-batch gradient descent with the plain-TypeScript gradient, from 0. */
function descend(points: Points2D, lr: number, steps: number, each?: (step: number, w: Weights2D) => void): Weights2D {
  let w = { w1: 0, w2: 0, b: 0 };
  for (let k = 1; k <= steps; k++) {
    const g = logLossGradient(points, w);
    w = { w1: w.w1 - lr * g.w1, w2: w.w2 - lr * g.w2, b: w.b - lr * g.b };
    each?.(k, w);
  }
  return w;
}

/** "Other draws, from New data": seeds other than the default 1. */
const OTHER_SEEDS = Array.from({ length: 100 }, (_, i) => i + 2);
const share = (values: number[], low: number, high: number) => values.filter((v) => v >= low && v <= high).length / values.length;

beforeAll(setFiguresBackend);

describe('the sigmoid and cross-entropy in closed form', () => {
  it('σ(0) = 0.5, σ(2) ≈ 0.88, σ(5) ≈ 0.993, σ(−2) ≈ 0.12; the slope at 0 is 0.25', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2).toFixed(2)).toBe('0.88');
    expect(sigmoid(5).toFixed(3)).toBe('0.993');
    expect(sigmoid(-2).toFixed(2)).toBe('0.12');
    expect(sigmoid(0) * (1 - sigmoid(0))).toBe(0.25);
    expect(Math.E.toFixed(3)).toBe('2.718');
  });

  it('probability 0.5 costs ln 2 ≈ 0.693, 0.01 costs 4.6', () => {
    expect(Math.LN2.toFixed(3)).toBe('0.693');
    expect((-Math.log(0.01)).toFixed(1)).toBe('4.6');
  });

  it('a class-1 example at z = −5: p ≈ 0.0067; squared error 0.987 with gradient about −0.013; cross-entropy about 5.0 with gradient −0.993', () => {
    const p = sigmoid(-5);
    expect(p.toFixed(4)).toBe('0.0067');
    expect(((p - 1) ** 2).toFixed(3)).toBe('0.987');
    expect((2 * (p - 1) * p * (1 - p)).toFixed(3)).toBe('-0.013');
    expect((-Math.log(p)).toFixed(1)).toBe('5.0');
    expect((p - 1).toFixed(3)).toBe('-0.993');
  });

  it('the probability levels 0.88 and 0.12 are z = ±2, 4/‖w‖ apart', () => {
    const w = { w1: 0.6, w2: 0.8, b: 0 };
    // Along the normal the score grows by ‖w‖ per unit length.
    expect((2 - -2) / norm(w)).toBe(4);
  });
});

describe('the common mistake: step function, error rate, made-up gradients on XOR', () => {
  it('all four predictions stay 0 for 1,000 steps, the error rate stays 0.5 and b drifts to −5 (at the tutorial’s rate 0.01)', () => {
    const X = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
    ];
    const y = [1, 1, 0, 0];
    const lr = 0.01;
    // The weights become vectors: one entry per example, as NumPy broadcasting makes them.
    const w = [new Array(4).fill(0), new Array(4).fill(0)];
    let b = 0;
    for (let step = 0; step < 1000; step++) {
      const predictions = X.map(([x1, x2], i) => (w[0][i] * x1 + w[1][i] * x2 + b > 0 ? 1 : 0));
      expect(predictions).toEqual([0, 0, 0, 0]);
      expect(predictions.filter((p, i) => p !== y[i]).length / 4).toBe(0.5);
      const average = y.reduce((s, yi, i) => s + yi - predictions[i], 0) / 4;
      b -= lr * average;
      for (const j of [0, 1]) w[j] = w[j].map((wj, i) => wj - lr * average * X[i][j]);
    }
    expect(b).toBeCloseTo(-5, 10);
  });
});

describe('the gradient', () => {
  it('at w = 0 the step −η∇ is η/4 times the arrow from the mean of class 0 to the mean of class 1; ∂L/∂b = 0', () => {
    const points = makePreset('separable', 40, 1);
    const g = logLossGradient(points, { w1: 0, w2: 0, b: 0 });
    const mean = (label: number, x: Float32Array) =>
      Array.from(x)
        .filter((_, i) => points.label[i] === label)
        .reduce((a, b) => a + b) / 40;
    expect(g.w1).toBeCloseTo(-(mean(1, points.x1) - mean(0, points.x1)) / 4, 6);
    expect(g.w2).toBeCloseTo(-(mean(1, points.x2) - mean(0, points.x2)) / 4, 6);
    expect(g.b).toBeCloseTo(0, 12);
  });
});

describe('the first widget (separable, 40 points per class, lr 0.5, seed 1)', () => {
  let sep: Fit;
  beforeAll(() => {
    sep = run({}, 5000);
  });

  it('two clusters of standard deviation 0.5 around (1, 1) and (−1, −1), N = 2n = 80; lr 0.5, 500 steps', () => {
    expect([DEFAULTS.preset, DEFAULTS.n, DEFAULTS.lr, DEFAULTS.steps]).toEqual(['separable', 40, 0.5, 500]);
    expect(makePreset('separable', 40, 1).x1.length).toBe(80);
  });

  it('before training: p = 0.5 everywhere, accuracy 50 % (every point in class 0), loss ln 2', () => {
    const points = makePreset('separable', 40, 1);
    expect(accuracy(points, { w1: 0, w2: 0, b: 0 })).toBe(0.5);
    expect(sep.losses[0]).toBeCloseTo(Math.LN2, 6);
    expect(sep.accuracy[0]).toBe(0.5);
  });

  it('one step: w₁ ≈ 0.25, w₂ ≈ 0.27, b = 0, close to x₁ + x₂ = 0; p at (1, 1) only about 0.63', () => {
    const w = sep.w[0];
    expect(w.w1.toFixed(2)).toBe('0.25');
    expect(w.w2.toFixed(2)).toBe('0.27');
    expect(w.b).toBe(0);
    expect(Math.abs(angle(w) - 45)).toBeLessThan(5);
    expect(sigmoid(w.w1 + w.w2 + w.b).toFixed(2)).toBe('0.63');
  });

  it('step 2 reads about 0.46 and 100 %', () => {
    expect(sep.losses[1].toFixed(2)).toBe('0.46');
    expect(sep.accuracy[1]).toBe(1);
  });

  it('the accuracy stays at 100 % while the loss falls to about 0.005 at step 500', () => {
    expect(sep.accuracy.slice(1, 500).every((a) => a === 1)).toBe(true);
    expect(sep.losses[499].toFixed(3)).toBe('0.005');
  });

  it('at 0.001, after 500 steps the weights are about where one step at 0.5 put them; accuracy 100 %, loss about 0.5', () => {
    const slow = run({ lr: 0.001 });
    const w = slow.w.at(-1)!;
    expect(Math.abs(w.w1 - sep.w[0].w1)).toBeLessThan(0.05);
    expect(Math.abs(w.w2 - sep.w[0].w2)).toBeLessThan(0.05);
    expect(slow.accuracy.at(-1)).toBe(1);
    expect(slow.losses.at(-1)!.toFixed(1)).toBe('0.5');
  });

  it('‖w‖ about 4.9 after 500 steps, about 7.5 after 5,000; the loss about 0.0007; the line turns by less than half a degree', () => {
    expect(norm(sep.w[499]).toFixed(1)).toBe('4.9');
    expect(norm(sep.w[4999]).toFixed(1)).toBe('7.5');
    expect(sep.losses[4999].toFixed(4)).toBe('0.0007');
    expect(sep.losses[4999]).toBeGreaterThan(0);
    expect(Math.abs(angle(sep.w[4999]) - angle(sep.w[499]))).toBeLessThan(0.5);
  });

  it('the band 4/‖w‖ shrinks from about 0.8 to about 0.53', () => {
    expect((4 / norm(sep.w[499])).toFixed(1)).toBe('0.8');
    expect((4 / norm(sep.w[4999])).toFixed(2)).toBe('0.53');
  });

  it('with ‖w‖ ≈ 7.5, p passes 0.9999 about 1.2 from the line', () => {
    expect((Math.log(0.9999 / 0.0001) / 7.5).toFixed(1)).toBe('1.2');
  });

  it('other draws: most reach about 7.5 to 10 after 5,000 steps; their lines usually turn by a few degrees, rarely more than 8', () => {
    const norms: number[] = [];
    const turns: number[] = [];
    for (const seed of OTHER_SEEDS) {
      const points = makePreset('separable', 40, seed);
      let at500 = 0;
      const w = descend(points, 0.5, 5000, (k, wk) => {
        if (k === 500) at500 = angle(wk);
      });
      if (accuracy(points, w) < 1) continue; // a draw whose clusters touch is not separable
      norms.push(norm(w));
      turns.push(Math.abs(angle(w) - at500));
    }
    expect(share(norms, 7.5, 10)).toBeGreaterThanOrEqual(0.8);
    expect(share(turns, 0, 8)).toBeGreaterThanOrEqual(0.85);
    expect(share(turns, 1, 8)).toBeGreaterThanOrEqual(0.6);
  });
});

describe('breaking the separability: a class-0 point at (2, 2)', () => {
  it('81 points; ‖w‖ stops near 2.8, the loss at about 0.12, 80 of 81 right (98.8 %); a larger budget changes nothing', () => {
    const own = togglePoint(asInLink(makePreset('separable', 40, 1)), 2, 2, 0, 0.15);
    expect(own.x1.length).toBe(81);
    const fit = run({}, 2000, flattenPoints(own));
    expect(norm(fit.w[499]).toFixed(1)).toBe('2.8');
    expect(fit.losses[499].toFixed(2)).toBe('0.12');
    expect(fit.accuracy[499]).toBeCloseTo(80 / 81, 6);
    expect(((80 / 81) * 100).toFixed(1)).toBe('98.8');
    expect(Math.abs(norm(fit.w[1999]) - norm(fit.w[499]))).toBeLessThan(0.01);
    expect(fit.losses[1999].toFixed(3)).toBe(fit.losses[499].toFixed(3));
  });
});

describe('the overlapping preset (standard deviation 1.2)', () => {
  let over: Fit;
  beforeAll(() => {
    over = run({ preset: 'overlapping' }, 2000);
  });

  it('levels off within about a hundred steps; the weights stop by about step 500', () => {
    expect(over.losses[99] - over.losses[499]).toBeLessThan(0.005);
    const [a, b] = [over.w[499], over.w[1999]];
    expect(Math.abs(a.w1 - b.w1) + Math.abs(a.w2 - b.w2) + Math.abs(a.b - b.b)).toBeLessThan(0.03);
  });

  it('the loss settles at about 0.17, the accuracy at 92.5 % (74 of 80)', () => {
    expect(over.losses[499].toFixed(2)).toBe('0.17');
    expect(over.accuracy[499]).toBeCloseTo(0.925, 6);
    expect(0.925 * 80).toBe(74);
  });

  it('‖w‖ stops near 3, so the band from 0.12 to 0.88 stays about 1.3 wide', () => {
    expect(Math.round(norm(over.w[1999]))).toBe(3);
    expect((4 / norm(over.w[1999])).toFixed(1)).toBe('1.3');
  });

  it('no classifier beats about 88 % on new points from the same clouds (the Bayes rate)', () => {
    // The best boundary is x₁ + x₂ = 0; each mean is √2 from it, the spread along the normal is 1.2.
    const phi = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
    expect(Math.round(phi(Math.SQRT2 / 1.2) * 100)).toBe(88);
  });

  it('eight in ten other draws give roughly 0.16 to 0.35 and 84 to 94 %', () => {
    const losses: number[] = [];
    const accuracies: number[] = [];
    for (const seed of OTHER_SEEDS) {
      const points = makePreset('overlapping', 40, seed);
      const w = descend(points, 0.5, 500);
      losses.push(logLoss(points, w));
      accuracies.push(accuracy(points, w));
    }
    expect(share(losses, 0.16, 0.35)).toBeGreaterThanOrEqual(0.75);
    expect(share(losses, 0.16, 0.35)).toBeLessThanOrEqual(0.9);
    expect(share(accuracies, 0.84, 0.94)).toBeGreaterThanOrEqual(0.75);
    expect(share(accuracies, 0.84, 0.94)).toBeLessThanOrEqual(0.9);
  });
});

describe('XOR', () => {
  it('four clusters of standard deviation 0.35, n/2 points each', () => {
    const points = makePreset('xor', 40, 1);
    const quadrant = (i: number) => `${Math.sign(points.x1[i])},${Math.sign(points.x2[i])}`;
    const count = (q: string) => points.label.filter((_, i) => quadrant(i) === q).length;
    expect([count('1,1'), count('-1,-1'), count('1,-1'), count('-1,1')]).toEqual([20, 20, 20, 20]);
  });

  it('the loss stays near 0.693 (about 0.69 at step 500), accuracy 50 %, weights below about 0.3', () => {
    const xor = run({ preset: 'xor' });
    expect(xor.losses.at(-1)!.toFixed(2)).toBe('0.69');
    expect(xor.accuracy.at(-1)).toBe(0.5);
    for (const w of xor.w) expect(Math.max(Math.abs(w.w1), Math.abs(w.w2))).toBeLessThan(0.3);
  });

  it('other draws give about 49 to 55 %', () => {
    const accuracies = OTHER_SEEDS.map((seed) => {
      const points = makePreset('xor', 40, seed);
      return accuracy(points, descend(points, 0.5, 500));
    });
    expect(share(accuracies, 0.485, 0.555)).toBeGreaterThanOrEqual(0.9);
  });

  it('the four centres: the class-1 inequalities add to 2b > 0, the class-0 ones to 2b < 0; a line cutting one corner gets 75 %', () => {
    const centres: [number, number, number][] = [
      [1, 1, 1],
      [-1, -1, 1],
      [1, -1, 0],
      [-1, 1, 0],
    ];
    // Every line through a grid of weights classifies at most three centres.
    let best = 0;
    for (let w1 = -2; w1 <= 2; w1 += 0.25)
      for (let w2 = -2; w2 <= 2; w2 += 0.25)
        for (let b = -3; b <= 3; b += 0.25) {
          const right = centres.filter(([x1, x2, y]) => (w1 * x1 + w2 * x2 + b > 0 ? 1 : 0) === y).length;
          best = Math.max(best, right);
        }
    expect(best / 4).toBe(0.75);
  });
});

describe('the learning rate', () => {
  it('the gradient is bounded: |∂L/∂w_j| ≤ max |x_ij| ≤ 3 and |∂L/∂b| ≤ 1, whatever the weights', () => {
    const points = makePreset('separable', 40, 1);
    for (const w of [
      { w1: 50, w2: -40, b: 7 },
      { w1: -300, w2: 200, b: -90 },
    ]) {
      const g = logLossGradient(points, w);
      expect(Math.abs(g.w1)).toBeLessThanOrEqual(3);
      expect(Math.abs(g.w2)).toBeLessThanOrEqual(3);
      expect(Math.abs(g.b)).toBeLessThanOrEqual(1);
    }
  });

  it('first widget at 10: the first step gives w₁ ≈ 5, w₂ ≈ 5.5, and the loss falls every step', () => {
    const fast = run({ lr: 10 });
    expect(Math.round(fast.w[0].w1)).toBe(5);
    expect(fast.w[0].w2.toFixed(1)).toBe('5.5');
    for (let k = 1; k < fast.losses.length; k++) expect(fast.losses[k]).toBeLessThanOrEqual(fast.losses[k - 1]);
  });

  it('overlapping at 10: no bump, the same minimum within about 50 steps', () => {
    const fast = run({ preset: 'overlapping', lr: 10 }, 60);
    for (let k = 1; k < fast.losses.length; k++) expect(fast.losses[k]).toBeLessThanOrEqual(fast.losses[k - 1] + 1e-7);
    expect(fast.losses[49].toFixed(3)).toBe('0.175');
  });

  it('XOR near w = 0: curvature at most about ¼ × 1.1 ≈ 0.28 (mean x₁² ≈ 1.1, expected 1 + 0.35² ≈ 1.12); limit near 2/0.28 ≈ 7', () => {
    const points = makePreset('xor', 40, 1);
    const meanX1Squared = Array.from(points.x1, (v) => v * v).reduce((a, b) => a + b) / points.x1.length;
    expect(meanX1Squared.toFixed(1)).toBe('1.1');
    expect((1 + 0.35 ** 2).toFixed(2)).toBe('1.12');
    expect((0.25 * 1.1).toFixed(2)).toBe('0.28');
    expect(Math.round(2 / 0.28)).toBe(7);
  });

  it('XOR at the slider’s 7.24 still settles; at 7.59 it swings; at 10 the loss alternates between about 0.92 and 0.98, accuracy near 50 %', () => {
    const slider = (v: number) => fromTrack(LR_SPEC, toTrack(LR_SPEC, v));
    expect([slider(7.2), slider(7.6), slider(10)]).toEqual([7.24, 7.59, 10]);
    const settled = run({ preset: 'xor', lr: 7.24 });
    // Its swing dies out (still 10⁻⁵ at step 500); above the limit it stays 10⁻³ or more.
    expect(Math.abs(settled.losses.at(-1)! - settled.losses.at(-2)!)).toBeLessThan(5e-5);
    const swinging = run({ preset: 'xor', lr: 7.59 });
    expect(Math.abs(swinging.losses.at(-1)! - swinging.losses.at(-2)!)).toBeGreaterThan(5e-4);
    expect(swinging.losses.at(-1)!).toBeGreaterThan(Math.LN2);
    const ten = run({ preset: 'xor', lr: 10 });
    const pair = [ten.losses.at(-2)!, ten.losses.at(-1)!].sort();
    expect(pair.map((l) => l.toFixed(2))).toEqual(['0.92', '0.98']);
    expect(ten.losses.at(-3)).toBeCloseTo(ten.losses.at(-1)!, 4);
    expect(Math.abs(ten.accuracy.at(-1)! - 0.5)).toBeLessThanOrEqual(0.05);
  });

  it('other draws at 10 alternate up to about 1.5', () => {
    const highs = OTHER_SEEDS.slice(0, 40).map((seed) => {
      const points = makePreset('xor', 40, seed);
      let high = 0;
      descend(points, 10, 500, (k, w) => {
        if (k > 490) high = Math.max(high, logLoss(points, w));
      });
      return high;
    });
    expect(Math.max(...highs).toFixed(1)).toBe('1.5');
    expect(Math.min(...highs)).toBeGreaterThan(Math.LN2);
  });
});

describe('the quiz', () => {
  it('one example (2, 1), y = 1, from 0 at η = 0.5: (0.5, 0.25, 0.25); squared error’s step (0.25, 0.125, 0.125)', () => {
    const one: Points2D = { x1: Float32Array.of(2), x2: Float32Array.of(1), label: Uint8Array.of(1) };
    const g = logLossGradient(one, { w1: 0, w2: 0, b: 0 });
    expect([-0.5 * g.w1, -0.5 * g.w2, -0.5 * g.b]).toEqual([0.5, 0.25, 0.25]);
    const factor = 2 * 0.5 * (1 - 0.5);
    expect([-0.5 * g.w1 * factor, -0.5 * g.w2 * factor, -0.5 * g.b * factor]).toEqual([0.25, 0.125, 0.125]);
  });
});

/** The error function (Abramowitz and Stegun 7.1.26, error below 1.5·10⁻⁷). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return Math.sign(x) * y;
}
