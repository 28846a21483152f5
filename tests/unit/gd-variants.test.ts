import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchStream } from '../../src/ml/shared/batch-stream';
import { createGdVariants, scheduledRate } from '../../src/ml/gd-variants/trainer';
import { makeLinearData, mse, mseGradient, type Line } from '../../src/ml/linear-regression/math';
import { defaults } from '../../src/state/params';
import { GD_VARIANTS_PARAMS, GD_X_RANGE, type GdVariantsInfo, type GdVariantsParams } from '../../src/ml/gd-variants/contract';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('mini-batches without replacement', () => {
  it('covers every example exactly once per epoch, continuing across the epoch boundary', () => {
    const stream = new BatchStream(10, 7);
    const seen = [...stream.next(4), ...stream.next(4), ...stream.next(4), ...stream.next(4), ...stream.next(4)];
    expect([...seen.slice(0, 10)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...seen.slice(10, 20)].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen.slice(0, 10)).not.toEqual(seen.slice(10, 20));
  });
  it('is reproducible from its seed', () => {
    expect(new BatchStream(50, 3).next(20)).toEqual(new BatchStream(50, 3).next(20));
    expect(new BatchStream(50, 3).next(20)).not.toEqual(new BatchStream(50, 4).next(20));
  });
});

describe('the learning-rate schedule', () => {
  it('is η/(1 + k t)', () => {
    expect(scheduledRate(0.1, 0, 500)).toBe(0.1);
    expect(scheduledRate(0.1, 0.02, 0)).toBe(0.1);
    expect(scheduledRate(0.1, 0.02, 50)).toBeCloseTo(0.05, 12);
  });
});

function train(overrides: Partial<GdVariantsParams>, steps: number, seed = 5) {
  const params = { ...defaults(GD_VARIANTS_PARAMS), ...overrides };
  const model = createGdVariants(params, seed);
  const rows: number[][] = [];
  for (let i = 0; i < steps; i++) {
    const record = model.step();
    rows.push([...record.dataSync()]);
    record.dispose();
  }
  return { model, rows, params, info: model.info as GdVariantsInfo };
}

describe('three variants side by side', () => {
  it('batch gradient descent follows the full-data gradient of lesson 01 exactly', () => {
    const { model, rows, params } = train({ lr: 0.1 }, 30);
    const data = makeLinearData(params.n, params.noise, 5, GD_X_RANGE);
    let line: Line = { b0: 0, b1: 0 };
    const at = (name: string) => model.traceNames.indexOf(name) + 1;
    for (let s = 0; s < 30; s++) {
      expect(rows[s][at('batch.loss')]).toBeCloseTo(mse(data, line), 4);
      const g = mseGradient(data, line);
      line = { b0: line.b0 - 0.1 * g.b0, b1: line.b1 - 0.1 * g.b1 };
      expect(rows[s][at('batch.b0')]).toBeCloseTo(line.b0, 4);
      expect(rows[s][at('batch.b1')]).toBeCloseTo(line.b1, 4);
    }
    model.dispose();
  });

  it('mini-batch and stochastic steps use exactly their batch, in the seeded order', () => {
    const { model, rows, params } = train({ lr: 0.05, batch: 8, n: 64 }, 20);
    const data = makeLinearData(params.n, params.noise, 5, GD_X_RANGE);
    const at = (name: string) => model.traceNames.indexOf(name) + 1;
    for (const [name, size, index] of [
      ['mini', 8, 1],
      ['sgd', 1, 2],
    ] as const) {
      const stream = new BatchStream(params.n, (5 * 31 + index + 1) >>> 0);
      let line: Line = { b0: 0, b1: 0 };
      for (let s = 0; s < 20; s++) {
        const batch = stream.next(size);
        const sub = { x: Float32Array.from(batch, (i) => data.x[i]), y: Float32Array.from(batch, (i) => data.y[i]) };
        expect(rows[s][at(`${name}.loss`)], `${name} loss at step ${s + 1}`).toBeCloseTo(mse(data, line), 4);
        const g = mseGradient(sub, line);
        line = { b0: line.b0 - 0.05 * g.b0, b1: line.b1 - 0.05 * g.b1 };
        expect(rows[s][at(`${name}.b1`)]).toBeCloseTo(line.b1, 4);
      }
    }
    model.dispose();
  });

  it('all three reach the closed-form loss; the stochastic one only jitters near it', () => {
    const { model, rows, info } = train({ lr: 0.05, decay: 0 }, 1500);
    const at = (name: string) => model.traceNames.indexOf(name) + 1;
    const tail = rows.slice(-200);
    const mean = (name: string) => tail.reduce((sum, r) => sum + r[at(name)], 0) / tail.length;
    expect(mean('batch.loss') - info.minLoss).toBeLessThan(1e-4);
    expect(mean('mini.loss') - info.minLoss).toBeLessThan(0.02);
    expect(mean('sgd.loss') - info.minLoss).toBeGreaterThan(mean('mini.loss') - info.minLoss);
    expect(mean('sgd.loss') - info.minLoss).toBeLessThan(0.2);
    model.dispose();
  });

  it('a decaying rate lets stochastic descent settle closer than a constant one', () => {
    const gap = (decay: number) => {
      const { model, rows, info } = train({ lr: 0.2, decay }, 2000);
      const j = model.traceNames.indexOf('sgd.loss') + 1;
      model.dispose();
      return rows.slice(-300).reduce((sum, r) => sum + r[j], 0) / 300 - info.minLoss;
    };
    expect(gap(0.02)).toBeLessThan(gap(0) / 3);
  });

  it('reports the worst variant as the run loss, records its own timings, and frees its tensors', () => {
    const before = tf.memory().numTensors;
    const { model, rows } = train({}, 10);
    for (const row of rows) expect(row[0]).toBe(Math.max(row[1], row[2], row[3]));
    const ms = model.traceNames.indexOf('batch.ms') + 1;
    expect(rows.every((r) => r[ms] >= 0 && r[ms] < 1000)).toBe(true);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
