import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  closedForm,
  criticalLearningRate,
  lossGrid,
  makeLinearData,
  mse,
  mseGradient,
  type Dataset1D,
} from '../../src/ml/linear-regression/math';
import { createLinearRegression } from '../../src/ml/linear-regression/trainer';
import { LINEAR_REGRESSION_PARAMS, type LinearRegressionParams } from '../../src/ml/linear-regression/contract';
import { defaults } from '../../src/state/params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data = makeLinearData(40, 0.5, 7);

describe('MSE and its gradient', () => {
  it('computes the loss of a hand-worked example', () => {
    // ŷ = 1 + 2x on x = 0, 1, 2 against y = 1, 2, 6: residuals 0, 1, −1 → MSE = 2/3
    const tiny: Dataset1D = { x: Float32Array.from([0, 1, 2]), y: Float32Array.from([1, 2, 6]) };
    expect(mse(tiny, { b0: 1, b1: 2 })).toBeCloseTo(2 / 3, 12);
    // ∂L/∂β₀ = 2/3 · (0 + 1 − 1) = 0, ∂L/∂β₁ = 2/3 · (0 + 1 − 2) = −2/3
    const g = mseGradient(tiny, { b0: 1, b1: 2 });
    expect(g.b0).toBeCloseTo(0, 12);
    expect(g.b1).toBeCloseTo(-2 / 3, 12);
  });

  it('matches central finite differences', () => {
    const h = 1e-5;
    for (const point of [
      { b0: 0, b1: 0 },
      { b0: -1.3, b1: 2.2 },
      { b0: 3, b1: -0.5 },
    ]) {
      const g = mseGradient(data, point);
      const d0 = (mse(data, { ...point, b0: point.b0 + h }) - mse(data, { ...point, b0: point.b0 - h })) / (2 * h);
      const d1 = (mse(data, { ...point, b1: point.b1 + h }) - mse(data, { ...point, b1: point.b1 - h })) / (2 * h);
      expect(g.b0).toBeCloseTo(d0, 5);
      expect(g.b1).toBeCloseTo(d1, 5);
    }
  });

  it('is zero at the closed-form answer, which is the minimum', () => {
    const best = closedForm(data);
    const g = mseGradient(data, best);
    expect(Math.abs(g.b0)).toBeLessThan(1e-9);
    expect(Math.abs(g.b1)).toBeLessThan(1e-9);
    for (const [d0, d1] of [
      [0.01, 0],
      [0, 0.01],
      [-0.01, 0.01],
    ]) {
      expect(mse(data, { b0: best.b0 + d0, b1: best.b1 + d1 })).toBeGreaterThan(mse(data, best));
    }
  });

  it('recovers an exact line from noiseless data', () => {
    const clean = makeLinearData(25, 0, 3);
    const best = closedForm(clean);
    expect(best.b0).toBeCloseTo(1, 5);
    expect(best.b1).toBeCloseTo(0.8, 5);
  });

  it('evaluates the loss surface grid to the same values as the loss itself', () => {
    const grid = lossGrid(data, 11, 9);
    for (const [c, r] of [
      [0, 0],
      [5, 4],
      [10, 8],
      [3, 7],
    ]) {
      const b0 = grid.xRange[0] + ((grid.xRange[1] - grid.xRange[0]) * c) / 10;
      const b1 = grid.yRange[0] + ((grid.yRange[1] - grid.yRange[0]) * r) / 8;
      expect(grid.values[r * 11 + c]).toBeCloseTo(mse(data, { b0, b1 }), 3);
    }
    // The window contains both the start (0, 0) and the answer.
    const best = closedForm(data);
    expect(grid.xRange[0]).toBeLessThan(Math.min(0, best.b0));
    expect(grid.yRange[1]).toBeGreaterThan(Math.max(0, best.b1));
  });
});

describe('the data generator', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    expect(makeLinearData(10, 0.5, 42)).toEqual(makeLinearData(10, 0.5, 42));
    expect(makeLinearData(10, 0.5, 42).y).not.toEqual(makeLinearData(10, 0.5, 43).y);
  });
});

/** Runs the tfjs trainer for `steps` steps and returns every step's [loss, β₀, β₁]. */
function train(params: LinearRegressionParams, seed: number, steps: number): Float32Array[] {
  const model = createLinearRegression(params, seed);
  const records: Float32Array[] = [];
  for (let i = 0; i < steps; i++) {
    const record = model.step();
    records.push(record.dataSync() as Float32Array);
    record.dispose();
  }
  model.dispose();
  return records;
}

describe('the tfjs trainer', () => {
  const params: LinearRegressionParams = { ...defaults(LINEAR_REGRESSION_PARAMS), lr: 0.05, noise: 0.5, n: 40 };

  it('uses the hand-derived gradient, which equals tfjs autodiff', () => {
    const x = tf.tensor1d(data.x);
    const y = tf.tensor1d(data.y);
    const [g0, g1] = tf.grads((b0: tf.Tensor, b1: tf.Tensor) => tf.mean(tf.square(tf.sub(tf.add(b0, tf.mul(b1, x)), y))))([
      tf.scalar(0.3),
      tf.scalar(-0.4),
    ]);
    const hand = mseGradient(data, { b0: 0.3, b1: -0.4 });
    expect(g0.dataSync()[0]).toBeCloseTo(hand.b0, 4);
    expect(g1.dataSync()[0]).toBeCloseTo(hand.b1, 4);
    tf.dispose([x, y, g0, g1]);
  });

  it('takes exactly the plain gradient-descent step β ← β − η∇L', () => {
    const [first, second] = train(params, 7, 2);
    const g = mseGradient(data, { b0: 0, b1: 0 });
    expect(first[0]).toBeCloseTo(mse(data, { b0: 0, b1: 0 }), 4);
    expect(first[1]).toBeCloseTo(-0.05 * g.b0, 5);
    expect(first[2]).toBeCloseTo(-0.05 * g.b1, 5);
    expect(second[0]).toBeCloseTo(mse(data, { b0: first[1], b1: first[2] }), 4);
  });

  it('reaches the normal-equation solution within 1e-3', () => {
    const records = train(params, 7, 1500);
    const last = records[records.length - 1];
    const best = closedForm(data);
    expect(Math.abs(last[1] - best.b0)).toBeLessThan(1e-3);
    expect(Math.abs(last[2] - best.b1)).toBeLessThan(1e-3);
    expect(last[0]).toBeCloseTo(mse(data, best), 4);
  });

  it('changes its learning rate live, without a restart', () => {
    const model = createLinearRegression(params, 7);
    model.step().dispose();
    model.setLive({ lr: 0 });
    const frozen = [model.step(), model.step()].map((r) => r.dataSync());
    expect(frozen[1][1]).toBe(frozen[0][1]);
    expect(frozen[1][2]).toBe(frozen[0][2]);
    model.dispose();
  });

  it('diverges above 2/λ_max and converges below it', () => {
    const critical = criticalLearningRate(data);
    expect(critical).toBeGreaterThan(0.09);
    expect(critical).toBeLessThan(0.13);
    const below = train({ ...params, lr: critical * 0.95 }, 7, 400);
    const above = train({ ...params, lr: critical * 1.05 }, 7, 400);
    expect(below[399][0]).toBeLessThan(below[0][0]);
    expect(above[399][0]).toBeGreaterThan(above[0][0] * 100);
  });

  it('disposes every tensor it created', () => {
    const before = tf.memory().numTensors;
    train(params, 7, 20);
    expect(tf.memory().numTensors).toBe(before);
  });
});
