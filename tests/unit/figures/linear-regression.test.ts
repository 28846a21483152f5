/**
 * Every number lesson 01 (content/01-linear-regression/{en,zh}.md) quotes, recomputed from the widget's own
 * model (its data generator, closed form and tfjs trainer on the cpu backend) with the settings the text
 * states. Nothing is parsed from the Markdown: each expectation is the value written in the text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LINEAR_REGRESSION_PARAMS, type LinearRegressionParams } from '../../../src/ml/linear-regression/contract';
import {
  closedForm,
  criticalLearningRate,
  makeLinearData,
  mse,
  mseGradient,
  TRUE_LINE,
  X_RANGE,
  type LinearRegressionInfo,
} from '../../../src/ml/linear-regression/math';
import { createLinearRegression } from '../../../src/ml/linear-regression/trainer';
import { defaults } from '../../../src/state/params';
import { setFiguresBackend, train } from './train';

const DEFAULTS = defaults(LINEAR_REGRESSION_PARAMS) as LinearRegressionParams;
/** The first widget: ::linear-regression{lr=0.05 noise=0.5 n=40}, seed 1. */
const FIRST: LinearRegressionParams = { ...DEFAULTS, lr: 0.05, noise: 0.5, n: 40 };
/** The noise widget: ::linear-regression{noise=2 n=100 seed=24}. */
const NOISY: LinearRegressionParams = { ...DEFAULTS, noise: 2, n: 100, seed: 24 };

const run = (
  params: LinearRegressionParams,
  steps = params.steps,
  live?: (done: number) => Partial<LinearRegressionParams> | undefined,
) => {
  const result = train(createLinearRegression, params, steps, { live });
  return { ...result, info: result.info as LinearRegressionInfo };
};

/** Eigenvalues of the Hessian (2/n)XᵀX = 2[[1, x̄], [x̄, mean x²]], largest first. */
function curvatures(meanX: number, meanX2: number): [number, number] {
  const [a, b, d] = [2, 2 * meanX, 2 * meanX2];
  const mid = (a + d) / 2;
  const half = Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return [mid + half, mid - half];
}

function curvaturesOf(x: Float32Array): [number, number] {
  const mean = (f: (v: number) => number) => Array.from(x, f).reduce((s, v) => s + v, 0) / x.length;
  return curvatures(
    mean((v) => v),
    mean((v) => v * v),
  );
}

beforeAll(setFiguresBackend);

describe('the data and the widget', () => {
  it('x uniform on [0, 5], y = 1 + 0.8x + ε; defaults lr 0.05, noise 0.5, 40 points, a 300-step budget', () => {
    expect(X_RANGE).toEqual([0, 5]);
    expect(TRUE_LINE).toEqual({ b0: 1, b1: 0.8 });
    expect([DEFAULTS.lr, DEFAULTS.noise, DEFAULTS.n, DEFAULTS.steps]).toEqual([0.05, 0.5, 40, 300]);
  });

  it('missing by 2 costs four times as much as missing by 1', () => {
    expect(2 ** 2 / 1 ** 2).toBe(4);
  });
});

describe('the first widget (lr 0.05, noise 0.5, n 40)', () => {
  const data = makeLinearData(FIRST.n, FIRST.noise, FIRST.seed);
  const best = closedForm(data);
  let first: ReturnType<typeof run>;
  beforeAll(() => {
    first = run(FIRST);
  });

  it('at the start both partial derivatives are negative, so the first step raises intercept and slope', () => {
    const g = mseGradient(data, { b0: 0, b1: 0 });
    expect(g.b0).toBeLessThan(0);
    expect(g.b1).toBeLessThan(0);
    expect(first.traces[0][0]).toBeGreaterThan(0);
    expect(first.traces[0][1]).toBeGreaterThan(0);
  });

  it('the loss drops from about 11 to below 1, shown one press late: step 1 reports about 11 beside the new β', () => {
    expect(Math.round(first.losses[0])).toBe(11);
    expect(first.losses[0]).toBeCloseTo(mse(data, { b0: 0, b1: 0 }), 4);
    // The loss of the parameters after step 1 is what step 2 reports.
    const after = mse(data, { b0: first.traces[0][0], b1: first.traces[0][1] });
    expect(after).toBeLessThan(1);
    expect(first.losses[1]).toBeCloseTo(after, 5);
  });

  it('the slope shoots up to about 1, past the closed-form 0.78, then falls back while the intercept keeps growing', () => {
    expect(best.b1.toFixed(2)).toBe('0.78');
    const slopes = first.traces.map((t) => t[1]);
    const peak = Math.max(...slopes);
    const at = slopes.indexOf(peak);
    expect(peak.toFixed(1)).toBe('1.0');
    expect(at).toBeLessThan(5);
    expect(slopes.at(-1)!).toBeLessThan(peak - 0.2);
    for (let k = at + 1; k < first.traces.length; k++) expect(first.traces[k][0]).toBeGreaterThanOrEqual(first.traces[k - 1][0]);
  });

  it('when the 300-step budget runs out, gradient descent and the closed form agree to about three decimal places', () => {
    expect(first.traces.length).toBe(300);
    const [b0, b1] = first.traces.at(-1)!;
    expect(b0.toFixed(3)).toBe(best.b0.toFixed(3));
    expect(b1.toFixed(3)).toBe(best.b1.toFixed(3));
  });

  it('at 0.005 the 300-step budget runs out far from the minimum', () => {
    const slow = run({ ...FIRST, lr: 0.005 });
    const [b0] = slow.traces.at(-1)!;
    expect(Math.abs(b0 - best.b0)).toBeGreaterThan(0.3);
    expect(slow.losses.at(-1)!).toBeGreaterThan(1.1 * slow.info.minLoss);
  });
});

