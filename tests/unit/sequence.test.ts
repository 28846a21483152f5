/**
 * Lesson 11's recurrent cells and trainer: the task's sequences; one RNN, LSTM and GRU step against hand
 * computations; backpropagation through time against finite differences of an independent float64 RNN; the
 * gradient reaching each hidden state against a hand-written backward recursion; clipping; the trainer's
 * state, sweep and reproducibility.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { inputTerms, readOut, runCell, type CellWeights, type StepRecord } from '../../src/ml/sequence/cells';
import {
  GATE_BLOCKS,
  parameterCount,
  readState,
  SEQUENCE_PARAMS,
  stateSize,
  SWEEP_DELAYS,
  type CellKind,
  type SequenceInfo,
  type SequenceParams,
  type SweepReply,
} from '../../src/ml/sequence/contract';
import { orthogonal, recurrentWeights } from '../../src/ml/sequence/init';
import { createTask, queryId, sequenceOf, tokenName, vocabularySize, DISTRACTORS } from '../../src/ml/sequence/task';
import {
  clipScale,
  createSequenceModel,
  fusedPicture,
  hiddenGradientNorms,
  logitsOf,
  trainingLogits,
  unrolledPicture,
} from '../../src/ml/sequence/trainer';
import { sparseSoftmaxCrossEntropy } from '../../src/ml/tfjs/sparse-cross-entropy';
import { createRng } from '../../src/ml/shared/random';
import { defaults } from '../../src/state/params';

const PARAMS = (overrides: Partial<SequenceParams> = {}) => ({ ...(defaults(SEQUENCE_PARAMS) as SequenceParams), ...overrides });
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('the memory task', () => {
  it('opens with the symbol to recall, then distractors, then the query; labels are the opening symbol', () => {
    const batch = createTask(4, 5, 1)(50);
    expect(batch.length).toBe(7);
    for (let b = 0; b < 50; b++) {
      const seq = sequenceOf(batch, b);
      expect(seq[0]).toBe(batch.labels[b]);
      expect(seq[0]).toBeLessThan(4);
      for (const id of seq.slice(1, -1)) expect(id >= 4 && id < 4 + DISTRACTORS).toBe(true);
      expect(seq[6]).toBe(queryId(4));
    }
    expect(tokenName(2, 4)).toBe('C');
    expect(tokenName(4, 4)).toBe('1');
    expect(tokenName(queryId(4), 4)).toBe('?');
    expect(vocabularySize(4)).toBe(9);
  });

  it('draws each of the K symbols about 1/K of the time (chance is 1/K); a seed reproduces the stream', () => {
    const { labels } = createTask(5, 3, 7)(20_000);
    const counts = Array.from({ length: 5 }, (_, k) => labels.filter((l) => l === k).length / 20_000);
    for (const share of counts) expect(Math.abs(share - 0.2)).toBeLessThan(0.015);
    expect(Array.from(createTask(5, 3, 7)(20).ids)).toEqual(Array.from(createTask(5, 3, 7)(20).ids));
    expect(Array.from(createTask(5, 3, 8)(20).ids)).not.toEqual(Array.from(createTask(5, 3, 7)(20).ids));
  });
});

describe('initial weights', () => {
  it('orthogonal blocks: U·Uᵀ = g²·I for each gate block', () => {
    const n = 6;
    const q = orthogonal(n, 1.5, createRng(3));
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let dot = 0;
        for (let k = 0; k < n; k++) dot += q[i * n + k] * q[j * n + k];
        expect(dot).toBeCloseTo(i === j ? 2.25 : 0, 10);
      }
    const u = recurrentWeights(4, 3, 1, createRng(1));
    expect(u.length).toBe(4 * 12);
  });
});

/** A small cell with given weights (row-major arrays). */
function cell(kind: CellKind, V: number, H: number, K: number, rng = createRng(5)): CellWeights {
  const G = GATE_BLOCKS[kind];
  const r = (n: number) => Array.from({ length: n }, () => rng() - 0.5);
  return {
    wx: tf.variable(tf.tensor2d(r(V * G * H), [V, G * H])),
    u: tf.variable(tf.tensor2d(r(H * G * H), [H, G * H])),
    b: tf.variable(tf.tensor1d(r(G * H))),
    wo: tf.variable(tf.tensor2d(r(H * K), [H, K])),
    bo: tf.variable(tf.tensor1d(r(K))),
  };
}

const arrays = (w: CellWeights) => ({
  wx: w.wx.arraySync(),
  u: w.u.arraySync(),
  b: w.b.arraySync(),
  wo: w.wo.arraySync(),
  bo: w.bo.arraySync(),
});

