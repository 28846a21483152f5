/**
 * The simple RNN's and the LSTM's passes over a whole sequence, on Float32Arrays: the arithmetic of the
 * RecurrentForward and RecurrentBackward kernels (recurrent-kernels.ts). Shapes are time-major: row t·B + b
 * is sequence b at step t.
 *
 * Forward, from the input terms x_t = x_t Wx + b [B, G·H] and U [H, G·H], h_{−1} = 0:
 *   z_t = x_t + h_{t−1} U
 *   RNN   h_t = tanh(z_t)
 *   LSTM  z_t's blocks [f, i, o, g]: f, i, o = σ(·), g = tanh(·); c_t = f ⊙ c_{t−1} + i ⊙ g; h_t = o ⊙ tanh(c_t)
 * Backward, from dy = ∂L/∂h_{T−1}, to ∂L/∂z_t (which is ∂L/∂x_t) for every t:
 *   RNN   ∂z_t = ∂h_t ⊙ (1 − h_t²)
 *   LSTM  ∂c_t = ∂c_{t+1} ⊙ f_{t+1} + ∂h_t ⊙ o ⊙ (1 − tanh²(c_t));
 *         ∂f = ∂c_t ⊙ c_{t−1}, ∂i = ∂c_t ⊙ g, ∂o = ∂h_t ⊙ tanh(c_t) (each times σ' = σ(1 − σ)), ∂g = ∂c_t ⊙ i ⊙ (1 − g²)
 *   ∂h_{t−1} = ∂z_t Uᵀ,  ∂U = Σ_t h_{t−1}ᵀ ∂z_t.
 *
 * Every intermediate is rounded to float32 where the tfjs ops this replaces stored one, in the same order
 * (a float32 sum or product of two float32s, computed in float64 and rounded, is the float32 operation's
 * result). On wasm, σ, tanh and the matrix products are the backend's own kernels on the same operands, so
 * a training run gives the same numbers as the ops did, to the bit; in JavaScript (the cpu backend) the
 * products' summation order differs (here in float64).
 */
import { matMulInto, type Product, type Strided } from './small-matmul';

export type FusedKind = 'rnn' | 'lstm';

export interface Sizes {
  length: number;
  batch: number;
  hidden: number;
}

/** What the forward pass leaves for the backward pass: h [T·B, H]; the LSTM's σ(f, i, o) and g [T·B, 4H], c and tanh(c) [T·B, H]. */
export interface Saved {
  h: Float32Array;
  a?: Float32Array;
  c?: Float32Array;
  tc?: Float32Array;
}

export const gateBlocks = (kind: FusedKind) => (kind === 'lstm' ? 4 : 1);

const f32 = Math.fround;
const rowsOf = (data: Float32Array, at: number, width: number): Strided => ({ data, at, rowStride: width, colStride: 1 });

/**
 * The products and the σ and tanh the passes take: in JavaScript here (the cpu backend's own kernels compute
 * them the same way), the wasm backend's own kernels on wasm (wasm-products.ts), so that the numbers are
 * those of the tfjs ops on either.
 */
export interface Ops {
  product: Product;
  sigmoid(x: Float32Array, out: Float32Array): void;
  tanh(x: Float32Array, out: Float32Array): void;
}

export const jsOps: Ops = {
  product: matMulInto,
  sigmoid: (x, out) => x.forEach((v, j) => (out[j] = 1 / (1 + Math.exp(-v)))),
  tanh: (x, out) => x.forEach((v, j) => (out[j] = Math.tanh(v))),
};

/** The weights' operand of `ops.product` is the same object at every step. */
export function recurrentForward(kind: FusedKind, xs: Float32Array, u: Float32Array, sizes: Sizes, out: Saved, ops: Ops = jsOps) {
  const { length, batch, hidden: H } = sizes;
  const n = gateBlocks(kind) * H;
  const { h, a, c, tc } = out;
  const hu = new Float32Array(batch * n);
  const z = new Float32Array(batch * n);
  const [sigmoids, tanhs] = kind === 'lstm' ? [new Float32Array(batch * n), new Float32Array(batch * n)] : [];
  const weights = rowsOf(u, 0, n);
  for (let t = 0; t < length; t++) {
    const rows = t * batch;
    // z_t = x_t + h_{t−1} U for the whole batch, rounded as the sum of two float32 tensors.
    if (t === 0) z.set(xs.subarray(0, batch * n));
    else {
      ops.product(batch, H, n, rowsOf(h, (rows - batch) * H, H), weights, hu, 0);
      for (let j = 0; j < batch * n; j++) z[j] = xs[rows * n + j] + hu[j];
    }
    if (kind === 'rnn') {
      ops.tanh(z, h.subarray(rows * H, (rows + batch) * H));
      continue;
    }
    ops.sigmoid(z, sigmoids!);
    ops.tanh(z, tanhs!);
    for (let b = 0; b < batch; b++) {
      const row = rows + b;
      for (let j = 0; j < n; j++) a![row * n + j] = j < 3 * H ? sigmoids![b * n + j] : tanhs![b * n + j];
      for (let k = 0, at = row * n; k < H; k++) {
        const written = f32(a![at + H + k] * a![at + 3 * H + k]);
        c![row * H + k] = t === 0 ? written : f32(a![at + k] * c![(row - batch) * H + k]) + written;
      }
    }
    ops.tanh(c!.subarray(rows * H, (rows + batch) * H), tc!.subarray(rows * H, (rows + batch) * H));
    for (let b = 0; b < batch; b++) for (let k = 0, row = rows + b; k < H; k++) h[row * H + k] = a![row * n + 2 * H + k] * tc![row * H + k];
  }
}

