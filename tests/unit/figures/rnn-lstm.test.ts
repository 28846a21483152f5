/**
 * The numbers lesson 11 quotes: the formulas' own (worked by hand in the text), and the sequence widget's,
 * recomputed from its trainer with the settings the text states and seed 1 (the page's), on the wasm backend
 * the browser uses. Steps, not seconds. Held-out accuracy is measured every 10 steps, as in the widget.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EVAL_EVERY,
  RACER_TRACE,
  SEQUENCE_PARAMS,
  parameterCount,
  readState,
  type CellKind,
  type SequenceInfo,
  type SequenceParams,
  type SweepReply,
} from '../../../src/ml/sequence/contract';
import { vocabularySize } from '../../../src/ml/sequence/task';
import { createSequenceModel } from '../../../src/ml/sequence/trainer';
import type { TrainableModel } from '../../../src/ml/tfjs/trainable';
import { defaults } from '../../../src/state/params';
import { useBackend } from '../../bench/backends';

const DEFAULTS = defaults(SEQUENCE_PARAMS) as SequenceParams;

beforeAll(useBackend('wasm'), 60_000);
afterAll(useBackend('cpu'));

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const at = (name: (typeof RACER_TRACE)[number]) => RACER_TRACE.indexOf(name);

/** ‖∂L/∂h_t‖ over t per racer, from a model's state. */
function gradientsOf(model: TrainableModel<SequenceParams>): Record<string, number[]> {
  const info = model.info as SequenceInfo;
  const flat = model.state!() as tf.Tensor1D;
  const state = readState(info, flat.dataSync() as Float32Array);
  flat.dispose();
  return Object.fromEntries(info.racers.map((kind, k) => [kind, Array.from(state.gradients[k])]));
}

/** Gradient through time at the start of training. */
function atStart(params: Partial<SequenceParams>) {
  const model = createSequenceModel({ ...DEFAULTS, ...params }, 1) as TrainableModel<SequenceParams>;
  const gradients = gradientsOf(model);
  model.dispose();
  return gradients;
}

interface Race {
  /** Per racer, per step (index step − 1): the trace block [loss, accuracy, gradNorm, out]. */
  records: Record<string, number[][]>;
  /** Steps at which each racer's held-out accuracy was first 1. */
  solvedAt: Record<string, number | undefined>;
  /** The gradient through time after the last step. */
  gradients: Record<string, number[]>;
  sweep?: Record<string, number[]>;
}

/** Trains with seed 1 for `steps` steps; optionally sweeps the delays at the end. */
async function race(params: Partial<SequenceParams>, steps: number, sweep = false): Promise<Race> {
  const model = createSequenceModel({ ...DEFAULTS, ...params }, 1) as TrainableModel<SequenceParams>;
  const racers = (model.info as SequenceInfo).racers;
  const records: Record<string, number[][]> = Object.fromEntries(racers.map((kind) => [kind, []]));
  const solvedAt: Record<string, number | undefined> = {};
  for (let step = 1; step <= steps; step++) {
    const record = model.step();
    const values = Array.from(record.dataSync());
    record.dispose();
    racers.forEach((kind, k) => {
      const block = values.slice(1 + RACER_TRACE.length * k, 1 + RACER_TRACE.length * (k + 1));
      records[kind].push(block);
      if (solvedAt[kind] === undefined && step % EVAL_EVERY === 0 && block[at('accuracy')] === 1) solvedAt[kind] = step;
    });
  }
  const gradients = gradientsOf(model);
  let swept: Record<string, number[]> | undefined;
  if (sweep) {
    const reply = (await model.request!('sweep', {})).value as SweepReply;
    swept = Object.fromEntries(racers.map((kind, k) => [kind, reply.accuracy[k]]));
  }
  model.dispose();
  return { records, solvedAt, gradients, sweep: swept };
}

const accuracyAt = (r: Race, kind: CellKind, step: number) => r.records[kind][step - 1][at('accuracy')];
const everyFifty = (r: Race, kind: CellKind) => r.records[kind].filter((_, i) => (i + 1) % 50 === 0).map((block) => block[at('accuracy')]);
const percent = (values: number[]) => values.map((v) => Math.round(v * 100));
const last = (values: number[]) => values[values.length - 1];

