/**
 * The three recurrent cells as tfjs ops, unrolled over a sequence, so tfjs's autodiff is backpropagation
 * through time. Each cell keeps its input weights Wx [V, G·H], recurrent weights U [H, G·H] and bias b [G·H]
 * (G gate blocks of H units) and a read-out Wo [H, K], bo [K] from the last hidden state.
 *
 *   RNN   h_t = tanh(x_t Wx + h_{t−1} U + b)
 *   LSTM  blocks [f, i, o, g]: f, i, o = σ(·), g = tanh(·); c_t = f ⊙ c_{t−1} + i ⊙ g; h_t = o ⊙ tanh(c_t)
 *   GRU   blocks [z, r, n]: z, r = σ(x Wx + h U + b); n = tanh(x Wx_n + b_n + r ⊙ (h U_n)); h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
 *         (the "reset after" form of Keras and cuDNN)
 *
 * The inputs are one-hot, so x_t Wx is row x_t of Wx; all steps' rows are taken at once, bias added, then
 * split per step. At t = 0 the state is zero and the recurrent product is skipped.
 */
import * as tf from '@tensorflow/tfjs';
import { matMul } from '../tfjs/matmul-explicit.ts';
import type { CellKind } from './contract.ts';

export interface CellWeights {
  wx: tf.Variable<tf.Rank.R2>;
  u: tf.Variable<tf.Rank.R2>;
  b: tf.Variable<tf.Rank.R1>;
  wo: tf.Variable<tf.Rank.R2>;
  bo: tf.Variable<tf.Rank.R1>;
}

export const weightList = (w: CellWeights) => [w.wx, w.u, w.b, w.wo, w.bo];

/** What a run records at each step when asked (for the pictures): hidden state, and the LSTM's gates and cell. */
export interface StepRecord {
  h: tf.Tensor2D;
  c?: tf.Tensor2D;
  f?: tf.Tensor2D;
  i?: tf.Tensor2D;
  o?: tf.Tensor2D;
}

export interface RunOptions {
  /** Added to h_t (zeros): the gradient of the loss with respect to probe t is ∂L/∂h_t. */
  probes?: tf.Tensor2D[];
  record?: StepRecord[];
}

/** The inputs' contributions x_t Wx + b for every step: ids time-major [T·B] → T tensors [B, G·H]. */
export function inputTerms(w: CellWeights, ids: tf.Tensor1D, length: number): tf.Tensor2D[] {
  const rows = tf.add(tf.gather(w.wx, ids), w.b) as tf.Tensor2D;
  return tf.split(rows, length, 0) as tf.Tensor2D[];
}

/** The last hidden state [B, H] after reading the sequence. */
export function runCell(kind: CellKind, w: CellWeights, xs: tf.Tensor2D[], options: RunOptions = {}): tf.Tensor2D {
  const hidden = w.u.shape[0];
  const { probes, record } = options;
  let h: tf.Tensor2D | undefined;
  let c: tf.Tensor2D | undefined;
  for (let t = 0; t < xs.length; t++) {
    const x = xs[t];
    let next: tf.Tensor2D;
    let step: Omit<StepRecord, 'h'> = {};
    if (kind === 'rnn') {
      next = tf.tanh(h ? tf.add(x, matMul(h, w.u)) : x) as tf.Tensor2D;
    } else if (kind === 'lstm') {
      const z = (h ? tf.add(x, matMul(h, w.u)) : x) as tf.Tensor2D;
      const [sigmoidPart, candidatePart] = tf.split(z, [3 * hidden, hidden], 1);
      const [f, i, o] = tf.split(tf.sigmoid(sigmoidPart), 3, 1) as tf.Tensor2D[];
      const written = tf.mul(i, tf.tanh(candidatePart)) as tf.Tensor2D;
      c = (c ? tf.add(tf.mul(f, c), written) : written) as tf.Tensor2D;
      next = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
      step = { c, f, i, o };
    } else {
      const [xGates, xCandidate] = tf.split(x, [2 * hidden, hidden], 1);
      if (h) {
        const [hGates, hCandidate] = tf.split(matMul(h, w.u), [2 * hidden, hidden], 1);
        const [z, r] = tf.split(tf.sigmoid(tf.add(xGates, hGates)), 2, 1);
        const n = tf.tanh(tf.add(xCandidate, tf.mul(r, hCandidate)));
        next = tf.add(n, tf.mul(z, tf.sub(h, n)));
      } else {
        const z = tf.sigmoid(tf.slice(xGates, [0, 0], [-1, hidden]));
        const n = tf.tanh(xCandidate);
        next = tf.sub(n, tf.mul(z, n));
      }
    }
    h = (probes ? tf.add(next, probes[t]) : next) as tf.Tensor2D;
    record?.push({ h, ...step });
  }
  if (!h) throw new Error('runCell: empty sequence');
  return h;
}

export const readOut = (w: CellWeights, h: tf.Tensor2D) => tf.add(matMul(h, w.wo), w.bo) as tf.Tensor2D;