/** z = Wx[x] + h·U + b, in float64. */
function preActivation(a: ReturnType<typeof arrays>, x: number, h: number[] | null): number[] {
  return a.b.map((bias, j) => bias + a.wx[x][j] + (h ? h.reduce((sum, hk, k) => sum + hk * a.u[k][j], 0) : 0));
}

/** An independent float64 RNN: hidden states for one sequence. */
function rnnStates(a: ReturnType<typeof arrays>, seq: number[]): number[][] {
  const states: number[][] = [];
  let h: number[] | null = null;
  for (const x of seq) {
    h = preActivation(a, x, h).map(Math.tanh);
    states.push(h);
  }
  return states;
}

function crossEntropy(a: ReturnType<typeof arrays>, h: number[], label: number): { loss: number; dLogits: number[] } {
  const logits = a.bo.map((bias, j) => bias + h.reduce((sum, hk, k) => sum + hk * a.wo[k][j], 0));
  const top = Math.max(...logits);
  const exp = logits.map((l) => Math.exp(l - top));
  const total = exp.reduce((x, y) => x + y, 0);
  return { loss: Math.log(total) - (logits[label] - top), dLogits: exp.map((e, j) => e / total - (j === label ? 1 : 0)) };
}

function record(kind: CellKind, w: CellWeights, seq: number[]): StepRecord[] {
  const out: StepRecord[] = [];
  runCell(kind, w, inputTerms(w, tf.tensor1d(seq, 'int32'), seq.length), { record: out });
  return out;
}

describe('one step of each cell against a hand computation', () => {
  const seq = [0, 2, 1];

  it('RNN: h_t = tanh(x_t Wx + h_{t−1} U + b)', () => {
    const w = cell('rnn', 3, 4, 2);
    const got = record('rnn', w, seq).map((r) => r.h.arraySync()[0]);
    const want = rnnStates(arrays(w), seq);
    got.forEach((h, t) => h.forEach((v, k) => expect(v).toBeCloseTo(want[t][k], 5)));
  });

  it('LSTM: blocks [f, i, o, g]; c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t)', () => {
    const H = 3;
    const w = cell('lstm', 3, H, 2);
    const a = arrays(w);
    const got = record('lstm', w, seq);
    let h: number[] | null = null;
    let c = [0, 0, 0];
    seq.forEach((x, t) => {
      const z = preActivation(a, x, h);
      const f = z.slice(0, H).map(sigmoid);
      const i = z.slice(H, 2 * H).map(sigmoid);
      const o = z.slice(2 * H, 3 * H).map(sigmoid);
      const g = z.slice(3 * H).map(Math.tanh);
      c = c.map((ck, k) => f[k] * ck + i[k] * g[k]);
      h = c.map((ck, k) => o[k] * Math.tanh(ck));
      const r = got[t];
      const row = (x?: tf.Tensor2D) => x!.arraySync()[0];
      expect(
        row(r.f)
          .map((v, k) => v - f[k])
          .every((d) => Math.abs(d) < 1e-5),
      ).toBe(true);
      expect(
        row(r.i)
          .map((v, k) => v - i[k])
          .every((d) => Math.abs(d) < 1e-5),
      ).toBe(true);
      expect(
        row(r.o)
          .map((v, k) => v - o[k])
          .every((d) => Math.abs(d) < 1e-5),
      ).toBe(true);
      expect(
        row(r.c)
          .map((v, k) => v - c[k])
          .every((d) => Math.abs(d) < 1e-5),
      ).toBe(true);
      expect(
        row(r.h)
          .map((v, k) => v - h![k])
          .every((d) => Math.abs(d) < 1e-5),
      ).toBe(true);
    });
  });

  it('GRU: blocks [z, r, n]; n = tanh(x Wx_n + b_n + r ⊙ (h U_n)), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}', () => {
    const H = 3;
    const w = cell('gru', 3, H, 2);
    const a = arrays(w);
    const got = record('gru', w, seq).map((r) => r.h.arraySync()[0]);
    let h = [0, 0, 0];
    seq.forEach((x, t) => {
      const xPart = preActivation(a, x, null);
      const hPart = a.u[0].map((_, j) => h.reduce((sum, hk, k) => sum + hk * a.u[k][j], 0));
      const z = xPart.slice(0, H).map((v, k) => sigmoid(v + hPart[k]));
      const r = xPart.slice(H, 2 * H).map((v, k) => sigmoid(v + hPart[H + k]));
      const n = xPart.slice(2 * H).map((v, k) => Math.tanh(v + r[k] * hPart[2 * H + k]));
      h = n.map((nk, k) => (1 - z[k]) * nk + z[k] * h[k]);
      got[t].forEach((v, k) => expect(v).toBeCloseTo(h[k], 5));
    });
  });
});

