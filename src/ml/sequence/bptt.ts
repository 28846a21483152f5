/**
 * The simple RNN's and the LSTM's pass over a whole sequence with backpropagation through time written out
 * (recurrence.ts), run as the two kernels of recurrent-kernels.ts. It gives the same numbers as tfjs's
 * autodiff of the unrolled cells (cells.ts, tested against it) with two kernels per racer instead of
 * hundreds: on the wasm backend a kernel's fixed cost, not its arithmetic, is what a step of these small
 * cells costs. Training differentiates `finalState`; the pictures take the same forward pass (gates, cell)
 * and backward pass (∂L/∂h_t at every t).
 *
 * Input: x_t Wx + b for every step, time-major [T·B, G·H], and U [H, G·H].
 */
import * as tf from '@tensorflow/tfjs';
import { ensureRecurrentKernels, RECURRENT_BACKWARD, RECURRENT_FORWARD } from './recurrent-kernels';
import type { FusedKind } from './recurrence';

export type { FusedKind } from './recurrence';

/** The forward pass, time-major: h_t for every t [T·B, H], and the LSTM's σ(f, i, o), g [T·B, 4H] and c_t [T·B, H]. */
export interface ForwardPass {
  kind: FusedKind;
  length: number;
  /** h_{T−1} [B, H]. */
  last: tf.Tensor2D;
  h: tf.Tensor2D;
  a?: tf.Tensor2D;
  c?: tf.Tensor2D;
}

function run(name: string, inputs: tf.NamedTensorMap, kind: FusedKind, length: number): tf.Tensor2D[] {
  ensureRecurrentKernels();
  return tf.engine().runKernel(name, inputs, { kind, length }) as tf.Tensor2D[];
}

export function forwardPass(kind: FusedKind, xs: tf.Tensor2D, u: tf.Tensor2D, length: number): ForwardPass {
  const [last, h, a, c] = run(RECURRENT_FORWARD, { xs, u }, kind, length);
  return { kind, length, last, h, a, c };
}

/** From dy = ∂L/∂h_{T−1}: ∂L/∂xs [T·B, G·H] (the pre-activations' gradient), ∂L/∂U, and ∂L/∂h_t for every t [T·B, H]. */
export function backwardPass(pass: ForwardPass, u: tf.Tensor2D, dy: tf.Tensor2D): { dxs: tf.Tensor2D; du: tf.Tensor2D; dh: tf.Tensor2D } {
  const saved: tf.NamedTensorMap = pass.kind === 'lstm' ? { h: pass.h, a: pass.a!, c: pass.c! } : { h: pass.h };
  const [dxs, du, dh] = run(RECURRENT_BACKWARD, { dy, u, ...saved }, pass.kind, pass.length);
  return { dxs, du, dh };
}

type Pass = (xs: tf.Tensor2D, u: tf.Tensor2D) => tf.Tensor2D;

function fusedPass(kind: FusedKind, length: number): Pass {
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xs, u] = args as [tf.Tensor2D, tf.Tensor2D];
    const pass = forwardPass(kind, xs, u, length);
    // Kept past the forward pass's tidy for the backward pass, which frees them.
    const kept = [pass.h, pass.a, pass.c].filter((t): t is tf.Tensor2D => t !== undefined);
    kept.forEach((k) => tf.keep(k));
    return {
      value: pass.last,
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => {
        const { dxs, du, dh } = backwardPass(pass, u, dy as tf.Tensor2D);
        tf.dispose([dh, ...kept]);
        return [dxs, du];
      },
    };
  }) as Pass;
}

const passes = new Map<string, Pass>();

/** h_T [B, H] of the RNN or LSTM over the sequence whose input terms are `xs`, differentiable by the pass above. */
export function finalState(kind: FusedKind, xs: tf.Tensor2D, u: tf.Tensor2D, length: number): tf.Tensor2D {
  const key = `${kind}:${length}`;
  let pass = passes.get(key);
  if (!pass) {
    pass = fusedPass(kind, length);
    passes.set(key, pass);
  }
  return pass(xs, u);
}