describe('the common mistake: swapped gradients with flipped signs', () => {
  it('on x = y = 1, …, 5 at 0.01 from (0, 0) the loss goes from 11 to over 100 in ten steps', () => {
    const x = [1, 2, 3, 4, 5];
    const loss = (b0: number, b1: number) => x.reduce((s, v) => s + (b0 + b1 * v - v) ** 2, 0) / x.length;
    let [b0, b1] = [0, 0];
    const losses = [loss(b0, b1)];
    for (let k = 0; k < 10; k++) {
      const r = x.map((v) => b0 + b1 * v - v);
      const wrong0 = (-2 / 5) * x.reduce((s, v, i) => s + v * r[i], 0);
      const wrong1 = (-2 / 5) * r.reduce((s, v) => s + v, 0);
      [b0, b1] = [b0 - 0.01 * wrong0, b1 - 0.01 * wrong1];
      losses.push(loss(b0, b1));
    }
    expect(losses[0]).toBe(11);
    expect(losses[9]).toBeLessThan(100);
    expect(losses[10]).toBeGreaterThan(100);
  });

  it('the central difference with h = 10⁻⁴ matches the correct gradient to several digits', () => {
    const data = makeLinearData(40, 0.5, 1);
    const at = { b0: 0.3, b1: 0.2 };
    const h = 1e-4;
    const numeric = (mse(data, { ...at, b0: at.b0 + h }) - mse(data, { ...at, b0: at.b0 - h })) / (2 * h);
    expect(numeric).toBeCloseTo(mseGradient(data, at).b0, 3);
  });
});

describe('the learning rate and the curvature', () => {
  it('x uniform on [0, 5]: mean 2.5, mean square 25/3, λ_max ≈ 18.2, limit 2/18.2 ≈ 0.11; the other curvature about 0.5', () => {
    const [max, min] = curvatures(2.5, 25 / 3);
    expect(max.toFixed(1)).toBe('18.2');
    expect((2 / max).toFixed(2)).toBe('0.11');
    expect(min.toFixed(1)).toBe('0.5');
  });

  it('the 40 points: λ_max ≈ 18.3, a limit of about 0.109 (the widget prints it); the other curvature about 0.5', () => {
    const data = makeLinearData(FIRST.n, FIRST.noise, FIRST.seed);
    const [max, min] = curvaturesOf(data.x);
    expect(max.toFixed(1)).toBe('18.3');
    expect(criticalLearningRate(data).toFixed(3)).toBe('0.109');
    expect((2 / 18.3).toFixed(3)).toBe('0.109');
    expect(min.toFixed(1)).toBe('0.5');
    expect(1 - 0.05 * 0.5).toBe(0.975);
  });

  it('New data moves the limit with the sample: for nine sets of 40 points in ten, between about 0.09 and 0.14', () => {
    const limits = Array.from({ length: 500 }, (_, i) => criticalLearningRate(makeLinearData(40, 0.5, i + 2)).toFixed(2));
    const inside = limits.filter((v) => Number(v) >= 0.09 && Number(v) <= 0.14).length;
    expect(inside / limits.length).toBeGreaterThanOrEqual(0.88);
    expect(inside / limits.length).toBeLessThan(0.97);
  });

  it('at 0.1 the path zig-zags yet reaches the minimum sooner than at 0.05', () => {
    const best = closedForm(makeLinearData(FIRST.n, FIRST.noise, FIRST.seed));
    const arrival = (lr: number) =>
      run({ ...FIRST, lr }).traces.findIndex((t) => Math.abs(t[0] - best.b0) < 1e-3 && Math.abs(t[1] - best.b1) < 1e-3);
    const fast = arrival(0.1);
    expect(fast).toBeGreaterThan(0);
    expect(fast).toBeLessThan(arrival(0.05));
    // Zig-zag: along the steep direction 1 − 0.1·18.3 < 0, so the slope's change alternates in sign at first.
    const slopes = run({ ...FIRST, lr: 0.1 }, 6).traces.map((t) => t[1]);
    const changes = slopes.slice(1).map((s, i) => Math.sign(s - slopes[i]));
    expect(changes.slice(0, 3)).toEqual([1, -1, 1].map((s) => s * changes[0]));
  });

  it('dragged to 0.15 while it trains (budget 1000), the loss explodes within a few dozen steps and the run stops', () => {
    for (const at of [50, 300]) {
      const result = run({ ...FIRST, lr: 0.1, steps: 1000 }, 1000, (done) => (done === at ? { lr: 0.15 } : undefined));
      expect(result.divergedAt).toBeDefined();
      expect(result.divergedAt! - at).toBeGreaterThanOrEqual(12);
      expect(result.divergedAt! - at).toBeLessThanOrEqual(60);
    }
  });
});

