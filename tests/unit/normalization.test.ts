import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  conditioning,
  gdStep,
  hessian,
  leastSquares,
  lossFromMoments,
  makeNormalizationData,
  moments,
  mse,
  mseGradient,
  nearOptimumLoss,
  OUTLIER_FACTOR,
  scaleProblem,
  sliceGrid,
  squareWindow,
  startTheta,
  symmetricEigenvalues,
  toOriginalUnits,
  TRUE_MODEL,
  type Problem,
  type Theta,
} from '../../src/ml/normalization/math';
import { createNormalization } from '../../src/ml/normalization/trainer';
import { defaults } from '../../src/state/params';
import { NORMALIZATION_PARAMS, TRACE, type NormalizationInfo, type NormalizationParams } from '../../src/ml/normalization/contract';
import { runSummary } from '../../src/widgets/normalization/run-summary';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const DEFAULTS = defaults(NORMALIZATION_PARAMS);

function problem(x1: number[], x2: number[], y: number[]): Problem {
  return { x1: Float64Array.from(x1), x2: Float64Array.from(x2), y: Float64Array.from(y) };
}

function stats(values: ArrayLike<number>) {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  let sq = 0;
  for (let i = 0; i < values.length; i++) sq += (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(sq / values.length), min: Math.min(...Array.from(values)), max: Math.max(...Array.from(values)) };
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>) {
  const sa = stats(a);
  const sb = stats(b);
  let c = 0;
  for (let i = 0; i < a.length; i++) c += (a[i] - sa.mean) * (b[i] - sb.mean);
  return c / a.length / (sa.std * sb.std);
}

/** Plain gradient descent from the widget's start; the first step (1-based) whose loss is near the optimum, or the step it diverged. */
function descend(p: Problem, lr: number, steps: number) {
  const best = leastSquares(p);
  const start = startTheta(p);
  const startLoss = mse(p, start);
  const target = nearOptimumLoss(mse(p, best), startLoss);
  let theta = start;
  for (let t = 1; t <= steps; t++) {
    const loss = mse(p, theta);
    if (!(loss <= 1e4 * Math.max(startLoss, 1))) return { diverged: t, reached: null, loss };
    if (loss <= target) return { diverged: null, reached: t, loss };
    theta = gdStep(p, theta, lr);
  }
  return { diverged: null, reached: null, loss: mse(p, theta) };
}

describe('the data', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    expect(makeNormalizationData(3, 0.5, false)).toEqual(makeNormalizationData(3, 0.5, false));
    expect(makeNormalizationData(3, 0.5, false).y).not.toEqual(makeNormalizationData(4, 0.5, false).y);
  });

  it('without noise lies exactly on the true model, which least squares recovers in every scaling', () => {
    const data = makeNormalizationData(1, 0, false);
    for (const scaling of ['raw', 'standardize', 'minmax'] as const) {
      const p = scaleProblem(data, scaling);
      expect(mse(p, leastSquares(p))).toBeLessThan(1e-20);
      toOriginalUnits(p, leastSquares(p)).forEach((v, j) => expect(v).toBeCloseTo(TRUE_MODEL[j], 9));
    }
  });

  it('the outlier switch records the largest x₁ ten times too large and changes nothing else', () => {
    const clean = makeNormalizationData(1, 0.5, false);
    const dirty = makeNormalizationData(1, 0.5, true);
    const k = dirty.outlierIndex;
    expect(clean.x1[k]).toBe(Math.max(...clean.x1));
    expect(dirty.x1[k]).toBeCloseTo(OUTLIER_FACTOR * clean.x1[k], 12);
    expect(dirty.y).toEqual(clean.y);
    expect(dirty.x2).toEqual(clean.x2);
    expect(Array.from(dirty.x1).filter((v, i) => v !== clean.x1[i])).toHaveLength(1);
  });
});

