/**
 * The numbers lesson 00 quotes from the scaling widget, recomputed by running the widget's trainer at its
 * defaults (3 seeds a size, the data series on, 600 steps a model) with the run seeds 1, 2 and 3, on the wasm
 * backend the browser uses, one step (one finished model) at a time as the worker does. Also the lesson's
 * arithmetic: parameter counts, compute, and the comparisons with GPT-3.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALING_PARAMS, type ScalingParams } from '../../../src/ml/scaling/contract';
import { WIDTHS, parameterCount, sweepPlan, trainingFlops } from '../../../src/ml/scaling/math';
import { finishedModels, spread, widthFit, type FinishedModel } from '../../../src/ml/scaling/results';
import { createScaling } from '../../../src/ml/scaling/trainer';
import { PUBLISHED_MODELS } from '../../../src/ml/compute-cost/published';
import { defaults } from '../../../src/state/params';
import { useBackend } from '../../bench/backends';

const DEFAULTS = defaults(SCALING_PARAMS) as ScalingParams;

/** The whole default sweep with one run seed: every model's record, read as the page reads them. */
function sweep(seed: number): FinishedModel[] {
  const plan = sweepPlan(DEFAULTS.seeds, DEFAULTS.dataSeries);
  const model = createScaling(DEFAULTS, seed);
  const losses: number[] = [];
  const traces: number[] = [...model.initialTrace];
  for (let k = 0; k < plan.length; k++) {
    const record = model.step();
    const [loss, ...trace] = record.dataSync();
    record.dispose();
    losses.push(loss);
    traces.push(...trace);
  }
  model.dispose();
  return finishedModels(plan, losses, traces, model.traceNames.length, DEFAULTS.modelSteps);
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

let seed1: FinishedModel[];

beforeAll(async () => {
  await useBackend('wasm')();
  seed1 = sweep(1);
}, 900_000);
afterAll(useBackend('cpu'));

describe('the lesson’s arithmetic', () => {
  it('parameters: 7 at width 1, 337 at 16, 4,417 at 64, 105 at 8 (the quiz), 630 times from 1 to 64', () => {
    expect([parameterCount(1), parameterCount(16), parameterCount(64), parameterCount(8)]).toEqual([7, 337, 4417, 105]);
    expect(Math.round(parameterCount(64) / parameterCount(1) / 10) * 10).toBe(630);
  });

  it('the largest network’s compute and GPT-3 against it', () => {
    const flops = trainingFlops(parameterCount(64), 1024, DEFAULTS.modelSteps);
    expect(round(flops / 1e9, 0)).toBe(2);
    const gpt3 = PUBLISHED_MODELS.find((m) => m.name === 'GPT-3')!;
    expect(gpt3.params).toBe(175e9);
    expect(gpt3.tokens).toBe(300e9);
    const gpt3Flops = 6 * gpt3.params * gpt3.tokens;
    expect(round(gpt3Flops / 1e23, 2)).toBe(3.15);
    expect(Math.round(gpt3.params / parameterCount(64) / 1e7) * 1e7).toBe(4e7);
    expect(round(gpt3Flops / flops / 1e14, 1)).toBe(1.5);
    // 175 billion = 1750 亿 (亿 = 10⁸).
    expect(gpt3.params / 1e8).toBe(1750);
    // The table's other row: Llama 3.1 405B, 405 billion (4050 亿) on 15.6 trillion tokens, about 3.8 × 10²⁵ FLOPs.
    const llama = PUBLISHED_MODELS.find((m) => m.name === 'Llama 3.1 405B')!;
    expect([llama.params, llama.tokens, llama.params / 1e8]).toEqual([405e9, 15.6e12, 4050]);
    expect(round((6 * llama.params * llama.tokens) / 1e25, 1)).toBe(3.8);
  });

  it('a sweep is 36 models, 600 steps of 128 examples each', () => {
    expect(sweepPlan(DEFAULTS.seeds, DEFAULTS.dataSeries)).toHaveLength(36);
    expect([DEFAULTS.modelSteps, WIDTHS[0], WIDTHS[WIDTHS.length - 1]]).toEqual([600, 1, 64]);
  });
});

describe('the default sweep, seed 1', () => {
  const widths = () =>
    spread(
      seed1.filter((m) => m.series === 'width'),
      (m) => m.width,
    );
  const data = () => seed1.filter((m) => m.series === 'data');

  it('width 1 ends at 0.47 on average, width 64 at 0.015: about 30 times lower; width 4 at 0.19', () => {
    const rows = widths();
    const at = (w: number) => rows.find((r) => r.x === w)!;
    expect(round(at(1).mean, 2)).toBe(0.47);
    expect(round(at(64).mean, 3)).toBe(0.015);
    expect(Math.round(at(1).mean / at(64).mean / 10) * 10).toBe(30);
    expect(round(at(4).mean, 2)).toBe(0.19);
    // The spread at width 32.
    expect([round(at(32).low, 3), round(at(32).high, 3)]).toEqual([0.024, 0.046]);
  });

  it('the fit: α = 0.54 (10^α ≈ 3.5), its floor at 0', () => {
    const fit = widthFit(seed1)!;
    expect(round(fit.alpha, 2)).toBe(0.54);
    expect(round(10 ** fit.alpha, 1)).toBe(3.5);
    expect(fit.floor).toBe(0);
  });

  it('the data series: 0.39 with 32 examples, training loss about 0.001; 0.0265 and 0.0262 at 256 and 512', () => {
    const rows = spread(data(), (m) => m.examples);
    const at = (n: number) => rows.find((r) => r.x === n)!;
    expect(round(at(32).mean, 2)).toBe(0.39);
    expect(round(at(256).mean, 3)).toBe(0.026);
    expect(round(at(256).mean, 4)).toBe(0.0265);
    expect(round(at(512).mean, 4)).toBe(0.0262);
    for (const m of data().filter((d) => d.examples === 32)) expect(m.trainLoss).toBeLessThan(0.0015);
    const big = data().filter((d) => d.examples === 512);
    expect(round(Math.min(...big.map((m) => m.trainLoss)), 3)).toBe(0.019);
    expect(round(Math.max(...big.map((m) => m.trainLoss)), 3)).toBe(0.024);
  });

  it('width 64 halfway through its training: 0.044 to 0.080; at the end 0.013 to 0.017', () => {
    const wide = seed1.filter((m) => m.series === 'width' && m.width === 64);
    const half = wide.map((m) => m.curve[2].loss);
    const end = wide.map((m) => m.loss);
    expect([round(Math.min(...half), 3), round(Math.max(...half), 3)]).toEqual([0.044, 0.08]);
    expect([round(Math.min(...end), 3), round(Math.max(...end), 3)]).toEqual([0.013, 0.017]);
  });

  it('the widget’s model is freed', () => {
    const before = tf.memory().numTensors;
    const model = createScaling({ ...DEFAULTS, seeds: 1, dataSeries: false, modelSteps: 100 }, 1);
    model.step().dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});

describe('other seeds', () => {
  it('seeds 2 and 3: α = 0.65 and 0.64', () => {
    expect([2, 3].map((seed) => round(widthFit(sweep(seed))!.alpha, 2))).toEqual([0.65, 0.64]);
  }, 900_000);
});