describe('by hand', () => {
  it('one unit, W_hh = 0.5, input 1, 0, 0: h = 0.762, 0.363, 0.180; Jacobians 0.434 and 0.484, product 0.210', () => {
    const h1 = Math.tanh(1);
    const h2 = Math.tanh(0.5 * h1);
    const h3 = Math.tanh(0.5 * h2);
    expect([h1, h2, h3].map((h) => h.toFixed(3))).toEqual(['0.762', '0.363', '0.180']);
    const j2 = (1 - h2 ** 2) * 0.5;
    const j3 = (1 - h3 ** 2) * 0.5;
    expect([j2, j3, j2 * j3].map((j) => j.toFixed(3))).toEqual(['0.434', '0.484', '0.210']);
  });

  it('products of 30 factors: 0.9 → 0.042, 0.5 → 9.3e-10, 1.1 → 17; 0.5^10 ≈ 0.00098', () => {
    expect((0.9 ** 30).toFixed(3)).toBe('0.042');
    expect((0.5 ** 30).toExponential(1)).toBe('9.3e-10');
    expect(Math.round(1.1 ** 30)).toBe(17);
    expect((0.5 ** 10).toFixed(5)).toBe('0.00098');
  });

  it('forget gate at its starting bias: σ(1) = 0.731, 0.731^30 = 8.3e-5; σ(3) = 0.953, 0.953^30 = 0.23 (≈ 0.95^30 ≈ 0.2)', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(1).toFixed(3)).toBe('0.731');
    expect((sigmoid(1) ** 30).toExponential(1)).toBe('8.3e-5');
    expect(sigmoid(3).toFixed(3)).toBe('0.953');
    expect((sigmoid(3) ** 30).toFixed(2)).toBe('0.23');
    expect((0.95 ** 30).toFixed(1)).toBe('0.2');
  });

  it('chance with four letters: 25 %, loss ln 4 = 1.386; 32 tokens at delay 30', () => {
    expect(1 / DEFAULTS.symbols).toBe(0.25);
    expect(Math.log(4).toFixed(3)).toBe('1.386');
    expect(DEFAULTS.delay + 2).toBe(32);
  });

  it('parameters at the defaults: RNN 1,476, LSTM 5,508, GRU 4,164 (9 tokens, 32 units, 4 letters)', () => {
    const vocabulary = vocabularySize(DEFAULTS.symbols);
    expect(vocabulary).toBe(9);
    const count = (kind: CellKind) => parameterCount(kind, vocabulary, DEFAULTS.hidden, DEFAULTS.symbols);
    expect([count('rnn'), count('lstm'), count('gru')]).toEqual([1476, 5508, 4164]);
  });
});