describe('the scalings, through the tested transforms of preprocessing.ts', () => {
  it('standardized columns have mean 0 and std 1; min–max columns run from exactly 0 to 1', () => {
    const data = makeNormalizationData(2, 0.5, false);
    const z = scaleProblem(data, 'standardize');
    const m = scaleProblem(data, 'minmax');
    for (const column of [z.x1, z.x2]) {
      expect(stats(column).mean).toBeCloseTo(0, 12);
      expect(stats(column).std).toBeCloseTo(1, 12);
    }
    for (const column of [m.x1, m.x2]) {
      expect(stats(column).min).toBe(0);
      expect(stats(column).max).toBe(1);
    }
    expect(scaleProblem(data, 'raw').x1).toBe(data.x1);
  });

  it('maps weights back to the original units: the scaled answer is the raw answer, with the same predictions', () => {
    for (const outlier of [false, true]) {
      const data = makeNormalizationData(5, 0.7, outlier);
      const raw = scaleProblem(data, 'raw');
      const rawBest = leastSquares(raw);
      for (const scaling of ['standardize', 'minmax'] as const) {
        const p = scaleProblem(data, scaling);
        const theta: Theta = [0.3, -1.2, 2];
        const original = toOriginalUnits(p, theta);
        // Same predictions, so the same loss on the same target.
        expect(mse(raw, original)).toBeCloseTo(mse(p, theta), 9);
        toOriginalUnits(p, leastSquares(p)).forEach((v, j) => expect(v).toBeCloseTo(rawBest[j], 6));
        expect(mse(p, leastSquares(p))).toBeCloseTo(mse(raw, rawBest), 9);
      }
    }
  });

  it('with the outlier, min–max squeezes every other x₁ into a tenth of [0, 1]; standardization keeps std 1', () => {
    const data = makeNormalizationData(1, 0.5, true);
    const k = data.outlierIndex;
    const m = scaleProblem(data, 'minmax');
    const z = scaleProblem(data, 'standardize');
    const othersM = Array.from(m.x1).filter((_, i) => i !== k);
    const othersZ = Array.from(z.x1).filter((_, i) => i !== k);
    expect(m.x1[k]).toBe(1);
    expect(Math.max(...othersM)).toBeLessThanOrEqual(1 / OUTLIER_FACTOR + 1e-12);
    expect(Math.max(...othersM) - Math.min(...othersM)).toBeLessThan(0.1);
    expect(stats(z.x1).std).toBeCloseTo(1, 12);
    expect(z.x1[k]).toBeGreaterThan(6);
    // The others keep a spread of about 0.7 (against x₂'s ≈ 3.4), where min–max leaves them 0.1 (against x₂'s 1).
    expect(Math.max(...othersZ) - Math.min(...othersZ)).toBeGreaterThan(0.6);
  });
});

describe('loss, gradient and Hessian', () => {
  const data = makeNormalizationData(7, 0.5, false);
  const cases = (['raw', 'standardize', 'minmax'] as const).map((s) => scaleProblem(data, s));

  it('the gradient agrees with central finite differences', () => {
    for (const p of cases) {
      const theta: Theta = [0.4, -2, 1.5];
      const g = mseGradient(p, theta);
      for (let j = 0; j < 3; j++) {
        const h = 1e-5;
        const plus = [...theta] as Theta;
        const minus = [...theta] as Theta;
        plus[j] += h;
        minus[j] -= h;
        expect(g[j]).toBeCloseTo((mse(p, plus) - mse(p, minus)) / (2 * h), 5);
      }
    }
  });

  it('the Hessian is the derivative of the gradient (finite differences), the same everywhere', () => {
    for (const p of cases) {
      const H = hessian(p);
      for (const theta of [
        [0, 0, 0],
        [3, -4, 2],
      ] as Theta[]) {
        for (let j = 0; j < 3; j++) {
          const h = 1e-4;
          const plus = [...theta] as Theta;
          const minus = [...theta] as Theta;
          plus[j] += h;
          minus[j] -= h;
          const gp = mseGradient(p, plus);
          const gm = mseGradient(p, minus);
          for (let i = 0; i < 3; i++) expect(H[i][j]).toBeCloseTo((gp[i] - gm[i]) / (2 * h), 5);
        }
      }
    }
  });

  it('the least-squares answer is where the gradient vanishes', () => {
    for (const p of cases) mseGradient(p, leastSquares(p)).forEach((g) => expect(Math.abs(g)).toBeLessThan(1e-9));
  });

  it('the loss from the moments is the loss from the data', () => {
    for (const p of cases) {
      const m = moments(p);
      for (const theta of [[0, 0, 0], [0.5, 8, -1], leastSquares(p)] as Theta[]) {
        expect(lossFromMoments(m, ...theta)).toBeCloseTo(mse(p, theta), 9);
      }
    }
  });
});

