/**
 * Logistic regression's loss and gradient as tfjs ops, shared by the trainers that fit w·x + b with a sigmoid
 * (logistic regression, the metrics widget's classifier) and by the MLP's cross-entropy. Run inside a tidy.
 */
import * as tf from '@tensorflow/tfjs';

/** max(z, 0) − z·y + ln(1 + e^(−|z|)) averaged: the mean log-loss of logits z, written so it never overflows. */
export function meanLogLoss(z: tf.Tensor1D, y: tf.Tensor1D): tf.Scalar {
  return tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))));
}

/** ∂L/∂w = (1/n) Σ (σ(zᵢ) − yᵢ) xᵢ and ∂L/∂b = (1/n) Σ (σ(zᵢ) − yᵢ), for the n rows of X. */
export function logisticGradients(X: tf.Tensor2D, z: tf.Tensor1D, y: tf.Tensor1D) {
  const n = X.shape[0];
  const error = tf.sub(tf.sigmoid(z), y);
  return { gw: tf.div(tf.squeeze(tf.matMul(tf.reshape(error, [1, n]), X), [0]), n) as tf.Tensor1D, gb: tf.mean(error) as tf.Scalar };
}
