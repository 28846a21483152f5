import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { logLoss, logLossGradient, type Weights2D } from '../../src/ml/logistic-regression/math';
import { auc, rocCurve } from '../../src/ml/shared/metrics';
import { EVAL_SIZE, makeMetricsData, positiveCentre, positiveCount, TRAIN_SIZE } from '../../src/ml/metrics/data';
import { createMetrics } from '../../src/ml/metrics/trainer';
import { alwaysNegativeAccuracy, logits, reportAt } from '../../src/ml/metrics/threshold';
import { defaults } from '../../src/state/params';
import { METRICS_PARAMS, type MetricsInfo, type MetricsParams } from '../../src/ml/metrics/contract';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const count = (labels: Uint8Array, value: number) => labels.reduce((n, l) => n + (l === value ? 1 : 0), 0);

describe('the data: two overlapping Gaussians with an exact share of positives', () => {
  it('has round(share · size) positives in each part, never none and never all', () => {
    for (const share of [1, 5, 17, 50]) {
      const { train, evaluation } = makeMetricsData(share, 2, 1);
      expect(train.x1.length).toBe(TRAIN_SIZE);
      expect(evaluation.x1.length).toBe(EVAL_SIZE);
      expect(count(train.label, 1)).toBe(Math.round((TRAIN_SIZE * share) / 100));
      expect(count(evaluation.label, 1)).toBe(Math.round((EVAL_SIZE * share) / 100));
    }
    expect(positiveCount(10, 1)).toBe(1);
    expect(positiveCount(10, 99.9)).toBe(9);
    // At 5 % positives, "always negative" is right 95 % of the time on the evaluation part.
    expect(alwaysNegativeAccuracy(makeMetricsData(5, 2, 1).evaluation.label)).toBe(0.95);
  });

  it('centres the classes separation apart on the diagonal, with unit spread', () => {
    expect(positiveCentre(2)).toEqual([expect.closeTo(Math.SQRT1_2, 12), expect.closeTo(Math.SQRT1_2, 12)]);
    const { evaluation: e } = makeMetricsData(50, 3, 4);
    const mean = (values: Float32Array, label: number) =>
      values.reduce((s, v, i) => s + (e.label[i] === label ? v : 0), 0) / count(e.label, label);
    const c = 3 / 2 / Math.SQRT2;
    for (const axis of [e.x1, e.x2]) {
      expect(mean(axis, 1)).toBeCloseTo(c, 0);
      expect(mean(axis, 0)).toBeCloseTo(-c, 0);
    }
    const spread = Math.sqrt(e.x1.reduce((s, v, i) => s + (v - (e.label[i] ? c : -c)) ** 2, 0) / EVAL_SIZE);
    expect(spread).toBeGreaterThan(0.9);
    expect(spread).toBeLessThan(1.1);
  });

  it('is seeded: the same seed gives the same points, another seed others', () => {
    expect(makeMetricsData(20, 2, 7)).toEqual(makeMetricsData(20, 2, 7));
    expect(makeMetricsData(20, 2, 8).train.x1).not.toEqual(makeMetricsData(20, 2, 7).train.x1);
  });
});

function train(overrides: Partial<MetricsParams>, steps: number, seed = 1) {
  const model = createMetrics({ ...defaults(METRICS_PARAMS), ...overrides }, seed);
  const rows: number[][] = [];
  for (let i = 0; i < steps; i++) {
    const record = model.step();
    rows.push(Array.from(record.dataSync()));
    record.dispose();
  }
  return { model, rows, info: model.info as MetricsInfo };
}

const weightsOf = (row: number[]): Weights2D => ({ w1: row[1], w2: row[2], b: row[3] });

describe('the tfjs trainer', () => {
  it('takes exactly the gradient-descent steps of the formulas, and measures the held-out loss', () => {
    const { model, rows, info } = train({ lr: 0.8, positives: 20 }, 30);
    let w: Weights2D = { w1: 0, w2: 0, b: 0 };
    expect(model.initialTrace[3]).toBeCloseTo(Math.LN2, 6);
    for (const row of rows) {
      expect(row[0]).toBeCloseTo(logLoss(info.train, w), 5);
      expect(row[4]).toBeCloseTo(logLoss(info.evaluation, w), 5);
      const g = logLossGradient(info.train, w);
      w = { w1: w.w1 - 0.8 * g.w1, w2: w.w2 - 0.8 * g.w2, b: w.b - 0.8 * g.b };
      expect(row.slice(1, 4)).toEqual([expect.closeTo(w.w1, 4), expect.closeTo(w.w2, 4), expect.closeTo(w.b, 4)]);
    }
    model.dispose();
  });

  it('applies a new learning rate to the next step', () => {
    const { model, rows, info } = train({ lr: 0.5 }, 3);
    model.setLive({ lr: 2 });
    const next = model.step();
    const row = Array.from(next.dataSync());
    next.dispose();
    const w = weightsOf(rows[2]);
    const g = logLossGradient(info.train, w);
    expect(row[1]).toBeCloseTo(w.w1 - 2 * g.w1, 4);
    expect(row[3]).toBeCloseTo(w.b - 2 * g.b, 4);
    model.dispose();
  });

  it('learns on the default data: the loss falls and the evaluation AUC is near the best possible', () => {
    const { model, rows, info } = train({}, 300);
    expect(rows[0][0]).toBeCloseTo(Math.LN2, 5);
    expect(rows[299][0]).toBeLessThan(0.42);
    expect(rows[299][4]).toBeLessThan(0.42);
    const z = logits(info.evaluation, weightsOf(rows[299]));
    // Two unit Gaussians 2 apart: the best AUC is Φ(2/√2) ≈ 0.921.
    expect(auc(rocCurve(z, info.evaluation.label))).toBeGreaterThan(0.89);
    model.dispose();
  });

  it('at 5 % positives beats "always negative" by little at t = 0.5, while its recall is poor', () => {
    const { model, rows, info } = train({ positives: 5 }, 300);
    const z = logits(info.evaluation, weightsOf(rows[299]));
    const r = reportAt(z, info.evaluation.label, 0.5);
    expect(r.accuracy).toBeGreaterThan(0.95);
    expect(r.accuracy).toBeLessThan(0.98);
    expect(r.recall).toBeLessThan(0.6);
    expect(auc(rocCurve(z, info.evaluation.label))).toBeGreaterThan(0.89);
    model.dispose();
  });

  it('stays finite at the largest learning rate', () => {
    const lr = METRICS_PARAMS.find((s) => s.key === 'lr')!.max;
    for (const positives of [1, 5, 50]) {
      const { model, rows } = train({ lr, positives }, 500);
      expect(rows.every((r) => r.every(Number.isFinite))).toBe(true);
      model.dispose();
    }
  });

  it('frees every tensor it made', () => {
    const before = tf.memory().numTensors;
    train({}, 5).model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
