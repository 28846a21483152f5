/**
 * Every number lesson 02 (content/02-gradient-descent/{en,zh}.md) quotes, recomputed from the gd-variants
 * widget's own model (its data, batch streams and tfjs trainer on the cpu backend) with the settings the text
 * states. "On average" is the mean over steps 21–400, once all three runs have reached the bottom.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromTrack, toTrack } from '../../../src/controls/slider-scale';
import { GD_VARIANTS_PARAMS, GD_X_RANGE, type GdVariantsInfo, type GdVariantsParams } from '../../../src/ml/gd-variants/contract';
import { createGdVariants, scheduledRate } from '../../../src/ml/gd-variants/trainer';
import { closedForm, criticalLearningRate, makeLinearData, mse } from '../../../src/ml/linear-regression/math';
import { defaults, type NumberSpec } from '../../../src/state/params';
import { setFiguresBackend, train } from './train';

const DEFAULTS = defaults(GD_VARIANTS_PARAMS) as GdVariantsParams;
// Trace layout: batch.loss, mini.loss, sgd.loss, batch.b0, batch.b1, mini.b0, mini.b1, sgd.b0, sgd.b1, …
const [BATCH, MINI, SGD] = [0, 1, 2];

interface Variants {
  info: GdVariantsInfo;
  divergedAt?: number;
  /** excess[v][k]: variant v's full-data loss at step k + 1 (before its update) minus the minimum. */
  excess: number[][];
  traces: number[][];
}

