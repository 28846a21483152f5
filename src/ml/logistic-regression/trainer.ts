/**
 * Logistic regression trained by full-batch gradient descent in tfjs: the hand-derived gradient of the
 * mean log-loss (the one lesson 04 prints, tested against finite differences), applied by tfjs's SGD.
 * Each step records the loss and accuracy measured before its update and the weights after it.
 */
import * as tf from '@tensorflow/tfjs';
import { logisticGradients, meanLogLoss } from '../tfjs/logistic-ops';
import { pointsFor } from '../shared/classification-data';
import { accuracy } from './math';
import type { ModelFactory } from '../tfjs/trainable';
import { LOGISTIC_REGRESSION, type LogisticInfo, type LogisticRegressionParams } from './contract';

export const createLogisticRegression: ModelFactory<LogisticRegressionParams> = (params, seed, data) => {
  const points = pointsFor(params, seed, data);
  const n = points.x1.length;
  const features = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    features[2 * i] = points.x1[i];
    features[2 * i + 1] = points.x2[i];
  }
  const X = tf.tensor2d(features, [n, 2]);
  const y = tf.tensor1d(Float32Array.from(points.label));
  const { w, b } = tf.tidy(() => ({ w: tf.variable(tf.zeros([2])), b: tf.variable(tf.scalar(0)) }));
  const optimizer = tf.train.sgd(params.lr);

  return {
    traceNames: LOGISTIC_REGRESSION.trace,
    initialTrace: [0, 0, 0, accuracy(points, { w1: 0, w2: 0, b: 0 })],
    info: { points, custom: Boolean(data && data.length >= 6) } satisfies LogisticInfo,
    step() {
      const { loss, acc, gw, gb } = tf.tidy(() => {
        const z = tf.add(tf.squeeze(tf.matMul(X, tf.reshape(w, [2, 1])), [1]), b) as tf.Tensor1D;
        const acc = tf.mean(tf.cast(tf.equal(tf.cast(tf.greater(z, 0), 'float32'), y), 'float32'));
        return { loss: meanLogLoss(z, y), acc, ...logisticGradients(X, z, y) };
      });
      optimizer.applyGradients([
        { name: w.name, tensor: gw },
        { name: b.name, tensor: gb },
      ]);
      const record = tf.tidy(() => tf.concat([tf.reshape(loss, [1]), w, tf.reshape(b, [1]), tf.reshape(acc, [1])]) as tf.Tensor1D);
      tf.dispose([loss, acc, gw, gb]);
      return record;
    },
    setLive(next) {
      if (next.lr !== undefined) optimizer.setLearningRate(next.lr);
    },
    dispose() {
      tf.dispose([X, y, w, b]);
      optimizer.dispose();
    },
  };
};