// Several models built on wasm per test: seconds each on a busy two-core machine, past vitest's 5 s default.
describe('the gradient through time at the start, seed 1, delay 30', () => {
  it('RNN: 1.16 at the question mark, 0.022 at the letter (1.9 %, about 0.88 a step); LSTM (bias 3): 1.08 and 1.22; GRU (update bias 3): 1.09 and 0.35', () => {
    const g = atStart({ gru: true });
    expect(last(g.rnn).toFixed(2)).toBe('1.16');
    expect(g.rnn[0].toFixed(3)).toBe('0.022');
    expect((g.rnn[0] / last(g.rnn)).toFixed(3)).toBe('0.019');
    expect(((g.rnn[0] / last(g.rnn)) ** (1 / 31)).toFixed(2)).toBe('0.88');
    expect(last(g.lstm).toFixed(2)).toBe('1.08');
    expect(g.lstm[0].toFixed(2)).toBe('1.22');
    // It dips in the middle and rises again.
    expect(Math.min(...g.lstm)).toBeLessThan(0.2);
    expect(last(g.gru).toFixed(2)).toBe('1.09');
    expect(g.gru[0].toFixed(2)).toBe('0.35');
    // Each cell draws its start from a stream of its own: alone, it starts the same.
    expect(atStart({ rnn: false }).lstm).toEqual(g.lstm);
    expect(atStart({ lstm: false }).rnn).toEqual(g.rnn);
  }, 60_000);

  it('bias 1: LSTM 0.041 at the letter; bias 0: LSTM 1.4e-5, five orders of magnitude below the question mark, about 0.7 a step; GRU 4.4e-5', () => {
    expect(atStart({ forgetBias: 1 }).lstm[0].toFixed(3)).toBe('0.041');
    const zero = atStart({ forgetBias: 0, gru: true });
    const g = zero.lstm;
    expect(g[0].toExponential(1)).toBe('1.4e-5');
    expect(Math.round(Math.log10(last(g) / g[0]))).toBe(5);
    expect(((g[0] / last(g)) ** (1 / 31)).toFixed(1)).toBe('0.7');
    expect(zero.gru[0].toExponential(1)).toBe('4.4e-5');
    expect(last(zero.gru).toFixed(2)).toBe('1.10');
  }, 60_000);

  it('RNN with g = 1.8: 1.17 at the question mark, 66 at the letter, 56 times as much', () => {
    const g = atStart({ gain: 1.8 }).rnn;
    expect(last(g).toFixed(2)).toBe('1.17');
    expect(Math.round(g[0])).toBe(66);
    expect(Math.round(g[0] / last(g))).toBe(56);
  }, 60_000);
});

describe('the default race, seed 1', () => {
  it('LSTM at 100 % by step 30, GRU by 60; RNN near chance to step 30, at 100 % by step 80; the sweep at step 300: LSTM right at every delay 5–60 (34 % at 1), GRU at every delay 1–60, RNN at 30 only, none at six others, 1 % at 60', async () => {
    const r = await race({ gru: true }, 300, true);
    expect(r.solvedAt).toEqual({ lstm: 30, gru: 60, rnn: 80 });
    for (const step of [10, 20, 30]) expect(accuracyAt(r, 'rnn', step)).toBeLessThan(0.31);
    expect(percent(r.sweep!.lstm)).toEqual([34, 100, 100, 100, 100, 100, 100, 100]);
    expect(percent(r.sweep!.gru)).toEqual([100, 100, 100, 100, 100, 100, 100, 100]);
    expect(percent(r.sweep!.rnn)).toEqual([0, 0, 0, 0, 100, 0, 0, 1]);
  }, 240_000);

  it('another seed, another race: seed 2, the RNN at 100 % by step 30; seed 3, still at chance at step 300; the LSTM by step 20 on both', async () => {
    // Every cell draws its start from its own stream and trains on the same batches, so alone it runs as in the race.
    for (const [seed, solved] of [
      [2, 30],
      [3, undefined],
    ] as const) {
      for (const [kind, steps, expected] of [
        ['rnn', 300, solved],
        ['lstm', 20, 20],
      ] as const) {
        const model = createSequenceModel(
          { ...DEFAULTS, rnn: kind === 'rnn', lstm: kind === 'lstm' },
          seed,
        ) as TrainableModel<SequenceParams>;
        let solvedAt: number | undefined;
        let accuracy = 0;
        for (let step = 1; step <= steps; step++) {
          const record = model.step();
          accuracy = record.dataSync()[1 + at('accuracy')];
          record.dispose();
          if (solvedAt === undefined && step % EVAL_EVERY === 0 && accuracy === 1) solvedAt = step;
        }
        model.dispose();
        expect(solvedAt).toBe(expected);
        if (expected === undefined) expect(accuracy).toBeLessThan(0.3);
      }
    }
  }, 240_000);
});