describe('backpropagation through time', () => {
  const seqs = [
    [1, 3, 4, 3, 5],
    [0, 4, 4, 3, 5],
  ];
  const labels = [1, 0];
  // Time-major: both sequences' first tokens, then both second tokens, …
  const ids = tf.tensor1d(Array.from({ length: 5 }, (_, t) => seqs.map((s) => s[t])).flat(), 'int32');

  function meanLoss(a: ReturnType<typeof arrays>): number {
    return seqs.reduce((sum, seq, b) => sum + crossEntropy(a, rnnStates(a, seq).at(-1)!, labels[b]).loss, 0) / seqs.length;
  }

  it('tfjs’s gradient of the unrolled RNN equals central finite differences of a float64 RNN, for every weight of U and Wx', () => {
    const w = cell('rnn', 6, 3, 2);
    const { grads } = tf.variableGrads(
      () => sparseSoftmaxCrossEntropy(readOut(w, runCell('rnn', w, inputTerms(w, ids, 5))), tf.tensor1d(labels, 'int32')),
      [w.u, w.wx],
    );
    const a = arrays(w);
    const eps = 1e-6;
    for (const [key, grad] of [
      ['u', grads[w.u.name]],
      ['wx', grads[w.wx.name]],
    ] as const) {
      const g = (grad as tf.Tensor2D).arraySync();
      const m = a[key];
      m.forEach((row, i) =>
        row.forEach((v, j) => {
          row[j] = v + eps;
          const up = meanLoss(a);
          row[j] = v - eps;
          const down = meanLoss(a);
          row[j] = v;
          expect(g[i][j]).toBeCloseTo((up - down) / (2 * eps), 4);
        }),
      );
    }
  });

  it('‖∂L/∂h_t‖ equals the backward recursion ∂L/∂h_{t−1} = (∂L/∂h_t ⊙ (1 − h_t²)) Uᵀ, per sequence, averaged', () => {
    const w = cell('rnn', 6, 3, 2);
    const a = arrays(w);
    const got = hiddenGradientNorms('rnn', w, { ids, labels: tf.tensor1d(labels, 'int32'), length: 5, size: 2 }).arraySync();
    const want = new Array(5).fill(0);
    seqs.forEach((seq, b) => {
      const states = rnnStates(a, seq);
      // The gradient of this sequence's own loss.
      let g = a.wo.map((row) => row.reduce((sum, wk, j) => sum + wk * crossEntropy(a, states[4], labels[b]).dLogits[j], 0));
      for (let t = 4; t >= 0; t--) {
        want[t] += Math.hypot(...g) / seqs.length;
        const back = g.map((gk, k) => gk * (1 - states[t][k] ** 2));
        g = a.u.map((row) => row.reduce((sum, ukj, j) => sum + ukj * back[j], 0));
      }
    });
    got.forEach((v, t) => expect(v).toBeCloseTo(want[t], 5));
  });
});

describe('the hand-written backpropagation through time (bptt.ts)', () => {
  for (const kind of ['rnn', 'lstm'] as const)
    it(`${kind}: the same loss and the same gradient for every weight as autodiff of the unrolled cell, and nothing left behind`, () => {
      const task = createTask(3, 6, 2)(5);
      const batch = { ids: tf.tensor1d(task.ids, 'int32'), labels: tf.tensor1d(task.labels, 'int32'), length: task.length, size: 5 };
      const w = cell(kind, vocabularySize(3), 4, 3);
      const before = tf.memory().numTensors;
      const fused = tf.variableGrads(() => sparseSoftmaxCrossEntropy(trainingLogits(kind, w, batch), batch.labels));
      const unrolled = tf.variableGrads(() => sparseSoftmaxCrossEntropy(logitsOf(kind, w, batch.ids, batch.length), batch.labels));
      expect(fused.value.arraySync()).toBeCloseTo(unrolled.value.arraySync(), 6);
      for (const name of Object.keys(unrolled.grads)) {
        const a = fused.grads[name].dataSync();
        const b = unrolled.grads[name].dataSync();
        expect(a.length).toBe(b.length);
        a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
      }
      tf.dispose([fused.value, unrolled.value, ...Object.values(fused.grads), ...Object.values(unrolled.grads)]);
      expect(tf.memory().numTensors).toBe(before);
    });
});