describe('eigenvalues and the condition number', () => {
  it('finds the eigenvalues of a rotated diagonal matrix', () => {
    // Q diag(1, 4, 9) Qᵀ with Q a rotation about the z axis then the x axis.
    const [a, b] = [0.7, 1.1];
    const Rz = [
      [Math.cos(a), -Math.sin(a), 0],
      [Math.sin(a), Math.cos(a), 0],
      [0, 0, 1],
    ];
    const Rx = [
      [1, 0, 0],
      [0, Math.cos(b), -Math.sin(b)],
      [0, Math.sin(b), Math.cos(b)],
    ];
    const mul = (P: number[][], Q: number[][]) => P.map((row) => Q[0].map((_, j) => row.reduce((s, v, k) => s + v * Q[k][j], 0)));
    const Q = mul(Rx, Rz);
    const Qt = Q[0].map((_, j) => Q.map((row) => row[j]));
    const M = mul(
      mul(Q, [
        [1, 0, 0],
        [0, 4, 0],
        [0, 0, 9],
      ]),
      Qt,
    );
    symmetricEigenvalues(M).forEach((v, i) => expect(v).toBeCloseTo([1, 4, 9][i], 10));
  });

  it('uncorrelated standardized features give H = 2I: condition number 1, critical rate 1', () => {
    const p = problem([1, -1, 1, -1], [1, 1, -1, -1], [3, 0, 2, 5]);
    const c = conditioning(p);
    expect(hessian(p)).toEqual([
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 2],
    ]);
    expect(c.condition).toBeCloseTo(1, 12);
    expect(c.criticalLr).toBeCloseTo(1, 12);
  });

  it("the standardized problem's condition number is (1 + |ρ|)/(1 − |ρ|), ρ the features' correlation — the number the widget shows", () => {
    for (const [seed, outlier] of [
      [1, false],
      [1, true],
      [9, false],
    ] as const) {
      const model = createNormalization({ ...DEFAULTS, outlier }, seed);
      const shown = (model.info as NormalizationInfo).runs[1].conditioning;
      model.dispose();
      const data = makeNormalizationData(seed, DEFAULTS.noise, outlier);
      const rho = Math.abs(correlation(data.x1, data.x2));
      expect(shown.condition).toBeCloseTo((1 + rho) / (1 - rho), 9);
      // H = 2·[[1, ρ, 0], [ρ, 1, 0], [0, 0, 1]]: λ_max = 2(1 + |ρ|).
      expect(shown.criticalLr).toBeCloseTo(1 / (1 + rho), 9);
    }
  });

  it('gradient descent converges just below 2/λ_max and diverges just above it', () => {
    const data = makeNormalizationData(1, 0.5, false);
    for (const scaling of ['raw', 'standardize', 'minmax'] as const) {
      const p = scaleProblem(data, scaling);
      const { criticalLr } = conditioning(p);
      expect(descend(p, criticalLr * 1.05, 3000).diverged).not.toBeNull();
      expect(descend(p, criticalLr * 0.95, 3000).diverged).toBeNull();
    }
  });
});

