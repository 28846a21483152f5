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

describe('the gradient through time at the start, seed 1, delay 30', () => {
  it('RNN: 1.14 at the question mark, 0.017 at the letter (1.5 %, about 0.87 a step); LSTM (bias 3): 1.07 and 1.65; GRU: 1.14 and 7.6e-5', () => {
    const g = atStart({ gru: true });
    expect(last(g.rnn).toFixed(2)).toBe('1.14');
    expect(g.rnn[0].toFixed(3)).toBe('0.017');
    expect((g.rnn[0] / last(g.rnn)).toFixed(3)).toBe('0.015');
    expect(((g.rnn[0] / last(g.rnn)) ** (1 / 31)).toFixed(2)).toBe('0.87');
    expect(last(g.lstm).toFixed(2)).toBe('1.07');
    expect(g.lstm[0].toFixed(2)).toBe('1.65');
    // It dips in the middle and rises again.
    expect(Math.min(...g.lstm)).toBeLessThan(0.2);
    expect(last(g.gru).toFixed(2)).toBe('1.14');
    expect(g.gru[0].toExponential(1)).toBe('7.6e-5');
  });

  it('LSTM forget bias 1: 0.026 at the letter; bias 0: 1.2e-5, five orders of magnitude below the question mark, about 0.7 a step', () => {
    expect(atStart({ forgetBias: 1 }).lstm[0].toFixed(3)).toBe('0.026');
    const g = atStart({ forgetBias: 0 }).lstm;
    expect(g[0].toExponential(1)).toBe('1.2e-5');
    expect(Math.round(Math.log10(last(g) / g[0]))).toBe(5);
    expect(((g[0] / last(g)) ** (1 / 31)).toFixed(1)).toBe('0.7');
  });

  it('RNN with g = 1.8: 1.18 at the question mark, 43 at the letter, 37 times as much', () => {
    const g = atStart({ gain: 1.8 }).rnn;
    expect(last(g).toFixed(2)).toBe('1.18');
    expect(Math.round(g[0])).toBe(43);
    expect(Math.round(g[0] / last(g))).toBe(37);
  });
});

describe('the default race, seed 1', () => {
  it('LSTM at 100 % by step 30; RNN at chance to step 50, at 100 % by step 90; at step 200 the sweep: LSTM right at every delay 10–60 (47 % at 1, 83 % at 5), RNN right only at 5 and 30, never at the other six', async () => {
    const r = await race({}, 200, true);
    expect(r.solvedAt).toEqual({ lstm: 30, rnn: 90 });
    for (const step of [10, 20, 30, 40, 50]) expect(accuracyAt(r, 'rnn', step)).toBeLessThan(0.3);
    expect(percent(r.sweep!.lstm)).toEqual([47, 83, 100, 100, 100, 100, 100, 100]);
    expect(percent(r.sweep!.rnn)).toEqual([0, 100, 0, 0, 100, 0, 0, 0]);
  }, 120_000);

  it('the RNN alone is the same racer: seed 2 at 100 % by step 40, seed 3 still at chance at step 200', async () => {
    // The RNN draws its weights first and trains on the same batches, so alone it runs as in the race.
    for (const [seed, solved] of [
      [2, 40],
      [3, undefined],
    ] as const) {
      const model = createSequenceModel({ ...DEFAULTS, lstm: false }, seed) as TrainableModel<SequenceParams>;
      let solvedAt: number | undefined;
      let accuracy = 0;
      for (let step = 1; step <= 200; step++) {
        const record = model.step();
        accuracy = record.dataSync()[1 + at('accuracy')];
        record.dispose();
        if (solvedAt === undefined && step % EVAL_EVERY === 0 && accuracy === 1) solvedAt = step;
      }
      model.dispose();
      expect(solvedAt).toBe(solved);
      if (solved === undefined) expect(accuracy).toBeLessThan(0.3);
    }
  }, 120_000);
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

  it('bias 1: at 100 % by step 30, but at step 300 right at delay 30 only (72 % at 40, none at the six others)', async () => {
    const r = await race({ rnn: false, forgetBias: 1 }, 300, true);
    expect(r.solvedAt.lstm).toBe(30);
    expect(percent(r.sweep!.lstm)).toEqual([0, 0, 0, 0, 100, 72, 0, 0]);
  }, 120_000);
});

describe('recurrent weights at scale 1.8, the RNN alone, seed 1', () => {
  const norms = (r: Race) => r.records.rnn.map((block) => block[at('gradNorm')]);

  it('Adam: gradient norm about 25 at the start; at 100 % by step 90 with clipping, by step 70 without', async () => {
    const clipped = await race({ lstm: false, gain: 1.8 }, 100);
    expect(Math.round(norms(clipped)[0])).toBe(25);
    expect(clipped.solvedAt.rnn).toBe(90);
    const free = await race({ lstm: false, gain: 1.8, clip: false }, 100);
    expect(free.solvedAt.rnn).toBe(70);
  }, 120_000);

  it('SGD, η = 0.1, no clipping: norms 25 and 29 (updates of 2.5 and 2.9), then at step 100 4e-5 at the letter and chance; with clipping every step is cut, 43 % at step 100', async () => {
    const free = await race({ lstm: false, gain: 1.8, optimizer: 'sgd', lrRnn: 0.1, clip: false }, 100);
    expect(norms(free).slice(0, 2).map(Math.round)).toEqual([25, 29]);
    // The updates themselves: η times the norm.
    expect(
      norms(free)
        .slice(0, 2)
        .map((n) => (0.1 * n).toFixed(1)),
    ).toEqual(['2.5', '2.9']);
    expect(free.gradients.rnn[0].toExponential(0)).toBe('4e-5');
    expect(accuracyAt(free, 'rnn', 100)).toBeLessThan(0.3);
    const clipped = await race({ lstm: false, gain: 1.8, optimizer: 'sgd', lrRnn: 0.1 }, 100);
    expect(Math.min(...norms(clipped))).toBeGreaterThan(1);
    expect(clipped.gradients.rnn[0]).toBeGreaterThan(1);
    expect(Math.round(accuracyAt(clipped, 'rnn', 100) * 100)).toBe(43);
  }, 120_000);
});

describe('delay 50, seed 1', () => {
  it('at the start the RNN’s gradient at the letter is 0.0009 of that at the question mark; the LSTM is at 100 % by step 30', async () => {
    const g = atStart({ delay: 50 }).rnn;
    expect((g[0] / last(g)).toFixed(4)).toBe('0.0009');
    const r = await race({ delay: 50 }, 30);
    expect(r.solvedAt.lstm).toBe(30);
  }, 120_000);

  it('the RNN (alone, the same racer) stays at chance for 300 steps, its gradient at the letter 3e-7 by then', async () => {
    const r = await race({ delay: 50, lstm: false }, 300);
    expect(r.solvedAt.rnn).toBeUndefined();
    expect(Math.max(...everyFifty(r, 'rnn'))).toBeLessThan(0.35);
    expect(r.gradients.rnn[0].toExponential(0)).toBe('3e-7');
  }, 120_000);
});