describe('noise', () => {
  it('the training floor averages σ²(n − 2)/n', () => {
    // Over many samples the closed form's training MSE averages σ²(n − 2)/n (here σ = 2, n = 10).
    let sum = 0;
    const samples = 4000;
    for (let seed = 1; seed <= samples; seed++) {
      const data = makeLinearData(10, 2, seed);
      sum += mse(data, closedForm(data));
    }
    expect(sum / samples / ((4 * 8) / 10)).toBeCloseTo(1, 1);
  });

  it('noise 2, 100 points, seed 24: the loss flattens near 4 (3.85), the parameters match the closed form, about 1.37 and 0.69', () => {
    const noisy = run(NOISY);
    expect(noisy.info.minLoss.toFixed(2)).toBe('3.85');
    expect(Math.round(noisy.losses.at(-1)!)).toBe(4);
    expect(noisy.losses.at(-1)!.toFixed(2)).toBe('3.85');
    const [b0, b1] = noisy.traces.at(-1)!;
    expect(b0.toFixed(2)).toBe('1.37');
    expect(b1.toFixed(2)).toBe('0.69');
    expect(noisy.info.closedForm.b0.toFixed(2)).toBe('1.37');
    expect(noisy.info.closedForm.b1.toFixed(2)).toBe('0.69');
  });

  it('with 200 points: about 1.06 and 0.84, and the loss levels off near 4.3', () => {
    const data = makeLinearData(200, 2, 24);
    const best = closedForm(data);
    expect(best.b0.toFixed(2)).toBe('1.06');
    expect(best.b1.toFixed(2)).toBe('0.84');
    expect(mse(data, best).toFixed(1)).toBe('4.3');
    expect(
      run({ ...NOISY, n: 200 })
        .losses.at(-1)!
        .toFixed(1),
    ).toBe('4.3');
  });

  it('with noise 0 the loss keeps falling along a nearly straight line on the log scale, towards 1 and 0.8', () => {
    const clean = run({ ...NOISY, noise: 0 });
    const log = clean.losses.map(Math.log10);
    // Equal stretches of steps after the first drop lose equal amounts of log-loss.
    const drops = [50, 100, 150, 200].map((k) => log[k] - log[k + 50]);
    for (const drop of drops) expect(drop / drops[0]).toBeCloseTo(1, 1);
    const [b0, b1] = clean.traces.at(-1)!;
    expect(b0).toBeCloseTo(1, 2);
    expect(b1).toBeCloseTo(0.8, 2);
  });
});

describe('the quiz', () => {
  it('at 0.16: 1 − 0.16·18.3 ≈ −1.93, the loss grows about 1.93² ≈ 3.7 times a step and explodes in under ten steps', () => {
    expect((1 - 0.16 * 18.3).toFixed(2)).toBe('-1.93');
    expect((1.93 ** 2).toFixed(1)).toBe('3.7');
    const result = run({ ...FIRST, lr: 0.16 }, 50);
    expect(result.divergedAt).toBeDefined();
    expect(result.divergedAt!).toBeLessThan(10);
    const growth = result.losses.at(-1)! / result.losses.at(-2)!;
    expect(growth.toFixed(1)).toBe('3.7');
  });

  it('at 0.08: 0.08·18.3 ≈ 1.46, between 1 and 2 (shrinking zig-zag)', () => {
    expect((0.08 * 18.3).toFixed(2)).toBe('1.46');
    const result = run({ ...FIRST, lr: 0.08 });
    expect(result.divergedAt).toBeUndefined();
  });
});