describe('what the widget shows on seed 1 with the default settings', () => {
  const lr = DEFAULTS.lr;
  const clean = makeNormalizationData(1, DEFAULTS.noise, false);
  const dirty = makeNormalizationData(1, DEFAULTS.noise, true);

  it('the raw problem is ill-conditioned and crawls at the learning rate where the standardized one converges in tens of steps', () => {
    const raw = scaleProblem(clean, 'raw');
    const z = scaleProblem(clean, 'standardize');
    expect(conditioning(raw).condition).toBeGreaterThan(1000);
    expect(conditioning(z).condition).toBeLessThan(1.5);
    expect(lr).toBeLessThan(conditioning(raw).criticalLr);
    const rawRun = descend(raw, lr, DEFAULTS.steps);
    const zRun = descend(z, lr, DEFAULTS.steps);
    expect(zRun.reached).toBeLessThanOrEqual(30);
    expect(rawRun.reached).toBeNull();
    expect(rawRun.diverged).toBeNull();
    expect(rawRun.loss).toBeGreaterThan(2 * mse(raw, leastSquares(raw)));
  });

  it('the outlier makes the raw run diverge at that rate, slows min–max down and leaves standardization fast', () => {
    const raw = scaleProblem(dirty, 'raw');
    expect(conditioning(raw).criticalLr).toBeLessThan(lr);
    expect(descend(raw, lr, DEFAULTS.steps).diverged).not.toBeNull();
    expect(descend(scaleProblem(dirty, 'standardize'), lr, DEFAULTS.steps).reached).toBeLessThanOrEqual(30);
    expect(conditioning(scaleProblem(dirty, 'minmax')).condition).toBeGreaterThan(
      2 * conditioning(scaleProblem(clean, 'minmax')).condition,
    );
    expect(descend(scaleProblem(dirty, 'minmax'), lr, DEFAULTS.steps).reached).toBeNull();
  });

  it('the outlier damages the fit itself, the same under every scaling: the best loss rises and x₁ loses its weight', () => {
    const before = leastSquares(scaleProblem(clean, 'raw'));
    const after = leastSquares(scaleProblem(dirty, 'raw'));
    expect(mse(scaleProblem(dirty, 'raw'), after)).toBeGreaterThan(3 * mse(scaleProblem(clean, 'raw'), before));
    expect(after[0]).toBeLessThan(before[0] / 5);
  });
});

describe('the contour maps', () => {
  const data = makeNormalizationData(1, 0.5, false);
  const p = scaleProblem(data, 'raw');
  const m = moments(p);
  const best = leastSquares(p);
  const minLoss = mse(p, best);

  it('use a square window holding the start and the answer', () => {
    const w = squareWindow([0, 0], [best[0], best[1]]);
    expect(w.xRange[1] - w.xRange[0]).toBeCloseTo(w.yRange[1] - w.yRange[0], 12);
    for (const [x, y] of [
      [0, 0],
      [best[0], best[1]],
    ]) {
      expect(x).toBeGreaterThan(w.xRange[0]);
      expect(x).toBeLessThan(w.xRange[1]);
      expect(y).toBeGreaterThan(w.yRange[0]);
      expect(y).toBeLessThan(w.yRange[1]);
    }
  });

  it('hold L(w₁, w₂, b) − L* at the slice through b, with row 0 at the lowest w₂', () => {
    const window = { xRange: [-1, 2] as [number, number], yRange: [-3, 15] as [number, number] };
    const b = 2.5;
    const grid = sliceGrid(m, b, window, minLoss, 7, 5);
    expect(grid.values[0]).toBeCloseTo(mse(p, [-1, -3, b]) - minLoss, 3);
    expect(grid.values[6]).toBeCloseTo(mse(p, [2, -3, b]) - minLoss, 3);
    expect(grid.values[4 * 7 + 3]).toBeCloseTo(mse(p, [0.5, 15, b]) - minLoss, 3);
  });

  it("a run's step in (w₁, w₂) is straight down the slice it stands in: −η times the slice's gradient", () => {
    const theta: Theta = [0.2, 3, 3.7];
    const h = 1e-6;
    const slice = (w1: number, w2: number) => lossFromMoments(m, w1, w2, theta[2]);
    const dw1 = (slice(theta[0] + h, theta[1]) - slice(theta[0] - h, theta[1])) / (2 * h);
    const dw2 = (slice(theta[0], theta[1] + h) - slice(theta[0], theta[1] - h)) / (2 * h);
    const next = gdStep(p, theta, 0.05);
    expect(next[0]).toBeCloseTo(theta[0] - 0.05 * dw1, 6);
    expect(next[1]).toBeCloseTo(theta[1] - 0.05 * dw2, 6);
  });
});