describe('the pictures from the hand-written passes', () => {
  for (const kind of ['rnn', 'lstm'] as const)
    it(`${kind}: ‖∂L/∂h_t‖, the example's answer, hidden states and gates equal autodiff's`, () => {
      const task = createTask(3, 5, 4)(6);
      const probe = { ids: tf.tensor1d(task.ids, 'int32'), labels: tf.tensor1d(task.labels, 'int32'), length: task.length, size: 6 };
      const w = cell(kind, vocabularySize(3), 4, 3);
      const fused = fusedPicture(kind, w, probe);
      const unrolled = unrolledPicture(kind, w, probe, sequenceOf(task, 0));
      const same = (a: tf.Tensor, b: tf.Tensor) => {
        expect(a.shape).toEqual(b.shape);
        const [x, y] = [a.dataSync(), b.dataSync()];
        x.forEach((v, i) => expect(v).toBeCloseTo(y[i], 5));
      };
      same(fused.gradients, unrolled.gradients);
      same(fused.answer, unrolled.answer);
      same(fused.hidden, unrolled.hidden);
      if (kind === 'lstm') fused.gates!.forEach((g, i) => same(g, unrolled.gates![i]));
    });
});

describe('clipping by the global norm', () => {
  it('scales a gradient of norm 10 to the threshold, leaves a small one alone, and does nothing when off', () => {
    expect(clipScale(tf.scalar(10), { clip: true, clipNorm: 1 }).arraySync()).toBeCloseTo(0.1, 6);
    expect(clipScale(tf.scalar(0.5), { clip: true, clipNorm: 1 }).arraySync()).toBe(1);
    expect(clipScale(tf.scalar(10), { clip: false, clipNorm: 1 }).arraySync()).toBe(1);
  });
});

describe('the trainer', () => {
  const small = PARAMS({ delay: 4, hidden: 8, gru: true });

  it('counts parameters as (V + H + 1)·G·H + (H + 1)·K; the state has the size the page reads; every tensor freed', () => {
    expect(parameterCount('rnn', 9, 32, 4)).toBe(42 * 32 + 33 * 4);
    expect(parameterCount('lstm', 9, 32, 4)).toBe(42 * 128 + 33 * 4);
    const before = tf.memory().numTensors;
    const model = createSequenceModel(small, 1);
    const info = model.info as SequenceInfo;
    expect(info.racers).toEqual(['rnn', 'lstm', 'gru']);
    expect(info.parameters).toEqual([parameterCount('rnn', 9, 8, 4), parameterCount('lstm', 9, 8, 4), parameterCount('gru', 9, 8, 4)]);
    for (let i = 0; i < 3; i++) tf.dispose(model.step());
    const flat = model.state!();
    expect(flat.size).toBe(stateSize(info));
    const state = readState(info, flat.dataSync() as Float32Array);
    expect(state.gradients).toHaveLength(3);
    expect(state.lstm!.forget.every((f) => f > 0 && f < 1)).toBe(true);
    for (const answer of state.answers) expect(answer.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 5);
    flat.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('the same seed gives the same run', () => {
    const run = () => {
      const model = createSequenceModel(small, 3);
      const records = Array.from({ length: 12 }, () => Array.from(model.step().dataSync()));
      model.dispose();
      return records;
    };
    expect(run()).toEqual(run());
  }, 60_000);

  it('a racer whose loss explodes drops out with its last loss; the others and the run go on', async () => {
    // An absurd step size (not reachable from the sliders) blows the RNN's weights up within a step or two.
    const model = createSequenceModel(PARAMS({ delay: 4, hidden: 8, optimizer: 'sgd', clip: false, lrRnn: 1e30 }), 1);
    const rows: number[][] = [];
    for (let i = 0; i < 20; i++) {
      const record = model.step();
      rows.push(Array.from(record.dataSync()));
      record.dispose();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    // [run loss, rnn: loss, accuracy, gradNorm, out, lstm: loss, accuracy, gradNorm, out]
    const last = rows.at(-1)!;
    expect(last[4]).toBe(1);
    expect(last[8]).toBe(0);
    for (const row of rows) for (const v of row) expect(Number.isFinite(v)).toBe(true);
    const outAt = rows.findIndex((row) => row[4] === 1);
    expect(rows[outAt][1]).toBe(rows[outAt - 1][1]);
    expect(last[0]).toBe(last[5]);
    model.dispose();
  }, 60_000);

  it('the sweep measures every racer at every delay of SWEEP_DELAYS', async () => {
    const model = createSequenceModel(small, 1);
    const { value } = await model.request!('sweep');
    const reply = value as SweepReply;
    expect(reply.delays).toEqual([...SWEEP_DELAYS]);
    expect(reply.accuracy).toHaveLength(3);
    for (const row of reply.accuracy) for (const a of row) expect(a >= 0 && a <= 1).toBe(true);
    model.dispose();
  }, 60_000);
});
