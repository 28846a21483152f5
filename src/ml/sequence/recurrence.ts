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
 * Every intermediate is rounded to float32 where the tfjs ops this replaces stored one, in the same order,
 * so the numbers differ from theirs only in the last bit of tanh, σ and exp, and, where the products are
 * taken in JavaScript (the cpu backend), by their summation order (here in float64). On wasm they are the
 * same products of the same operands through the backend's matMul as the ops took.
 */
import { matMulInto, type Product, type Strided } from './small-matmul';

export type FusedKind = 'rnn' | 'lstm';

export interface Sizes {
  length: number;
  batch: number;
  hidden: number;
}

/** What the forward pass leaves for the backward pass: h [T·B, H]; the LSTM's σ(f, i, o) and g [T·B, 4H] and c [T·B, H]. */
export interface Saved {
  h: Float32Array;
  a?: Float32Array;
  c?: Float32Array;
}

export const gateBlocks = (kind: FusedKind) => (kind === 'lstm' ? 4 : 1);

const f32 = Math.fround;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const rowsOf = (data: Float32Array, at: number, width: number): Strided => ({ data, at, rowStride: width, colStride: 1 });

/** `product` computes the matrix products (on wasm, the backend's own matMul); the weights' operand is the same object at every step. */
export function recurrentForward(
  kind: FusedKind,
  xs: Float32Array,
  u: Float32Array,
  sizes: Sizes,
  out: Saved,
  product: Product = matMulInto,
) {
  const { length, batch, hidden: H } = sizes;
  const n = gateBlocks(kind) * H;
  const { h, a, c } = out;
  const hu = new Float32Array(batch * n);
  const weights = rowsOf(u, 0, n);
  for (let t = 0; t < length; t++) {
    // h_{t−1} U for the whole batch; z_t = x_t + h_{t−1} U, rounded as the sum of two float32 tensors.
    if (t > 0) product(batch, H, n, rowsOf(h, (t - 1) * batch * H, H), weights, hu, 0);
    for (let b = 0; b < batch; b++) {
      const row = t * batch + b;
      const prev = row - batch;
      const at = row * n;
      const z = (j: number) => (t === 0 ? xs[at + j] : f32(xs[at + j] + hu[b * n + j]));
      if (kind === 'rnn') {
        for (let j = 0; j < H; j++) h[row * H + j] = Math.tanh(z(j));
        continue;
      }
      for (let j = 0; j < 3 * H; j++) a![at + j] = sigmoid(z(j));
      for (let j = 3 * H; j < n; j++) a![at + j] = Math.tanh(z(j));
      for (let k = 0; k < H; k++) {
        const f = a![at + k];
        const i = a![at + H + k];
        const o = a![at + 2 * H + k];
        const g = a![at + 3 * H + k];
        const written = f32(i * g);
        const cell = t === 0 ? written : f32(f32(f * c![prev * H + k]) + written);
        c![row * H + k] = cell;
        h[row * H + k] = o * f32(Math.tanh(cell));
      }
    }
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
  product: Product = matMulInto,
) {
  const { length, batch, hidden: H } = sizes;
  const n = gateBlocks(kind) * H;
  const { h, a, c } = saved;
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
        const tc = f32(Math.tanh(c![row * H + k]));
        const fromH = f32(dhk * f32(o * f32(1 - f32(tc * tc))));
        const dcT = t === length - 1 ? fromH : f32(dc[b * H + k] + fromH);
        const df = t > 0 ? f32(dcT * c![prev * H + k]) : 0;
        dz[at + k] = df * f32(f * f32(1 - f));
        dz[at + H + k] = f32(dcT * g) * f32(i * f32(1 - i));
        dz[at + 2 * H + k] = f32(dhk * tc) * f32(o * f32(1 - o));
        dz[at + 3 * H + k] = f32(dcT * i) * f32(1 - f32(g * g));
        dc[b * H + k] = dcT * f;
      }
    }
    // ∂L/∂h_{t−1} = ∂L/∂z_t Uᵀ.
    if (t > 0) product(batch, n, H, rowsOf(dz, t * batch * n, n), transposed, dh, (t - 1) * batch * H);
  }
  // ∂L/∂U = Σ_{t ≥ 1} h_{t−1}ᵀ ∂L/∂z_t: one product of the stacked states (transposed) and gradients.
  product(H, (length - 1) * batch, n, { data: h, at: 0, rowStride: 1, colStride: H }, rowsOf(dz, batch * n, n), du, 0);
}