describe('reaching the optimum', () => {
  it('counts a loss within 1 % of L*, with a floor when L* = 0', () => {
    expect(nearOptimumLoss(0.2, 2)).toBeCloseTo(0.202, 12);
    expect(nearOptimumLoss(0, 2)).toBeCloseTo(2e-6, 12);
  });
});

function train(overrides: Partial<NormalizationParams>, steps: number, seed = 1) {
  const params = { ...DEFAULTS, ...overrides };
  const model = createNormalization(params, seed);
  const rows: number[][] = [];
  for (let i = 0; i < steps; i++) {
    const record = model.step();
    rows.push([...record.dataSync()]);
    record.dispose();
  }
  return { model, rows, params, info: model.info as NormalizationInfo };
}

/** The float32 data the trainer holds, as a problem for the reference math. */
function float32Problem(info: NormalizationInfo, run: 0 | 1, data: ReturnType<typeof makeNormalizationData>): Problem {
  const [x1, x2] = info.features[info.runs[run].scaling];
  return { x1: Float64Array.from(x1), x2: Float64Array.from(x2), y: Float64Array.from(Float32Array.from(data.y)) };
}

describe('the trainer', () => {
  it('takes, for both runs, exactly the plain gradient-descent steps of the reference math', () => {
    for (const scaling of ['standardize', 'minmax'] as const) {
      const { model, rows, info, params } = train({ scaling }, 40);
      const data = makeNormalizationData(1, params.noise, false);
      for (const run of [0, 1] as const) {
        const p = float32Problem(info, run, data);
        let theta = info.runs[run].start;
        for (let s = 0; s < 40; s++) {
          const record = rows[s].slice(1);
          expect(record[TRACE.loss + run]).toBeCloseTo(mse(p, theta), 3);
          theta = gdStep(p, theta, params.lr);
          for (let j = 0; j < 3; j++) expect(record[TRACE.theta + 3 * run + j]).toBeCloseTo(theta[j], 3);
          expect(record[TRACE.out + run]).toBe(0);
        }
        // The run's own loss is the better of the two.
        for (const row of rows) expect(row[0]).toBe(Math.min(row[1], row[2]));
      }
      model.dispose();
    }
  });

  it('freezes a run that diverges, marks it out and keeps training the other one', () => {
    const { model, rows, info, params } = train({ outlier: true }, 60);
    const data = makeNormalizationData(1, params.noise, true);
    const outAt = rows.findIndex((r) => r[1 + TRACE.out] === 1);
    expect(outAt).toBeGreaterThan(0);
    expect(outAt).toBeLessThan(20);
    const frozen = rows[outAt].slice(1 + TRACE.theta, 1 + TRACE.theta + 3);
    expect(frozen).toEqual(rows[outAt - 1].slice(1 + TRACE.theta, 1 + TRACE.theta + 3));
    for (const row of rows.slice(outAt)) {
      expect(row[1 + TRACE.out]).toBe(1);
      expect(row.slice(1 + TRACE.theta, 1 + TRACE.theta + 3)).toEqual(frozen);
      expect(row.every(Number.isFinite)).toBe(true);
    }
    // The loss it recorded never passed the limit; the standardized run went on to the optimum.
    for (const row of rows) expect(row[1]).toBeLessThanOrEqual(info.divergeLimit);
    const p = float32Problem(info, 1, data);
    expect(rows[59][1 + TRACE.loss + 1]).toBeLessThan(info.nearOptimum * 1.0001);
    expect(rows[59][0]).toBe(rows[59][2]);
    expect(mse(p, leastSquares(p))).toBeCloseTo(info.runs[1].minLoss, 6);
    model.dispose();
  });

  it('reports an infinite run loss once both runs are out, so the session stops; nothing else is infinite', () => {
    const { model, rows } = train({ lr: 3 }, 20);
    const both = rows.findIndex((r) => r[1 + TRACE.out] === 1 && r[1 + TRACE.out + 1] === 1);
    expect(both).toBeGreaterThan(0);
    expect(Number.isFinite(rows[both][0])).toBe(true);
    expect(rows[both + 1][0]).toBe(Infinity);
    for (const row of rows) expect(row.slice(1).every(Number.isFinite)).toBe(true);
    model.dispose();
  });

  it('applies a new learning rate to the next step, without a reset', () => {
    const params = { ...DEFAULTS };
    const model = createNormalization(params, 1);
    model.step().dispose();
    model.setLive({ lr: 0.01 });
    const after = [...model.step().dataSync()];
    const info = model.info as NormalizationInfo;
    const p = float32Problem(info, 1, makeNormalizationData(1, params.noise, false));
    const theta = gdStep(p, gdStep(p, info.runs[1].start, params.lr), 0.01);
    for (let j = 0; j < 3; j++) expect(after[1 + TRACE.theta + 3 + j]).toBeCloseTo(theta[j], 4);
    model.dispose();
  });

  it('describes both runs: the same L*, the start loss shared by both, the scaling chosen', () => {
    for (const scaling of ['standardize', 'minmax'] as const) {
      const { model, info } = train({ scaling }, 0);
      expect(info.runs[0].scaling).toBe('raw');
      expect(info.runs[1].scaling).toBe(scaling);
      expect(info.runs[0].minLoss).toBeCloseTo(info.runs[1].minLoss, 9);
      expect(model.initialTrace[0]).toBe(info.startLoss);
      expect(model.initialTrace[1]).toBe(info.startLoss);
      model.dispose();
    }
  });

  it('leaves no tensors behind', () => {
    const before = tf.memory().numTensors;
    const { model } = train({ lr: 3, outlier: true }, 12);
    model.setLive({ lr: 0.05 });
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe("the page's summary of each run", () => {
  /** Initial trace then steps; per step: [loss raw, loss scaled, θ raw, θ scaled, out raw, out scaled]. */
  const rows = [
    [2, 2, 0, 0, 4, 0, 0, 4, 0, 0],
    [2, 2, 0.1, 1, 4, 0.5, 0.5, 4, 0, 0],
    [5, 0.5, 0.2, 2, 4, 0.9, 0.9, 4, 0, 0],
    [9, 0.2, 0.2, 2, 4, 1, 1, 4, 1, 0],
    [9, 0.2, 0.2, 2, 4, 1, 1, 4, 1, 0],
  ];
  const traces = rows.flat();

  it('finds where a run went out, stops its curve there and reads its frozen parameters', () => {
    const raw = runSummary(traces, 10, 0, 0.3);
    expect(raw).toEqual({ loss: 9, theta: [0.2, 2, 4], outAt: 3, reachedAt: null, count: 3 });
    const scaled = runSummary(traces, 10, 1, 0.3);
    expect(scaled).toEqual({ loss: 0.2, theta: [1, 1, 4], outAt: null, reachedAt: 3, count: 4 });
    expect(runSummary(rows[0], 10, 1, 0.3)).toEqual({ loss: 2, theta: [0, 0, 4], outAt: null, reachedAt: null, count: 0 });
  });
});