export interface Gradients {
  /** ∂L/∂z_t = ∂L/∂x_t [T·B, G·H]. */
  dz: Float32Array;
  /** ∂L/∂U [H, G·H]. */
  du: Float32Array;
  /** ∂L/∂h_t [T·B, H]. */
  dh: Float32Array;
}

export function recurrentBackward(
  kind: FusedKind,
  u: Float32Array,
  sizes: Sizes,
  saved: Saved,
  dy: Float32Array,
  out: Gradients,
  ops: Ops = jsOps,
) {
  const { length, batch, hidden: H } = sizes;
  const n = gateBlocks(kind) * H;
  const { h, a, c, tc } = saved;
  const { dz, du, dh } = out;
  dh.set(dy, (length - 1) * batch * H);
  const dc = new Float32Array(batch * H);
  const transposed: Strided = { data: u, at: 0, rowStride: 1, colStride: n };
  for (let t = length - 1; t >= 0; t--) {
    for (let b = 0; b < batch; b++) {
      const row = t * batch + b;
      const prev = row - batch;
      const at = row * n;
      for (let k = 0; k < H; k++) {
        const dhk = dh[row * H + k];
        if (kind === 'rnn') {
          const hk = h[row * H + k];
          dz[at + k] = dhk * f32(1 - f32(hk * hk));
          continue;
        }
        const f = a![at + k];
        const i = a![at + H + k];
        const o = a![at + 2 * H + k];
        const g = a![at + 3 * H + k];
        const tanhC = tc![row * H + k];
        const fromH = f32(dhk * f32(o * f32(1 - f32(tanhC * tanhC))));
        const dcT = t === length - 1 ? fromH : f32(dc[b * H + k] + fromH);
        const df = t > 0 ? f32(dcT * c![prev * H + k]) : 0;
        dz[at + k] = df * f32(f * f32(1 - f));
        dz[at + H + k] = f32(dcT * g) * f32(i * f32(1 - i));
        dz[at + 2 * H + k] = f32(dhk * tanhC) * f32(o * f32(1 - o));
        dz[at + 3 * H + k] = f32(dcT * i) * f32(1 - f32(g * g));
        dc[b * H + k] = dcT * f;
      }
    }
    // ∂L/∂h_{t−1} = ∂L/∂z_t Uᵀ.
    if (t > 0) ops.product(batch, n, H, rowsOf(dz, t * batch * n, n), transposed, dh, (t - 1) * batch * H);
  }
  // ∂L/∂U = Σ_{t ≥ 1} h_{t−1}ᵀ ∂L/∂z_t: one product of the stacked states (transposed) and gradients.
  ops.product(H, (length - 1) * batch, n, { data: h, at: 0, rowStride: 1, colStride: H }, rowsOf(dz, batch * n, n), du, 0);
}

/** The input terms x_t Wx + b [T·B, N] of one-hot tokens: row ids[r] of Wx plus the bias, rounded as tf.add(tf.gather(Wx, ids), b). */
export function inputTerms(wx: Float32Array, b: Float32Array, ids: Int32Array): Float32Array {
  const n = b.length;
  const xs = new Float32Array(ids.length * n);
  for (let r = 0; r < ids.length; r++) for (let j = 0, from = ids[r] * n; j < n; j++) xs[r * n + j] = wx[from + j] + b[j];
  return xs;
}

/**
 * ∂L/∂Wx and ∂L/∂b from ∂L/∂xs, summed in float32 in row order as tfjs's gradients of gather (this project's
 * UnsortedSegmentSum) and of the bias's broadcast add (a column sum) do.
 */
export function inputGradients(dz: Float32Array, ids: Int32Array, dwx: Float32Array, db: Float32Array) {
  const n = db.length;
  for (let r = 0; r < ids.length; r++) {
    const to = ids[r] * n;
    for (let j = 0; j < n; j++) {
      dwx[to + j] += dz[r * n + j];
      db[j] += dz[r * n + j];
    }
  }
}
