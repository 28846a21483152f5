/**
 * Lesson 11's RecurrentForward and RecurrentBackward kernels (src/ml/sequence/recurrent-kernels.ts, through
 * bptt.ts's forwardPass and backwardPass) against tfjs's autodiff of the unrolled cells (cells.ts) on random
 * inputs, on the cpu and the wasm backends: every hidden state, the LSTM's gates and cell, ∂L/∂Wx, ∂L/∂b,
 * ∂L/∂U and ∂L/∂h_t for every t, for L = Σ h_{T−1} ⊙ dy.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { backwardPass, forwardPass } from '../../src/ml/sequence/bptt';
import { inputTerms, runCell, type CellWeights, type StepRecord } from '../../src/ml/sequence/cells';
import { createRng } from '../../src/ml/shared/random';
import { ensureWasmUnsortedSegmentSum } from '../../src/ml/tfjs/unsorted-segment-sum';
import { BACKENDS, useBackend } from '../bench/backends';

function same(got: tf.Tensor, want: tf.Tensor) {
  expect(got.shape).toEqual(want.shape);
  const [a, b] = [got.dataSync(), want.dataSync()];
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 5));
}

// H = 6 and B = 3 are not multiples of the products' 4 × 4 tiles, so their edges are exercised too.
const [T, B, H, V] = [5, 3, 6, 4];

for (const backend of BACKENDS)
  describe(`the recurrent kernels on ${backend}`, () => {
    for (const kind of ['rnn', 'lstm'] as const)
      it(`${kind}: states, gates and every gradient equal autodiff of the unrolled cell`, async () => {
        await useBackend(backend)();
        ensureWasmUnsortedSegmentSum();
        const n = (kind === 'lstm' ? 4 : 1) * H;
        const rng = createRng(kind === 'lstm' ? 11 : 12);
        const random = (shape: [number, number], scale: number) =>
          tf.tensor2d(
            Float32Array.from({ length: shape[0] * shape[1] }, () => (2 * rng() - 1) * scale),
            shape,
          );
        const w = { wx: random([V, n], 1.5), b: tf.reshape(random([1, n], 0.5), [n]) as tf.Tensor1D, u: random([H, n], 0.6) };
        const ids = tf.tensor1d(
          Array.from({ length: T * B }, () => Math.floor(rng() * V)),
          'int32',
        );
        const dy = random([B, H], 1);
        const unrolled = (wx: tf.Tensor, b: tf.Tensor, u: tf.Tensor, record?: StepRecord[], probes?: tf.Tensor2D[]) => {
          const cell = { wx, b, u } as unknown as CellWeights;
          return runCell(kind, cell, inputTerms(cell, ids, T), { record, probes });
        };
        const want = tf.tidy(() => {
          const record: StepRecord[] = [];
          const last = unrolled(w.wx, w.b, w.u, record);
          const steps = (key: keyof StepRecord) => tf.concat(record.map((r) => r[key]!));
          const probes = Array.from({ length: T }, () => tf.zeros([B, H]) as tf.Tensor2D);
          const loss = (wx: tf.Tensor, b: tf.Tensor, u: tf.Tensor, ...ps: tf.Tensor[]) =>
            tf.sum(tf.mul(unrolled(wx, b, u, undefined, ps as tf.Tensor2D[]), dy));
          const [dwx, db, du, ...dh] = tf.grads(loss)([w.wx, w.b, w.u, ...probes]);
          const gates = kind === 'lstm' ? { f: steps('f'), i: steps('i'), o: steps('o'), c: steps('c') } : undefined;
          return { last, h: steps('h'), gates, dwx, db, du, dh: tf.concat(dh) };
        });
        const [tensors, buffers] = [tf.memory().numTensors, tf.engine().backend.numDataIds()];

        const pass = forwardPass(kind, w, ids, T);
        same(pass.last, want.last);
        same(pass.h, want.h);
        if (want.gates) {
          const [f, i, o, g] = tf.split(pass.a!, 4, 1);
          same(f, want.gates.f);
          same(i, want.gates.i);
          same(o, want.gates.o);
          same(pass.c!, want.gates.c);
          tf.dispose([f, i, o, g]);
        }
        const got = backwardPass(pass, w.u, dy);
        same(got.dwx, want.dwx);
        same(got.db, want.db);
        same(got.du, want.du);
        same(got.dh, want.dh);
        tf.dispose([pass.last, pass.h, pass.a, pass.c, pass.tc, got.dwx, got.db, got.du, got.dh].filter((t) => t !== undefined));
        // Nothing left behind, on the engine's side or the backend's (the products' buffers on wasm).
        expect([tf.memory().numTensors, tf.engine().backend.numDataIds()]).toEqual([tensors, buffers]);
      });
  });
