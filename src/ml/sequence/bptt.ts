/**
 * The simple RNN's and the LSTM's pass over a whole sequence with backpropagation through time written out
 * (recurrence.ts), run as the two kernels of recurrent-kernels.ts. It gives the same numbers as tfjs's
 * autodiff of the unrolled cells (cells.ts, tested against it) with two kernels per racer instead of
 * hundreds: on the wasm backend a kernel's fixed cost, not its arithmetic, is what a step of these small
 * cells costs. Training differentiates `finalState`; the pictures take the same forward pass (gates, cell)
 * and backward pass (∂L/∂h_t at every t).
 *
 * Input: Wx [V, G·H], b [G·H] and U [H, G·H], and the token ids, time-major [T·B].
 */
import * as tf from '@tensorflow/tfjs';
import { ensureRecurrentKernels, RECURRENT_BACKWARD, RECURRENT_FORWARD } from './recurrent-kernels';
import type { FusedKind } from './recurrence';

export type { FusedKind } from './recurrence';

/** The recurrent weights a pass reads. */
export interface Recurrent {
  wx: tf.Tensor2D;
  b: tf.Tensor1D;
  u: tf.Tensor2D;
}

/** The forward pass, time-major: h_t for every t [T·B, H], and the LSTM's σ(f, i, o), g [T·B, 4H], c_t and tanh(c_t) [T·B, H]. */
export interface ForwardPass {
  kind: FusedKind;
  length: number;
  ids: tf.Tensor1D;
  vocabulary: number;
  /** h_{T−1} [B, H]. */
  last: tf.Tensor2D;
  h: tf.Tensor2D;
  a?: tf.Tensor2D;
  c?: tf.Tensor2D;
  tc?: tf.Tensor2D;
}

function run(name: string, inputs: tf.NamedTensorMap, attrs: tf.NamedAttrMap): tf.Tensor[] {
  ensureRecurrentKernels();
  return tf.engine().runKernel(name, inputs, attrs) as tf.Tensor[];
}

export function forwardPass(kind: FusedKind, w: Recurrent, ids: tf.Tensor1D, length: number): ForwardPass {
  const [last, h, a, c, tc] = run(RECURRENT_FORWARD, { wx: w.wx, b: w.b, ids, u: w.u }, { kind, length }) as tf.Tensor2D[];
  return { kind, length, ids, vocabulary: w.wx.shape[0], last, h, a, c, tc };
}

export interface BackwardPass {
  dwx: tf.Tensor2D;
  db: tf.Tensor1D;
  du: tf.Tensor2D;
  /** ∂L/∂h_t for every t [T·B, H]. */
  dh: tf.Tensor2D;
}

/** From dy = ∂L/∂h_{T−1}: the weights' gradients and ∂L/∂h_t for every t. */
export function backwardPass(pass: ForwardPass, u: tf.Tensor2D, dy: tf.Tensor2D): BackwardPass {
  const { kind, length, vocabulary, ids } = pass;
  const saved: tf.NamedTensorMap = kind === 'lstm' ? { h: pass.h, a: pass.a!, c: pass.c!, tc: pass.tc! } : { h: pass.h };
  const [dwx, db, du, dh] = run(RECURRENT_BACKWARD, { dy, u, ids, ...saved }, { kind, length, vocabulary });
  return { dwx, db, du, dh } as BackwardPass;
}

type Pass = (wx: tf.Tensor2D, b: tf.Tensor1D, u: tf.Tensor2D, ids: tf.Tensor1D) => tf.Tensor2D;

function fusedPass(kind: FusedKind, length: number): Pass {
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [wx, b, u, ids] = args as [tf.Tensor2D, tf.Tensor1D, tf.Tensor2D, tf.Tensor1D];
    const pass = forwardPass(kind, { wx, b, u }, ids, length);
    // Kept past the forward pass's tidy for the backward pass, which frees them.
    const kept = [pass.h, pass.a, pass.c, pass.tc].filter((t): t is tf.Tensor2D => t !== undefined);
    kept.forEach((k) => tf.keep(k));
    return {
      value: pass.last,
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => {
        const { dwx, db, du, dh } = backwardPass(pass, u, dy as tf.Tensor2D);
        tf.dispose([dh, ...kept]);
        // The ids are not differentiated, but customGrad wants a gradient for every input.
        return [dwx, db, du, tf.zerosLike(ids)];
      },
    };
  }) as Pass;
}

const passes = new Map<string, Pass>();

/** h_T [B, H] of the RNN or LSTM over the token ids (time-major [T·B]), differentiable by the pass above. */
export function finalState(kind: FusedKind, w: Recurrent, ids: tf.Tensor1D, length: number): tf.Tensor2D {
  const key = `${kind}:${length}`;
  let pass = passes.get(key);
  if (!pass) {
    pass = fusedPass(kind, length);
    passes.set(key, pass);
  }
  return pass(w.wx, w.b, w.u, ids);
}
