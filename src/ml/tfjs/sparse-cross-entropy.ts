/**
 * Mean cross-entropy (nats) of logits [N, V] against class ids [N], with the gradient (softmax − one-hot) / N
 * from the probabilities the forward pass already made. tf.losses.softmaxCrossEntropy needs a float one-hot
 * [N, V] and evaluates exp over the logits three times (value, then its gradient); with a language model's
 * vocabulary of thousands of characters that was the largest single cost of a training step on wasm.
 */
import * as tf from '@tensorflow/tfjs';

const crossEntropy = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [logits, labels, save] = args as [tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  const [n, classes] = logits.shape;
  const shifted = tf.sub(logits, tf.max(logits, -1, true));
  const exp = tf.exp(shifted);
  const total = tf.sum(exp, -1, true);
  const probabilities = tf.div(exp, total);
  // log p(label) = shifted[label] − log Σ exp, read at each row's label in the flattened logits.
  const at = tf.cast(tf.add(tf.mul(tf.range(0, n, 1, 'int32'), classes), tf.cast(labels, 'int32')), 'int32');
  const picked = tf.gather(tf.reshape(shifted, [-1]), at);
  const value = tf.mean(tf.sub(tf.reshape(tf.log(total), [-1]), picked));
  save([probabilities, labels]);
  return {
    value,
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [p, ids] = saved;
      dy = dy as tf.Tensor;
      // tf.oneHot as float32 gives wrong values on wasm: one-hot as int32, then cast.
      const oneHot = tf.cast(tf.oneHot(tf.cast(ids, 'int32') as tf.Tensor1D, classes), 'float32');
      return [tf.mul(tf.sub(p, oneHot), tf.div(dy, n)), tf.zerosLike(ids)];
    },
  };
}) as (logits: tf.Tensor, labels: tf.Tensor) => tf.Scalar;

export function sparseSoftmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  if (labels.dtype !== 'int32') throw new Error('sparseSoftmaxCrossEntropy: labels must be int32 class ids');
  return crossEntropy(logits, labels);
}
