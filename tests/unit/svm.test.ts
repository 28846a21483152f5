import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { flattenPoints, makePreset, parsePoints, type Points2D } from '../../src/ml/shared/classification-data';
import {
  decisionValues,
  featureMatrix,
  featuresOf,
  lambdaFor,
  linearFeatures,
  marginWidth,
  objective,
  randomFourierFeatures,
  subgradient,
  supportVectors,
} from '../../src/ml/svm/math';
import { createSvm } from '../../src/ml/svm/trainer';
import { defaults } from '../../src/state/params';
import { SVM_PARAMS, type SvmInfo, type SvmParams } from '../../src/ml/svm/contract';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the hinge-loss objective', () => {
  const points = makePreset('overlapping', 20, 4);
  const map = linearFeatures();
  const z = featureMatrix(map, points);
  it('its subgradient matches finite differences where no point sits exactly on the margin', () => {
    const lambda = lambdaFor(40, 0.5);
    const h = 1e-6;
    for (const [w, b] of [
      [[0.3, 0.8], 0.1],
      [[-0.5, 1.4], -0.3],
      [[2, 1], 0.5],
    ] as [number[], number][]) {
      const J = (ww: number[], bb: number) => objective(decisionValues(z, 2, ww, bb), points.label, ww, lambda);
      const { gw, gb } = subgradient(z, 2, points.label, w, b, lambda);
      for (const k of [0, 1]) {
        const plus = [...w];
        const minus = [...w];
        plus[k] += h;
        minus[k] -= h;
        expect(gw[k]).toBeCloseTo((J(plus, b) - J(minus, b)) / (2 * h), 5);
      }
      expect(gb).toBeCloseTo((J(w, b + h) - J(w, b - h)) / (2 * h), 5);
    }
  });
  it('starts at exactly 1 with w = 0, b = 0', () => {
    expect(objective(decisionValues(z, 2, [0, 0], 0), points.label, [0, 0], 0.1)).toBe(1);
  });
});

describe('random Fourier features', () => {
  it('approximate the RBF kernel exp(−γ‖x − x′‖²)', () => {
    const gamma = 1;
    const map = randomFourierFeatures(gamma, 3);
    const a = new Float32Array(map.dimension);
    const b = new Float32Array(map.dimension);
    let error = 0;
    let count = 0;
    for (const [p, q] of [
      [
        [0, 0],
        [0.5, 0.2],
      ],
      [
        [1, -1],
        [1.2, -0.4],
      ],
      [
        [-2, 1],
        [-1, 2],
      ],
      [
        [0.3, 0.3],
        [0.3, 0.3],
      ],
      [
        [2, 2],
        [-2, -2],
      ],
    ]) {
      featuresOf(map, p[0], p[1], a);
      featuresOf(map, q[0], q[1], b);
      const dot = a.reduce((sum, v, k) => sum + v * b[k], 0);
      error += Math.abs(dot - Math.exp(-gamma * ((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)));
      count++;
    }
    expect(error / count).toBeLessThan(0.1);
  });
});

function train(overrides: Partial<SvmParams>, schedule: [number, number][], data?: number[]) {
  const params = { ...defaults(SVM_PARAMS), ...overrides, lr: schedule[0][1] };
  const model = createSvm(params, 2, data);
  let last: number[] = [];
  for (const [steps, lr] of schedule) {
    model.setLive({ lr });
    for (let i = 0; i < steps; i++) {
      const record = model.step();
      last = [...record.dataSync()];
      record.dispose();
    }
  }
  return { model, last, info: model.info as SvmInfo };
}

describe('the trained SVM', () => {
  it('finds the hard-margin answer on separable data: w = (½, 0), b = 0, margin 4, two support vectors', () => {
    // Class +1 at (2, 0), (3, ±1); class −1 mirrored. The widest band is −2 ≤ x₁ ≤ 2.
    const data = flattenPoints(parsePoints('2_0_1*3_1_1*3_-1_1*-2_0_0*-3_1_0*-3_-1_0') as Points2D);
    const { model, last, info } = train(
      { C: 10 },
      [
        [3000, 0.05],
        [3000, 0.01],
        [4000, 0.002],
      ],
      data,
    );
    const [, accuracy, b, w1, w2] = last;
    expect(accuracy).toBe(1);
    expect(w1).toBeCloseTo(0.5, 2);
    expect(w2).toBeCloseTo(0, 2);
    expect(b).toBeCloseTo(0, 1);
    expect(marginWidth([w1, w2])).toBeCloseTo(4, 0);
    const f = decisionValues(featureMatrix(info.features, info.points), 2, [w1, w2], b);
    expect([...supportVectors(f, info.points.label)]).toEqual([1, 0, 0, 1, 0, 0]);
    model.dispose();
  });

  it('takes exactly the subgradient steps of svm.ts', () => {
    const params: SvmParams = { ...defaults(SVM_PARAMS), preset: 'overlapping', C: 0.5, lr: 0.1 };
    const model = createSvm(params, 2);
    const { points, features } = model.info as SvmInfo;
    const z = featureMatrix(features, points);
    const lambda = lambdaFor(points.x1.length, 0.5);
    let w = [0, 0];
    let b = 0;
    for (let s = 0; s < 20; s++) {
      const record = model.step();
      const row = [...record.dataSync()];
      record.dispose();
      expect(row[0]).toBeCloseTo(objective(decisionValues(z, 2, w, b), points.label, w, lambda), 5);
      const { gw, gb } = subgradient(z, 2, points.label, w, b, lambda);
      w = w.map((v, k) => v - 0.1 * gw[k]);
      b -= 0.1 * gb;
      expect(row.slice(2)).toEqual([expect.closeTo(b, 4), expect.closeTo(w[0], 4), expect.closeTo(w[1], 4)]);
    }
    model.dispose();
  });

  it('a smaller C widens the margin', () => {
    const width = (C: number) => {
      const { model, last } = train({ preset: 'overlapping', C }, [[1500, 0.1]]);
      model.dispose();
      return marginWidth(last.slice(3));
    };
    expect(width(0.1)).toBeGreaterThan(width(10) * 1.3);
  });

  it('the RBF kernel separates the ring, which no line can', () => {
    const linear = train({ preset: 'ring', kernel: 'linear' }, [[800, 0.1]]);
    const rbf = train({ preset: 'ring', kernel: 'rbf', gamma: 1 }, [[800, 0.1]]);
    expect(linear.last[1]).toBeLessThan(0.85);
    expect(rbf.last[1]).toBeGreaterThan(0.95);
    linear.model.dispose();
    rbf.model.dispose();
  });

  it('frees every tensor it made, C changes included', () => {
    const before = tf.memory().numTensors;
    const { model } = train({ kernel: 'rbf' }, [[5, 0.1]]);
    model.setLive({ C: 3 });
    model.step().dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
