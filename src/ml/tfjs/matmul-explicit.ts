/**
 * matMul whose gradient transposes explicitly. tfjs's own gradient of C = A·B computes dA = dC·Bᵀ and
 * dB = Aᵀ·dC with matMul's transpose flags, and wasm's batched matMul is about ten times slower with a flag
 * set than on operands already laid out (measured on the tiny transformer). Transposing first costs a copy
 * and wins that back many times over. Same values as tf.matMul, same gradient; rank 2 or rank 4 (a batch of
 * heads) operands of equal rank.
 */
import * as tf from '@tensorflow/tfjs';

function swapLastTwo<T extends tf.Tensor>(t: T): T {
  return t.rank === 2 ? (tf.transpose(t) as T) : (tf.transpose(t, [0, 1, 3, 2]) as T);
}

const product = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [a, b, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [left, right] = saved;
      dy = dy as tf.Tensor;
      return [tf.matMul(dy, swapLastTwo(right)), tf.matMul(swapLastTwo(left), dy)];
    },
  };
}) as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;

export function matMul<T extends tf.Tensor2D | tf.Tensor4D>(a: T, b: tf.Tensor): T {
  if (a.rank !== b.rank || (a.rank !== 2 && a.rank !== 4)) throw new Error(`matMul: ranks ${a.rank} and ${b.rank} are not supported`);
  return product(a, b) as T;
}

/** A·Bᵀ with B transposed explicitly first (the attention scores Q·Kᵀ), for the same reason. */
export function matMulTransposed<T extends tf.Tensor2D | tf.Tensor4D>(a: T, b: tf.Tensor): T {
  return matMul(a, swapLastTwo(b));
}
