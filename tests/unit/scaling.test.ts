/**
 * The scaling sweep: the networks' sizes against the formula and against tfjs's own count, the power-law fit
 * against points drawn from a known law, the plan and the page's reading of the records, and the trainer
 * (seeds reproduce, every tensor freed).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCALING_PARAMS, type ScalingParams } from '../../src/ml/scaling/contract';
import {
  DATA_SIZES,
  DATA_WIDTH,
  NOISE_FLOOR,
  TRAIN_SIZE,
  VALIDATION_SIZE,
  WIDTHS,
  fitPowerLaw,
  makeScalingData,
  parameterCount,
  sweepPlan,
  trainingFlops,
} from '../../src/ml/scaling/math';
import { finishedModels, spread } from '../../src/ml/scaling/results';
import { createScaling, trainingRows } from '../../src/ml/scaling/trainer';
import { defaults } from '../../src/state/params';

const DEFAULTS = defaults(SCALING_PARAMS) as ScalingParams;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the networks', () => {
  it('2 → w → w → 1 has w² + 5w + 1 parameters, as tfjs counts them', () => {
    expect(WIDTHS.map(parameterCount)).toEqual([7, 15, 37, 105, 337, 1185, 4417]);
    for (const w of WIDTHS) {
      const model = tf.sequential({
        layers: [
          tf.layers.dense({ inputShape: [2], units: w, activation: 'tanh' }),
          tf.layers.dense({ units: w, activation: 'tanh' }),
          tf.layers.dense({ units: 1 }),
        ],
      });
      expect(model.countParams()).toBe(parameterCount(w));
      model.dispose();
    }
  });

  it('compute is 6·N·examples seen, a batch of 128 per step or the whole set when smaller', () => {
    expect(trainingFlops(7, 1024, 600)).toBe(6 * 7 * 128 * 600);
    expect(trainingFlops(1185, 32, 100)).toBe(6 * 1185 * 32 * 100);
  });
});

describe('the power-law fit', () => {
  const law = (a: number, alpha: number, floor: number) => (n: number) => a * n ** -alpha + floor;

  it('recovers a known exponent, scale and floor from exact points', () => {
    const f = law(2, 0.5, 0.01);
    const fit = fitPowerLaw(WIDTHS.map((w) => ({ n: parameterCount(w), loss: f(parameterCount(w)) })))!;
    expect(fit.alpha).toBeCloseTo(0.5, 3);
    expect(fit.a).toBeCloseTo(2, 2);
    expect(fit.floor).toBeCloseTo(0.01, 4);
    expect(fit.rmsLog).toBeLessThan(1e-4);
  });

  it('recovers a steep law with no floor, and a shallow one over several seeds with noise', () => {
    const steep = law(5, 1.2, 0);
    const fit = fitPowerLaw([10, 30, 100, 300, 1000, 3000].map((n) => ({ n, loss: steep(n) })))!;
    expect(fit.alpha).toBeCloseTo(1.2, 2);
    expect(fit.floor).toBeLessThan(1e-4);
    const shallow = law(1, 0.3, 0.05);
    let k = 0;
    const noisy = [10, 100, 1000, 1e4, 1e5, 1e6].flatMap((n) => [0.98, 1, 1.02].map((m) => ({ n, loss: shallow(n) * (m + 0.001 * k++) })));
    expect(fitPowerLaw(noisy)!.alpha).toBeCloseTo(0.3, 1);
  });

  it('needs three different sizes and positive losses', () => {
    expect(
      fitPowerLaw([
        { n: 10, loss: 1 },
        { n: 10, loss: 0.9 },
        { n: 100, loss: 0.5 },
      ]),
    ).toBeNull();
    expect(
      fitPowerLaw([
        { n: 10, loss: 1 },
        { n: 100, loss: 0 },
        { n: 1000, loss: 0.5 },
      ]),
    ).toBeNull();
  });
});

describe('the plan and its records', () => {
  it('goes through every width once per seed, then the data sizes at width 32', () => {
    const plan = sweepPlan(3, true);
    expect(plan).toHaveLength(3 * WIDTHS.length + 3 * DATA_SIZES.length);
    expect(plan.length).toBe(DEFAULTS.steps);
    expect(plan.slice(0, 7).map((m) => m.width)).toEqual([...WIDTHS]);
    expect(plan.slice(21).every((m) => m.series === 'data' && m.width === DATA_WIDTH)).toBe(true);
    expect(sweepPlan(2, false)).toHaveLength(14);
  });

  it('reads the k-th record as the k-th model, and the spread over seeds', () => {
    const plan = sweepPlan(2, false);
    const width = 4;
    const traces = [0, 0, 0, 0, 0.2, 0.5, 0.4, 0.3, 0.1, 0.6, 0.5, 0.4];
    const models = finishedModels(plan, [0.25, 0.15], traces, width, 600);
    expect(models).toHaveLength(2);
    expect(models[1]).toMatchObject({ width: 2, parameters: 15, loss: 0.15, trainLoss: 0.1 });
    expect(models[1].curve.map((c) => c.loss)).toEqual([0.6, 0.5, 0.4, 0.15]);
    expect(models[1].curve[3].flops).toBe(6 * 15 * 128 * 600);
    const two = finishedModels(
      sweepPlan(2, false),
      Array(8)
        .fill(0)
        .map((_, i) => i + 1),
      Array(36).fill(0),
      width,
      600,
    );
    expect(spread(two, (m) => m.width)[0]).toMatchObject({ x: 1, low: 1, high: 8, count: 2, mean: 4.5 });
  });

  it('draws a fixed data set per seed, with the data series’ subsets drawn per replicate', () => {
    const a = makeScalingData(1);
    expect(a.trainY).toHaveLength(TRAIN_SIZE);
    expect(a.validationY).toHaveLength(VALIDATION_SIZE);
    expect(makeScalingData(1).trainY).toEqual(a.trainY);
    expect(makeScalingData(2).trainY).not.toEqual(a.trainY);
    const model = { series: 'data' as const, width: 32, examples: 64, replicate: 0 };
    const rows = trainingRows(1, model);
    expect(new Set(rows).size).toBe(64);
    expect(trainingRows(1, { ...model, replicate: 1 })).not.toEqual(rows);
    expect(NOISE_FLOOR).toBeCloseTo(0.0025, 10);
  });
});

describe('the trainer', () => {
  const params: ScalingParams = { ...DEFAULTS, seeds: 1, dataSeries: true, modelSteps: 100 };
  const run = (seed: number, steps: number) => {
    const model = createScaling(params, seed);
    const records = Array.from({ length: steps }, () => {
      const r = model.step();
      const values = [...r.dataSync()];
      r.dispose();
      return values;
    });
    model.dispose();
    return records;
  };

  it('trains one model per step: the same seed gives the same numbers, and every tensor is freed', () => {
    const before = tf.memory().numTensors;
    const first = run(3, 2);
    expect(tf.memory().numTensors).toBe(before);
    expect(run(3, 2)).toEqual(first);
    expect(run(4, 1)[0]).not.toEqual(first[0]);
    for (const record of first) {
      expect(record).toHaveLength(5);
      for (const v of record) expect(Number.isFinite(v) && v > 0).toBe(true);
    }
  }, 60_000);

  it('after the plan repeats its last record without training', () => {
    const model = createScaling({ ...params, dataSeries: false, modelSteps: 100 }, 1);
    const before = tf.memory().numTensors;
    let last: number[] = [];
    for (let k = 0; k < WIDTHS.length; k++) {
      const r = model.step();
      last = [...r.dataSync()];
      r.dispose();
    }
    const extra = model.step();
    expect([...extra.dataSync()]).toEqual(last);
    extra.dispose();
    expect(tf.memory().numTensors).toBe(before + 1);
    model.dispose();
  }, 120_000);
});