describe('the forget gate’s bias, the LSTM alone, seed 1', () => {
  it('bias 0: at chance (20–29 % at every 50th step to 300), the loss near ln 4', async () => {
    const r = await race({ rnn: false, forgetBias: 0 }, 300);
    const accuracies = everyFifty(r, 'lstm');
    expect(Math.min(...accuracies)).toBeGreaterThanOrEqual(0.195);
    expect(Math.max(...accuracies)).toBeLessThan(0.295);
    for (const [i, block] of r.records.lstm.entries())
      if ((i + 1) % 50 === 0) expect(Math.abs(block[at('loss')] - Math.log(4))).toBeLessThan(0.05);
  }, 120_000);

  it('bias 1: at chance to step 200, then about 50 % (48–58 %) to step 300; the sweep at step 300: 50–55 % at every delay', async () => {
    const r = await race({ rnn: false, forgetBias: 1 }, 300, true);
    expect(r.solvedAt.lstm).toBeUndefined();
    for (let step = 10; step <= 200; step += 10) expect(accuracyAt(r, 'lstm', step)).toBeLessThan(0.32);
    for (let step = 220; step <= 300; step += 10) {
      expect(accuracyAt(r, 'lstm', step)).toBeGreaterThanOrEqual(0.475);
      expect(accuracyAt(r, 'lstm', step)).toBeLessThan(0.585);
    }
    expect(percent(r.sweep!.lstm)).toEqual([51, 55, 50, 52, 55, 54, 50, 52]);
  }, 120_000);
});

describe('recurrent weights at scale 1.8, the RNN alone, seed 1', () => {
  const norms = (r: Race) => r.records.rnn.map((block) => block[at('gradNorm')]);

  it('Adam: gradient norm about 42 at the start; at 100 % by step 60 with clipping, by step 70 without', async () => {
    const clipped = await race({ lstm: false, gain: 1.8 }, 100);
    expect(Math.round(norms(clipped)[0])).toBe(42);
    expect(clipped.solvedAt.rnn).toBe(60);
    const free = await race({ lstm: false, gain: 1.8, clip: false }, 100);
    expect(free.solvedAt.rnn).toBe(70);
  }, 120_000);

  it('SGD, η = 0.1, no clipping: norms 42 and 17 (updates of 4.2 and 1.7), then at step 100 2e-4 at the letter and chance; with clipping every step is cut, 97 % at step 100', async () => {
    const free = await race({ lstm: false, gain: 1.8, optimizer: 'sgd', lrRnn: 0.1, clip: false }, 100);
    expect(norms(free).slice(0, 2).map(Math.round)).toEqual([42, 17]);
    // The updates themselves: η times the norm.
    expect(
      norms(free)
        .slice(0, 2)
        .map((n) => (0.1 * n).toFixed(1)),
    ).toEqual(['4.2', '1.7']);
    expect(free.gradients.rnn[0].toExponential(0)).toBe('2e-4');
    expect(accuracyAt(free, 'rnn', 100)).toBeLessThan(0.3);
    const clipped = await race({ lstm: false, gain: 1.8, optimizer: 'sgd', lrRnn: 0.1 }, 100);
    expect(Math.min(...norms(clipped))).toBeGreaterThan(1);
    expect(clipped.gradients.rnn[0]).toBeGreaterThan(1);
    expect(Math.round(accuracyAt(clipped, 'rnn', 100) * 100)).toBe(97);
  }, 120_000);
});

describe('delay 50, seed 1', () => {
  it('at the start the RNN’s gradient at the letter is 0.0016 of that at the question mark; the LSTM at 100 % by step 30; the RNN at chance to step 170, at 100 % by step 230, and at step 300 right at 5 and 50 only', async () => {
    const g = atStart({ delay: 50 }).rnn;
    expect((g[0] / last(g)).toFixed(4)).toBe('0.0016');
    const r = await race({ delay: 50 }, 300, true);
    expect(r.solvedAt).toEqual({ lstm: 30, rnn: 230 });
    for (let step = 10; step <= 170; step += 10) expect(accuracyAt(r, 'rnn', step)).toBeLessThan(0.32);
    expect(percent(r.sweep!.rnn)).toEqual([0, 100, 0, 0, 0, 57, 100, 72]);
    expect(percent(r.sweep!.lstm).slice(2)).toEqual([100, 100, 100, 100, 100, 100]);
  }, 240_000);
});