function run(settings: Partial<GdVariantsParams>, live?: (done: number) => Partial<GdVariantsParams> | undefined): Variants {
  const params = { ...DEFAULTS, ...settings };
  const result = train(createGdVariants, params, params.steps, { live });
  const info = result.info as GdVariantsInfo;
  const excess = [BATCH, MINI, SGD].map((v) => result.traces.map((t) => t[v] - info.minLoss));
  return { info, divergedAt: result.divergedAt, excess, traces: result.traces };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
/** The mean excess over steps 21–400. */
const average = (excess: number[]) => mean(excess.slice(20));
/** The first step (1-based) at which the excess is below 0.01, about 3 % of the minimum. */
const reached = (excess: number[]) => excess.findIndex((e) => e < 0.01) + 1;

beforeAll(setFiguresBackend);

describe('steps, epochs and the noise of a batch', () => {
  it('n = 200: 1 step per epoch for batch gradient descent, 25 for batches of 8, 200 for SGD', () => {
    expect([200 / 200, 200 / 8, 200 / 1]).toEqual([1, 25, 200]);
  });

  it('the variance of a batch mean is Σ/B · (n − B)/(n − 1): 0 at B = n; 4 times the batch halves the noise', () => {
    // Exact over every batch of B = 2 from n = 5 scalar "gradients"; Σ is their (population) variance.
    const g = [0.3, -1.2, 2, 0.7, -0.4];
    const n = g.length;
    const mu = mean(g);
    const sigma2 = mean(g.map((v) => (v - mu) ** 2));
    const pairs = g.flatMap((a, i) => g.slice(i + 1).map((b) => (a + b) / 2));
    expect(mean(pairs)).toBeCloseTo(mu, 12);
    expect(mean(pairs.map((v) => (v - mu) ** 2))).toBeCloseTo((sigma2 / 2) * ((n - 2) / (n - 1)), 12);
    expect((n - n) / (n - 1)).toBe(0);
    expect(Math.sqrt(1 / 4)).toBe(0.5);
  });

  it('at the minimum one example’s β₀-gradient 2(ŷ − y) has a standard deviation of about 2σ = 1', () => {
    const data = makeLinearData(200, 0.5, 1, GD_X_RANGE);
    const best = closedForm(data);
    const g = Array.from(data.x, (x, i) => 2 * (best.b0 + best.b1 * x - data.y[i]));
    expect(mean(g)).toBeCloseTo(0, 4);
    expect(Math.sqrt(mean(g.map((v) => v * v))).toFixed(1)).toBe('1.1');
    expect(Math.round(Math.sqrt(mean(g.map((v) => v * v))))).toBe(1);
  });
});

describe('the data and the bowl', () => {
  const data = makeLinearData(200, 0.5, 1, GD_X_RANGE);

  it('defaults: 200 points, x on [−2, 2], noise 0.5, batch 8, lr 0.05, 400 steps', () => {
    expect(GD_X_RANGE).toEqual([-2, 2]);
    expect([DEFAULTS.n, DEFAULTS.noise, DEFAULTS.batch, DEFAULTS.lr, DEFAULTS.steps]).toEqual([200, 0.5, 8, 0.05, 400]);
  });

  it('the Hessian’s eigenvalues are about 2 and 2·4/3 ≈ 2.7 (the mean of x² is about 4/3)', () => {
    expect(((2 * 4) / 3).toFixed(1)).toBe('2.7');
    const meanX = mean(Array.from(data.x));
    const meanX2 = mean(Array.from(data.x, (x) => x * x));
    expect(meanX2).toBeCloseTo(4 / 3, 0);
    const half = Math.sqrt(((2 - 2 * meanX2) / 2) ** 2 + (2 * meanX) ** 2);
    const [max, min] = [1 + meanX2 + half, 1 + meanX2 - half];
    expect(Math.round(min)).toBe(2);
    expect(max).toBeGreaterThan(2.6);
    expect(max).toBeLessThan(2.9);
  });

  it('the start loss is about 2.2 (2.19); the minimum 0.31, between about 0.2 and 0.3 for most other samples', () => {
    expect(mse(data, { b0: 0, b1: 0 }).toFixed(2)).toBe('2.19');
    expect(mse(data, closedForm(data)).toFixed(2)).toBe('0.31');
    const others = Array.from({ length: 200 }, (_, i) => {
      const sample = makeLinearData(200, 0.5, i + 2, GD_X_RANGE);
      return mse(sample, closedForm(sample));
    });
    expect(others.filter((m) => m >= 0.2 && m <= 0.3).length / others.length).toBeGreaterThan(0.9);
  });

  it('batch gradient descent’s limit 2/λ_max ≈ 2/2.7 ≈ 0.75: 0.72 for this data, about 0.65–0.85 for others', () => {
    expect((2 / 2.7).toFixed(2)).toBe('0.74');
    expect(criticalLearningRate(data).toFixed(2)).toBe('0.72');
    const limits = Array.from({ length: 200 }, (_, i) => criticalLearningRate(makeLinearData(200, 0.5, i + 2, GD_X_RANGE)));
    expect(limits.filter((l) => l >= 0.65 && l <= 0.85).length / limits.length).toBeGreaterThan(0.95);
  });
});

describe('the first widget (defaults)', () => {
  let first: Variants;
  beforeAll(() => {
    first = run({});
  });

  it('all three start at about 2.2; at step 5 SGD is still about 1.8, the others near 1; it catches up by about step 11', () => {
    for (const v of [BATCH, MINI, SGD]) expect(first.traces[0][v].toFixed(1)).toBe('2.2');
    expect(first.traces[4][SGD].toFixed(1)).toBe('1.8');
    expect(Math.round(first.traces[4][BATCH])).toBe(1);
    expect(Math.round(first.traces[4][MINI])).toBe(1);
    const step11 = first.traces[10];
    expect(Math.abs(step11[SGD] - step11[BATCH])).toBeLessThan(0.02);
  });

  it('the batch curve is smooth and at the minimum within about 25 steps', () => {
    expect(reached(first.excess[BATCH])).toBeGreaterThanOrEqual(20);
    expect(reached(first.excess[BATCH])).toBeLessThanOrEqual(25);
    for (let k = 1; k < 400; k++) expect(first.excess[BATCH][k]).toBeLessThanOrEqual(first.excess[BATCH][k - 1] + 1e-6);
  });

  it('the stochastic curve jumps up by up to a few hundredths, and once or twice by about 0.1', () => {
    const jumps = first.excess[SGD].slice(20).map((e, k, a) => (k ? e - a[k - 1] : 0));
    const big = jumps.filter((j) => j > 0.095);
    expect(big.length).toBeGreaterThanOrEqual(1);
    expect(big.length).toBeLessThanOrEqual(2);
    for (const j of big) expect(j.toFixed(1)).toBe('0.1');
  });

  it('SGD wanders about 0.1 from the minimum in each parameter; the mini-batch path much less', () => {
    const best = first.info.closedForm;
    const away = (b0: number, b1: number) => [
      mean(first.traces.slice(20).map((t) => Math.abs(t[b0] - best.b0))),
      mean(first.traces.slice(20).map((t) => Math.abs(t[b1] - best.b1))),
    ];
    for (const d of away(7, 8)) expect(d.toFixed(1)).toBe('0.1');
    for (const d of away(5, 6)) expect(d).toBeLessThan(0.05);
  });

  it('by epochs: 400 steps are 400, 16 and 2 epochs; in 2 epochs batch GD took 2 steps and is still above 1, SGD got down in a tenth of one', () => {
    expect([400 / 1, (400 * 8) / 200, 400 / 200]).toEqual([400, 16, 2]);
    // After its 2 updates, batch gradient descent's loss (reported by step 3).
    expect(first.traces[2][BATCH]).toBeGreaterThan(1.3);
    // A tenth of an epoch for SGD is 20 steps: by then it is inside the band it keeps jittering in.
    expect(first.excess[SGD][20]).toBeLessThan(0.1);
    expect(first.excess[SGD][20]).toBeLessThan(Math.max(...first.excess[SGD].slice(50)));
  });

  it('with noise 0 the stochastic curve falls towards 0 with the others', () => {
    const clean = run({ noise: 0 });
    for (const v of [BATCH, MINI, SGD]) expect(clean.traces.at(-1)![v]).toBeLessThan(1e-8);
  });

  it('on average SGD sits about 0.04 above the minimum and the mini-batch copy about 0.003', () => {
    expect(average(first.excess[SGD]).toFixed(2)).toBe('0.04');
    expect(average(first.excess[MINI]).toFixed(3)).toBe('0.003');
  });
});

describe('the second widget (lr 0.2, batch 32)', () => {
  let wide: Variants;
  beforeAll(() => {
    wide = run({ lr: 0.2, batch: 32 });
  });

  it('batch gradient descent reaches the minimum in about 5 steps; the mini-batch copy is about 0.004 above on average', () => {
    expect(reached(wide.excess[BATCH])).toBeGreaterThanOrEqual(4);
    expect(reached(wide.excess[BATCH])).toBeLessThanOrEqual(6);
    expect(average(wide.excess[MINI]).toFixed(3)).toBe('0.004');
  });

  it('SGD: about 0.3 above on average, about the minimum itself (0.31), with spikes above 1', () => {
    expect(average(wide.excess[SGD]).toFixed(1)).toBe('0.3');
    expect(wide.info.minLoss.toFixed(2)).toBe('0.31');
    expect(Math.max(...wide.excess[SGD].slice(20))).toBeGreaterThan(1);
  });

  it('batch 8: the mini-batch copy about 0.025 above, roughly 6 times as far; an epoch at 32 is about 6 batches', () => {
    const eight = run({ lr: 0.2, batch: 8 });
    expect(average(eight.excess[MINI]).toFixed(3)).toBe('0.025');
    expect(Math.round(average(eight.excess[MINI]) / average(wide.excess[MINI]))).toBe(6);
    expect(Math.round(200 / 32)).toBe(6);
    expect((200 - 32) / 199).toBeCloseTo(0.84, 2);
  });

  it('at 0.501 (the slider’s value near 0.5): batch GD at the minimum within about 10 steps, mini-batch a few hundredths above, SGD diverges at about step 22', () => {
    const spec = GD_VARIANTS_PARAMS[0] as NumberSpec;
    expect(fromTrack(spec, toTrack(spec, 0.5))).toBe(0.501);
    const fast = run({ lr: 0.501, batch: 32 });
    expect(reached(fast.excess[BATCH])).toBeLessThanOrEqual(10);
    expect(fast.divergedAt).toBeDefined();
    expect(Math.abs(fast.divergedAt! - 22)).toBeLessThanOrEqual(2);
    const mini = average(fast.excess[MINI].slice(0, fast.divergedAt! - 1));
    expect(mini).toBeGreaterThan(0.01);
    expect(mini).toBeLessThan(0.06);
  });

  it('one example’s curvature 2(1 + x²) is about 10 at x = ±2, so steps overshoot above 2/10 = 0.2', () => {
    expect(2 * (1 + 2 ** 2)).toBe(10);
    expect(2 / 10).toBe(0.2);
  });

  it('SGD survives 400 steps at every slider value up to 0.38, swinging by tens, hundreds, then thousands above 0.3; from 0.394 it is stopped within about 80 steps', () => {
    const spec = GD_VARIANTS_PARAMS[0] as NumberSpec;
    const slider = (from: number, to: number) => {
      const values: number[] = [];
      for (let t = toTrack(spec, from); t <= toTrack(spec, to); t++) values.push(fromTrack(spec, t));
      return values;
    };
    const swings: number[] = [];
    for (const lr of slider(0.309, 0.38)) {
      const r = run({ lr, batch: 32 });
      expect(r.divergedAt, `lr ${lr}`).toBeUndefined();
      swings.push(Math.max(...r.excess[SGD]));
    }
    expect(swings[0]).toBeGreaterThan(10);
    expect(swings[0]).toBeLessThan(100);
    expect(swings.some((s) => s > 100 && s < 1000)).toBe(true);
    expect(swings.at(-1)!).toBeGreaterThan(1000);
    for (const lr of slider(0.394, 0.45)) {
      const r = run({ lr, batch: 32 });
      expect(r.divergedAt, `lr ${lr}`).toBeDefined();
      expect(r.divergedAt!).toBeLessThanOrEqual(80);
    }
  });
});

describe('the floor at a constant learning rate', () => {
  // (η σ²/B)(1 + mean x²) with mean x² ≈ 4/3, σ² the sample's mean squared residual (0.31) or the noise's 0.25.
  const data = makeLinearData(200, 0.5, 1, GD_X_RANGE);
  const residual = mse(data, closedForm(data));
  const floor = (lr: number, variance: number, batch: number) => ((lr * variance) / batch) * (1 + 4 / 3);

  it('defaults: 0.05 × 0.25 × 2.3 ≈ 0.03; with the sample’s 0.31, about 0.036; the mini-batch formula 0.004', () => {
    expect((0.05 * 0.25 * 2.3).toFixed(2)).toBe('0.03');
    expect(floor(0.05, 0.25, 1).toFixed(2)).toBe('0.03');
    expect(residual.toFixed(2)).toBe('0.31');
    expect(floor(0.05, residual, 1).toFixed(3)).toBe('0.036');
    expect(floor(0.05, residual, 8).toFixed(3)).toBe('0.004');
  });

  it('at 0.2 SGD sat about 0.3 above the minimum, twice the formula’s 0.14', () => {
    expect(floor(0.2, residual, 1).toFixed(2)).toBe('0.14');
    expect(Math.round(0.3 / 0.14)).toBe(2);
  });
});

describe('the schedule (lr 0.2, decay 0.02, 2000 steps)', () => {
  it('η_t = η/(1 + kt): half by step 50, η/41 at step 2000, 0.2/41 ≈ 0.005', () => {
    expect(scheduledRate(0.2, 0.02, 50)).toBe(0.1);
    expect(scheduledRate(0.2, 0.02, 2000)).toBeCloseTo(0.2 / 41, 12);
    expect((0.2 / 41).toFixed(3)).toBe('0.005');
  });

  it('SGD ends within about 0.01 of the minimum, the mini-batch copy closer; dragging the decay to 0 puts SGD about 0.4 above again', () => {
    const decayed = run({ lr: 0.2, decay: 0.02, steps: 2000, speed: 10 });
    const sgdEnd = decayed.excess[SGD].slice(-100);
    const miniEnd = decayed.excess[MINI].slice(-100);
    expect(Math.max(...sgdEnd)).toBeLessThan(0.01);
    expect(mean(miniEnd)).toBeLessThan(mean(sgdEnd));
    const dragged = run({ lr: 0.2, decay: 0.02, steps: 1000 }, (done) => (done === 300 ? { decay: 0 } : undefined));
    expect(mean(dragged.excess[SGD].slice(400)).toFixed(1)).toBe('0.4');
  });
});

describe('the quiz', () => {
  it('400 steps of batches of 8 from 200 points: 25 steps an epoch, 16 epochs, 3200 examples; 50 steps are 2 epochs', () => {
    expect(200 / 8).toBe(25);
    expect(400 / 25).toBe(16);
    expect(400 * 8).toBe(3200);
    expect(50 / 25).toBe(2);
  });
});
