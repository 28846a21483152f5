import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bestStep } from '../../src/ml/shared/early-stopping';
import {
  makeOverfittingData,
  mse,
  mseGradient,
  objective,
  penalty,
  penaltyGradient,
  powerFeatures,
  predict,
  ridgeFit,
  target,
  UNLUCKY_VALIDATION,
  VALIDATION_POINTS,
  type Dataset1D,
  type OverfittingInfo,
  type PenaltyKind,
} from '../../src/ml/overfitting/math';
import { createOverfitting } from '../../src/ml/overfitting/trainer';
import { defaults } from '../../src/state/params';
import { earlyStopMark, newDataBest, stepSeries } from '../../src/widgets/overfitting/early-stop-mark';
import { expectedMse } from '../../src/ml/overfitting/expected-error';
import {
  OVERFITTING_PARAMS,
  TRACE_NEW_DATA,
  TRACE_THETA,
  TRACE_TRAIN,
  TRACE_VALIDATION,
  type OverfittingParams,
} from '../../src/ml/overfitting/contract';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const DEFAULTS = defaults(OVERFITTING_PARAMS);
const data = makeOverfittingData(12, 0.2, 1);

/** Central differences of f at θ, coordinate by coordinate. */
function numericGradient(f: (theta: number[]) => number, theta: number[], h = 1e-6): number[] {
  return theta.map((_, k) => {
    const up = [...theta];
    const down = [...theta];
    up[k] += h;
    down[k] -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

describe('the data', () => {
  /** Each of `count` equal slices of [lo, hi] holds exactly one of the points, in order. */
  const expectSpread = (x: Float64Array, count: number, [lo, hi]: [number, number]) => {
    expect(x.length).toBe(count);
    x.forEach((v, i) => {
      expect(v).toBeGreaterThanOrEqual(lo + ((hi - lo) * i) / count);
      expect(v).toBeLessThan(lo + ((hi - lo) * (i + 1)) / count);
    });
  };
  it('is seeded: n training points and 40 validation points, each set one point in each equal slice of [−1, 1]', () => {
    expect(makeOverfittingData(12, 0.2, 1)).toEqual(data);
    expect(makeOverfittingData(12, 0.2, 2).train.x).not.toEqual(data.train.x);
    expectSpread(data.train.x, 12, [-1, 1]);
    expectSpread(data.validation.x, VALIDATION_POINTS, [-1, 1]);
  });
  it('the unlucky validation set: 8 points spread over the middle (−0.7, 0.7), the same training set', () => {
    const unlucky = makeOverfittingData(12, 0.2, 1, true);
    expect(unlucky.train).toEqual(data.train);
    expectSpread(unlucky.validation.x, UNLUCKY_VALIDATION.points, UNLUCKY_VALIDATION.range);
    expect(UNLUCKY_VALIDATION).toEqual({ points: 8, range: [-0.7, 0.7] });
  });
  it('changing n keeps the validation set; changing σ only rescales the same noise', () => {
    expect(makeOverfittingData(20, 0.2, 1).validation).toEqual(data.validation);
    expect(makeOverfittingData(20, 0.2, 1, true).validation).toEqual(makeOverfittingData(12, 0.2, 1, true).validation);
    const clean = makeOverfittingData(12, 0, 1);
    const loud = makeOverfittingData(12, 0.4, 1);
    clean.train.x.forEach((x, i) => {
      expect(clean.train.y[i]).toBeCloseTo(target(x), 12);
      expect(loud.train.y[i] - target(x)).toBeCloseTo(2 * (data.train.y[i] - target(x)), 12);
    });
  });
});

describe('the polynomial and its mean squared error', () => {
  it('features are x, x², …, x^d and ŷ = b + Σ wₖ xᵏ', () => {
    expect([...powerFeatures([0.5, -1], 3)]).toEqual([0.5, 0.25, 0.125, -1, 1, -1]);
    // 1 + 2·2 + 3·2² = 17
    expect(predict([1, 2, 3], 2)).toBe(17);
    expect(predict([0.3], 0.9)).toBe(0.3);
  });
  it('MSE by hand, and its gradient (2/n)Σ rᵢ xᵢᵏ matches finite differences', () => {
    const tiny: Dataset1D = { x: Float64Array.from([0, 1]), y: Float64Array.from([1, 0]) };
    // θ = [0, 1]: ŷ = x, residuals −1 and 1 → MSE 1; ∂/∂b = (2/2)(−1 + 1) = 0, ∂/∂w₁ = (2/2)(0·(−1) + 1·1) = 1.
    expect(mse(tiny, [0, 1])).toBe(1);
    expect([...mseGradient(tiny, [0, 1])]).toEqual([0, 1]);
    for (const theta of [
      [0, 0, 0, 0, 0],
      [0.1, 1.5, -0.7, 2, -3],
      [-0.4, 3, 0.2, -5, 4],
    ]) {
      const g = mseGradient(data.train, theta);
      numericGradient((t) => mse(data.train, t), theta).forEach((v, k) => expect(g[k]).toBeCloseTo(v, 6));
    }
  });
});

describe('L1 and L2 penalty gradients', () => {
  const theta = [0.7, 2, -0.5, 0, 3];
  it('penalties by hand; the bias b is not penalized', () => {
    // L2: 0.1·(4 + 0.25 + 0 + 9) = 1.325; L1: 0.1·(2 + 0.5 + 0 + 3) = 0.55; the bias 0.7 counts for neither.
    expect(penalty('l2', 0.1, theta)).toBeCloseTo(1.325, 12);
    expect(penalty('l1', 0.1, theta)).toBeCloseTo(0.55, 12);
    expect(penalty('none', 0.1, theta)).toBe(0);
    expect(penalty('l2', 0.1, [99, ...theta.slice(1)])).toBe(penalty('l2', 0.1, theta));
    expect(objective(data.train, theta, 'l2', 0.1)).toBeCloseTo(mse(data.train, theta) + 1.325, 12);
  });
  it('closed forms: L2 2λwₖ, L1 λ·sign(wₖ) (0 at wₖ = 0), 0 for the bias and with no penalty', () => {
    expect([...penaltyGradient('l2', 0.1, theta)]).toEqual([0, 0.4, -0.1, 0, 0.6000000000000001]);
    expect([...penaltyGradient('l1', 0.1, theta)]).toEqual([0, 0.1, -0.1, 0, 0.1]);
    expect([...penaltyGradient('none', 0.1, theta)]).toEqual([0, 0, 0, 0, 0]);
  });
  it('match finite differences (away from wₖ = 0, where |w| has no derivative)', () => {
    for (const kind of ['l1', 'l2'] as PenaltyKind[]) {
      for (const lambda of [1e-3, 0.3]) {
        const at = [0.7, 2, -0.5, 0.01, 3, -1e-3];
        const g = penaltyGradient(kind, lambda, at);
        numericGradient((t) => penalty(kind, lambda, t), at, 1e-7).forEach((v, k) => expect(g[k], `${kind} θ${k}`).toBeCloseTo(v, 7));
      }
    }
  });
  it('match tfjs autodiff of the same penalty (away from 0: autodiff of |w| takes −1 there, we take 0)', () => {
    const at = [0.7, 2, -0.5, 0.02, 3];
    const mask = tf.tensor1d([0, 1, 1, 1, 1]);
    for (const kind of ['l1', 'l2'] as PenaltyKind[]) {
      const f = (t: tf.Tensor) => tf.mul(0.2, tf.sum(tf.mul(mask, kind === 'l1' ? tf.abs(t) : tf.square(t))));
      const grad = tf.grad(f)(tf.tensor1d(at));
      expect([...grad.dataSync()].map((v) => v + 0)).toEqual([...penaltyGradient(kind, 0.2, at)].map((v) => expect.closeTo(v, 6)));
      grad.dispose();
    }
    mask.dispose();
  });
});

describe('the closed-form fit', () => {
  it('degree 1 without penalty is the ordinary least-squares line', () => {
    const x = data.train.x;
    const y = data.train.y;
    const mx = x.reduce((a, b) => a + b) / x.length;
    const my = y.reduce((a, b) => a + b) / y.length;
    let sxy = 0;
    let sxx = 0;
    x.forEach((v, i) => {
      sxy += (v - mx) * (y[i] - my);
      sxx += (v - mx) ** 2;
    });
    const fit = ridgeFit(data.train, 1)!;
    expect(fit[1]).toBeCloseTo(sxy / sxx, 10);
    expect(fit[0]).toBeCloseTo(my - (sxy / sxx) * mx, 10);
  });
  it('is where the gradient of MSE + λΣwₖ² vanishes', () => {
    for (const [degree, lambda] of [
      [3, 0],
      [5, 0],
      [12, 1e-3],
      [15, 0.1],
    ]) {
      const fit = ridgeFit(data.train, degree, lambda)!;
      const g = mseGradient(data.train, fit);
      const p = penaltyGradient('l2', lambda, fit);
      g.forEach((v, k) => expect(Math.abs(v + p[k]), `degree ${degree} θ${k}`).toBeLessThan(1e-6));
    }
  });
  it('is null where the minimum is not unique: more parameters than points and no penalty', () => {
    expect(ridgeFit(data.train, 11)).not.toBeNull();
    expect(ridgeFit(data.train, 12)).toBeNull();
    expect(ridgeFit(data.train, 12, 1e-4)).not.toBeNull();
  });
});

function params(overrides: Partial<OverfittingParams> = {}): OverfittingParams {
  return { ...DEFAULTS, ...overrides };
}

/** Steps a model and returns its records as rows of numbers [loss, trainMse, validationMse, b, w₁, …]. */
function steps(model: ReturnType<typeof createOverfitting>, count: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < count; i += 250) {
    const records: tf.Tensor1D[] = [];
    for (let j = 0; j < Math.min(250, count - i); j++) records.push(model.step());
    const stacked = tf.stack(records);
    const flat = stacked.dataSync();
    const width = flat.length / records.length;
    tf.dispose([stacked, ...records]);
    for (let j = 0; j < records.length; j++) rows.push([...flat.slice(j * width, (j + 1) * width)]);
  }
  return rows;
}

/** tfjs's Adam (β₁ 0.9, β₂ 0.999, ε 1e-7) in double precision. */
class ReferenceAdam {
  private m: number[];
  private v: number[];
  private t = 0;
  constructor(
    size: number,
    public lr: number,
  ) {
    this.m = new Array(size).fill(0);
    this.v = new Array(size).fill(0);
  }
  update(theta: number[], g: ArrayLike<number>): number[] {
    this.t++;
    return theta.map((value, k) => {
      this.m[k] = 0.9 * this.m[k] + 0.1 * g[k];
      this.v[k] = 0.999 * this.v[k] + 0.001 * g[k] ** 2;
      const mHat = this.m[k] / (1 - 0.9 ** this.t);
      const vHat = this.v[k] / (1 - 0.999 ** this.t);
      return value - (this.lr * mHat) / (Math.sqrt(vHat) + 1e-7);
    });
  }
}

describe('the tfjs trainer', () => {
  it("records loss = MSE + penalty, the three MSEs and θ before each update, and takes exactly Adam's steps on the formulas", () => {
    for (const [kind, lambda] of [
      ['none', 0],
      ['l2', 0.01],
      ['l1', 0.01],
    ] as [PenaltyKind, number][]) {
      const p = params({ degree: 5, penalty: kind, lambda, lr: 0.05 });
      const model = createOverfitting(p, 1);
      const info = model.info as OverfittingInfo;
      expect(info.train).toEqual(makeOverfittingData(12, 0.2, 1).train);
      expect(model.traceNames).toEqual(['trainMse', 'validationMse', 'newDataMse', 'b', 'w1', 'w2', 'w3', 'w4', 'w5']);
      const rows = steps(model, 30);
      const adam = new ReferenceAdam(6, 0.05);
      let theta = new Array(6).fill(0);
      rows.forEach((row, i) => {
        const tol = 3e-5 * (1 + i);
        expect(row[0], `${kind} loss ${i}`).toBeCloseTo(objective(info.train, theta, kind, lambda), 4);
        expect(Math.abs(row[1 + TRACE_TRAIN] - mse(info.train, theta))).toBeLessThan(tol);
        expect(Math.abs(row[1 + TRACE_VALIDATION] - mse(info.validation, theta))).toBeLessThan(tol);
        expect(Math.abs(row[1 + TRACE_NEW_DATA] - expectedMse(theta, 0.2))).toBeLessThan(tol);
        row.slice(1 + TRACE_THETA).forEach((v, k) => expect(Math.abs(v - theta[k]), `${kind} step ${i + 1} θ${k}`).toBeLessThan(tol));
        const g = mseGradient(info.train, theta);
        const pg = penaltyGradient(kind, lambda, theta);
        theta = adam.update(
          theta,
          g.map((v, k) => v + pg[k]),
        );
      });
      model.dispose();
    }
  });

  it('applies λ, the penalty and the learning rate live, from the next step on', () => {
    const model = createOverfitting(params({ degree: 4, penalty: 'none', lambda: 0.001, lr: 0.05 }), 3);
    const info = model.info as OverfittingInfo;
    const adam = new ReferenceAdam(5, 0.05);
    let theta = new Array(5).fill(0);
    const check = (kind: PenaltyKind, lambda: number, count: number) => {
      for (const row of steps(model, count)) {
        expect(row[0]).toBeCloseTo(objective(info.train, theta, kind, lambda), 4);
        row.slice(1 + TRACE_THETA).forEach((v, k) => expect(v).toBeCloseTo(theta[k], 3));
        const g = mseGradient(info.train, theta);
        const pg = penaltyGradient(kind, lambda, theta);
        theta = adam.update(
          theta,
          g.map((v, k) => v + pg[k]),
        );
      }
    };
    check('none', 0, 5);
    model.setLive({ penalty: 'l2', lambda: 0.5 });
    check('l2', 0.5, 5);
    model.setLive({ penalty: 'l1', lambda: 0.2, lr: 0.01 });
    adam.lr = 0.01;
    check('l1', 0.2, 5);
    model.dispose();
  });

  it('with L2 ends at the closed-form ridge fit', () => {
    const model = createOverfitting(params({ degree: 12, penalty: 'l2', lambda: 0.01 }), 1);
    const info = model.info as OverfittingInfo;
    const last = steps(model, 3000).at(-1)!;
    const fit = ridgeFit(info.train, 12, 0.01)!;
    const learned = last.slice(1 + TRACE_THETA);
    for (let x = -1; x <= 1; x += 0.05) expect(Math.abs(predict(learned, x) - predict(fit, x))).toBeLessThan(0.01);
    expect(last[1 + TRACE_VALIDATION]).toBeCloseTo(mse(info.validation, fit), 3);
    expect(last[1 + TRACE_NEW_DATA]).toBeCloseTo(expectedMse(fit, 0.2), 3);
    model.dispose();
  });

  it('measures the unlucky validation set when switched on, and the new-data loss does not depend on it', () => {
    const lucky = createOverfitting(params({ degree: 5 }), 1);
    const unlucky = createOverfitting(params({ degree: 5, unluckyValidation: true }), 1);
    const info = unlucky.info as OverfittingInfo;
    expect(info.validation).toEqual(makeOverfittingData(12, 0.2, 1, true).validation);
    const [a, b] = [steps(lucky, 50), steps(unlucky, 50)];
    a.forEach((row, i) => {
      // The same model: float32 sums over a matrix with other rows may differ in the last bits.
      expect(b[i][1 + TRACE_NEW_DATA]).toBeCloseTo(row[1 + TRACE_NEW_DATA], 6);
      b[i].slice(1 + TRACE_THETA).forEach((v, k) => expect(v).toBeCloseTo(row[1 + TRACE_THETA + k], 6));
      expect(b[i][1 + TRACE_VALIDATION]).toBeCloseTo(mse(info.validation, row.slice(1 + TRACE_THETA)), 4);
    });
    lucky.dispose();
    unlucky.dispose();
  });

  it('at the defaults, degree 12 overfits: validation loss turns up while training loss keeps falling; L2 and a low degree do not', () => {
    const run = (overrides: Partial<OverfittingParams>) => {
      const model = createOverfitting(params(overrides), DEFAULTS.seed);
      const rows = steps(model, DEFAULTS.steps);
      model.dispose();
      const best = bestStep(rows.map((r) => r[1 + TRACE_VALIDATION]))!;
      const truthBest = bestStep(rows.map((r) => r[1 + TRACE_NEW_DATA]))!;
      return { best, truthBest, atBest: rows[best - 1], atTruthBest: rows[truthBest - 1], end: rows.at(-1)! };
    };
    const plain = run({});
    expect(plain.best).toBeGreaterThan(100);
    expect(plain.best).toBeLessThan(DEFAULTS.steps / 2);
    expect(plain.end[1 + TRACE_VALIDATION]).toBeGreaterThan(2 * plain.atBest[1 + TRACE_VALIDATION]);
    expect(plain.end[1 + TRACE_TRAIN]).toBeLessThan(0.8 * plain.atBest[1 + TRACE_TRAIN]);
    // The default validation set stands in for new data: the model it keeps is within 1 % of the best one.
    expect(plain.atBest[1 + TRACE_NEW_DATA]).toBeLessThan(1.01 * plain.atTruthBest[1 + TRACE_NEW_DATA]);

    const l2 = run({ penalty: 'l2', lambda: 0.001 });
    expect(l2.end[1 + TRACE_VALIDATION]).toBeLessThan(1.2 * l2.atBest[1 + TRACE_VALIDATION]);
    expect(l2.end[1 + TRACE_VALIDATION]).toBeLessThan(plain.end[1 + TRACE_VALIDATION] / 2);

    // The unlucky set misses the ends, where the polynomial swings: it keeps a model far worse on new data.
    const unlucky = run({ unluckyValidation: true });
    expect(unlucky.truthBest).toBe(plain.truthBest);
    expect(unlucky.atBest[1 + TRACE_NEW_DATA]).toBeGreaterThan(1.5 * unlucky.atTruthBest[1 + TRACE_NEW_DATA]);

    const cubic = run({ degree: 3 });
    expect(cubic.end[1 + TRACE_VALIDATION]).toBeLessThan(plain.end[1 + TRACE_VALIDATION] / 2);
    expect(cubic.end[1 + TRACE_TRAIN]).toBeGreaterThan(plain.end[1 + TRACE_TRAIN]);
  });

  it('with L1 drives most weights to about 0, which L2 does not', () => {
    const nearZero = (overrides: Partial<OverfittingParams>) => {
      const model = createOverfitting(params(overrides), 1);
      const last = steps(model, 3000).at(-1)!;
      model.dispose();
      return last.slice(1 + TRACE_THETA + 1).filter((w) => Math.abs(w) < 0.01).length;
    };
    expect(nearZero({ penalty: 'l1', lambda: 0.001 })).toBeGreaterThanOrEqual(6);
    expect(nearZero({ penalty: 'l2', lambda: 0.001 })).toBeLessThanOrEqual(2);
  });

  it('stays finite at the largest learning rate', () => {
    const model = createOverfitting(params({ lr: 10, degree: 15 }), 1);
    const rows = steps(model, 500);
    expect(rows.every((row) => row.every(Number.isFinite))).toBe(true);
    model.dispose();
  });

  it('frees every tensor it made, with λ changed on the way', () => {
    const before = tf.memory().numTensors;
    const model = createOverfitting(params({ penalty: 'l2' }), 1);
    steps(model, 5);
    model.setLive({ lambda: 0.1, penalty: 'l1', lr: 0.01 });
    steps(model, 5);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('early stopping picks the best validation step', () => {
  it('reads the step, its losses and its θ off a hand-made trace, and the step new data would pick', () => {
    // width 5: [train, validation, new data, b, w₁]; the initial row, then steps 1–4 with validation 0.5, 0.2,
    // 0.3, 0.2 and new data 0.6, 0.5, 0.25, 0.3.
    const trace = [9, 9, 9, 0, 0, 0.4, 0.5, 0.6, 1, 1, 0.3, 0.2, 0.5, 2, 2, 0.2, 0.3, 0.25, 3, 3, 0.1, 0.2, 0.3, 4, 4];
    expect([...stepSeries(trace, 5, TRACE_VALIDATION)]).toEqual([0.5, 0.2, 0.3, 0.2]);
    expect(earlyStopMark(trace, 5)).toEqual({ step: 2, validation: 0.2, train: 0.3, newData: 0.5, theta: [2, 2] });
    expect(newDataBest(trace, 5)).toEqual({ step: 3, newData: 0.25 });
    expect(earlyStopMark(trace.slice(0, 5), 5)).toBeNull();
    expect(newDataBest(trace.slice(0, 5), 5)).toBeNull();
  });

  it("the widget's mark is bestStep of the run's validation losses, and its θ is the model measured there", () => {
    const model = createOverfitting(params(), 1);
    const info = model.info as OverfittingInfo;
    const rows = steps(model, 1500);
    model.dispose();
    // The flat trace as the page holds it: the initial trace, then each step's trace.
    const traces = [...model.initialTrace, ...rows.flatMap((row) => row.slice(1))];
    const width = model.traceNames.length;
    const validation = rows.map((row) => row[1 + TRACE_VALIDATION]);
    const mark = earlyStopMark(traces, width)!;
    expect(mark.step).toBe(bestStep(validation));
    expect(mark.validation).toBe(Math.min(...validation));
    expect(validation.slice(mark.step).every((v) => v >= mark.validation)).toBe(true);
    expect(mse(info.validation, mark.theta)).toBeCloseTo(mark.validation, 4);
  });
});
