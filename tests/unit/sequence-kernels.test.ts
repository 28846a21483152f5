/**
 * Lesson 11's RecurrentForward and RecurrentBackward kernels (src/ml/sequence/recurrent-kernels.ts, through
 * bptt.ts's forwardPass and backwardPass) against tfjs's autodiff of the unrolled cells (cells.ts) on random
 * inputs, on the cpu and the wasm backends: every hidden state, the LSTM's gates and cell, ∂L/∂xs, ∂L/∂U and
 * ∂L/∂h_t for every t, for L = Σ h_{T−1} ⊙ dy.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { backwardPass, forwardPass } from '../../src/ml/sequence/bptt';
import { runCell, type CellWeights, type StepRecord } from '../../src/ml/sequence/cells';
import { createRng } from '../../src/ml/shared/random';
import { BACKENDS, useBackend } from '../bench/backends';

function same(got: tf.Tensor, want: tf.Tensor) {
  expect(got.shape).toEqual(want.shape);
  const [a, b] = [got.dataSync(), want.dataSync()];
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 5));
}

// H = 6 and B = 3 are not multiples of the products' 4 × 4 tiles, so their edges are exercised too.
const [T, B, H] = [5, 3, 6];

for (const backend of BACKENDS)
  describe(`the recurrent kernels on ${backend}`, () => {
    for (const kind of ['rnn', 'lstm'] as const)
      it(`${kind}: states, gates and every gradient equal autodiff of the unrolled cell`, async () => {
        await useBackend(backend)();
        const n = (kind === 'lstm' ? 4 : 1) * H;
        const rng = createRng(kind === 'lstm' ? 11 : 12);
        const random = (shape: [number, number], scale: number) =>
          tf.tensor2d(
            Float32Array.from({ length: shape[0] * shape[1] }, () => (2 * rng() - 1) * scale),
            shape,
          );
        const xs = random([T * B, n], 1.5);
        const u = random([H, n], 0.6);
        const dy = random([B, H], 1);
        const unrolled = (x: tf.Tensor, w: tf.Tensor, record?: StepRecord[], probes?: tf.Tensor2D[]) =>
          runCell(kind, { u: w } as unknown as CellWeights, tf.split(x, T, 0) as tf.Tensor2D[], { record, probes });
        const want = tf.tidy(() => {
          const record: StepRecord[] = [];
          const last = unrolled(xs, u, record);
          const steps = (key: keyof StepRecord) => tf.concat(record.map((r) => r[key]!));
          const probes = Array.from({ length: T }, () => tf.zeros([B, H]) as tf.Tensor2D);
          const loss = (x: tf.Tensor, w: tf.Tensor, ...ps: tf.Tensor[]) =>
            tf.sum(tf.mul(unrolled(x, w, undefined, ps as tf.Tensor2D[]), dy));
          const [dxs, du, ...dh] = tf.grads(loss)([xs, u, ...probes]);
          const gates = kind === 'lstm' ? { f: steps('f'), i: steps('i'), o: steps('o'), c: steps('c') } : undefined;
          return { last, h: steps('h'), gates, dxs, du, dh: tf.concat(dh) };
        });
        const [tensors, buffers] = [tf.memory().numTensors, tf.engine().backend.numDataIds()];

        const pass = forwardPass(kind, xs, u, T);
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
        const got = backwardPass(pass, u, dy);
        same(got.dxs, want.dxs);
        same(got.du, want.du);
        same(got.dh, want.dh);
        tf.dispose([pass.last, pass.h, pass.a, pass.c, got.dxs, got.du, got.dh].filter((t) => t !== undefined));
        // Nothing left behind, on the engine's side or the backend's (the products' buffers on wasm).
        expect([tf.memory().numTensors, tf.engine().backend.numDataIds()]).toEqual([tensors, buffers]);
      });
  });
