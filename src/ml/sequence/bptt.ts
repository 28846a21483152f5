/**
 * The simple RNN's and the LSTM's pass over a whole sequence with backpropagation through time written out,
 * step by step from the last time step to the first. It gives the same numbers as tfjs's autodiff of the
 * unrolled cells (cells.ts, tested against it) with less than half the kernels: autodiff copies every
 * intermediate it saves and records every op, and on the wasm backend a kernel's fixed cost, not its
 * arithmetic, is what a step of these small cells costs. Training differentiates `finalState`; the pictures
 * take the same forward pass (gates, cell) and backward pass (∂L/∂h_t at every t) from `unrolledPass`.
 *
 * Input: x_t Wx + b for every step, time-major [T·B, G·H], and U [H, G·H].
 */
import * as tf from '@tensorflow/tfjs';

export type FusedKind = 'rnn' | 'lstm';

/** What the forward pass keeps for the backward pass, per time step ([B, ·] each). */
export interface ForwardPass {
  kind: FusedKind;
  /** h_0 … h_{T−1}. */
  h: tf.Tensor2D[];
  /** LSTM only: σ of the [f, i, o] blocks, g = tanh of the candidate block, c_t and tanh(c_t). */
  s: tf.Tensor2D[];
  g: tf.Tensor2D[];
  c: tf.Tensor2D[];
  tc: tf.Tensor2D[];
}

const oneMinusSquare = (x: tf.Tensor) => tf.sub(1, tf.square(x));

export function forwardPass(kind: FusedKind, xs: tf.Tensor2D, u: tf.Tensor2D, length: number): ForwardPass {
  const hidden = u.shape[0];
  const steps = tf.split(xs, length, 0) as tf.Tensor2D[];
  const pass: ForwardPass = { kind, h: [], s: [], g: [], c: [], tc: [] };
  const { h, s, g, c, tc } = pass;
  for (let t = 0; t < length; t++) {
    const z = t === 0 ? steps[t] : tf.add(steps[t], tf.matMul(h[t - 1], u));
    if (kind === 'rnn') {
      h.push(tf.tanh(z) as tf.Tensor2D);
      continue;
    }
    const [gatePart, candidatePart] = tf.split(z, [3 * hidden, hidden], 1);
    s.push(tf.sigmoid(gatePart) as tf.Tensor2D);
    g.push(tf.tanh(candidatePart) as tf.Tensor2D);
    const [f, i, o] = tf.split(s[t], 3, 1);
    const written = tf.mul(i, g[t]);
    c.push((t === 0 ? written : tf.add(tf.mul(f, c[t - 1]), written)) as tf.Tensor2D);
    tc.push(tf.tanh(c[t]) as tf.Tensor2D);
    h.push(tf.mul(o, tc[t]) as tf.Tensor2D);
  }
  return pass;
}

/**
 * From dy = ∂L/∂h_T back to the first step: ∂L/∂z_t for every t (z_t the pre-activations, so ∂L/∂(x_t Wx + b)
 * is ∂L/∂z_t) and ∂L/∂h_t for every t.
 */
export function backwardPass(pass: ForwardPass, u: tf.Tensor2D, dy: tf.Tensor2D): { dz: tf.Tensor2D[]; dh: tf.Tensor2D[] } {
  const { h, s, g, c, tc } = pass;
  const length = h.length;
  const uT = tf.transpose(u);
  const dz: tf.Tensor2D[] = new Array(length);
  const dhs: tf.Tensor2D[] = new Array(length);
  let dh = dy;
  let dc: tf.Tensor2D | null = null;
  for (let t = length - 1; t >= 0; t--) {
    dhs[t] = dh;
    if (pass.kind === 'rnn') {
      // h_t = tanh(z_t): ∂L/∂z_t = ∂L/∂h_t ⊙ (1 − h_t²).
      dz[t] = tf.mul(dh, oneMinusSquare(h[t]));
    } else {
      const [f, i, o] = tf.split(s[t], 3, 1);
      // h_t = o ⊙ tanh(c_t), c_t = f ⊙ c_{t−1} + i ⊙ g: the cell's gradient gathers what h_t and c_{t+1} send back.
      const fromH = tf.mul(dh, tf.mul(o, oneMinusSquare(tc[t])));
      const dcT = dc ? tf.add(dc, fromH) : fromH;
      const dSigmoid = tf.concat([t > 0 ? tf.mul(dcT, c[t - 1]) : tf.zerosLike(f), tf.mul(dcT, g[t]), tf.mul(dh, tc[t])], 1);
      // Through σ and tanh: σ' = σ(1 − σ), tanh' = 1 − tanh².
      dz[t] = tf.concat([tf.mul(dSigmoid, tf.mul(s[t], tf.sub(1, s[t]))), tf.mul(tf.mul(dcT, i), oneMinusSquare(g[t]))], 1) as tf.Tensor2D;
      if (t > 0) dc = tf.mul(dcT, f) as tf.Tensor2D;
    }
    // ∂L/∂h_{t−1} = ∂L/∂z_t Uᵀ.
    if (t > 0) dh = tf.matMul(dz[t], uT);
  }
  return { dz, dh: dhs };
}

type Pass = (xs: tf.Tensor2D, u: tf.Tensor2D) => tf.Tensor2D;

function fusedPass(kind: FusedKind, length: number): Pass {
  return tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xs, u] = args as [tf.Tensor2D, tf.Tensor2D];
    const pass = forwardPass(kind, xs, u, length);
    const value = pass.h[length - 1];
    // Kept past the forward pass's tidy for the backward pass, which frees them; h_T as a copy (the value is the caller's).
    pass.h[length - 1] = tf.clone(value);
    const kept = [...pass.h, ...pass.s, ...pass.g, ...pass.c, ...pass.tc];
    kept.forEach((k) => tf.keep(k));
    return {
      value,
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => {
        const { dz } = backwardPass(pass, u, dy as tf.Tensor2D);
        const dxs = tf.concat(dz, 0);
        // ∂L/∂U = Σ_t h_{t−1}ᵀ ∂L/∂z_t, as one product of the stacked states and gradients.
        const du =
          length > 1
            ? tf.matMul(tf.transpose(tf.concat(pass.h.slice(0, -1), 0)), tf.slice(dxs, [dz[0].shape[0], 0], [-1, -1]))
            : tf.zerosLike(u);
        tf.dispose(kept);
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
