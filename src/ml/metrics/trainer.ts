/**
 * The metrics widget's classifier: logistic regression on the training part, full-batch gradient descent with
 * the hand-derived gradient of the mean log-loss (as in logistic-regression/trainer.ts), applied by tfjs's SGD.
 * Each step records the training loss and the evaluation part's log-loss, both measured before its update,
 * and the weights after it. The widget computes every threshold metric from those weights on the main thread.
 */
import * as tf from '@tensorflow/tfjs';
import { logisticGradients, meanLogLoss } from '../tfjs/logistic-ops';
import { logLoss } from '../logistic-regression/math';
import type { Points2D } from '../shared/classification-data';
import { makeMetricsData } from './data';
import type { ModelFactory } from '../tfjs/trainable';
import { METRICS, type MetricsInfo, type MetricsParams } from './contract';

function features(points: Points2D): tf.Tensor2D {
  const n = points.x1.length;
  const flat = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    flat[2 * i] = points.x1[i];
    flat[2 * i + 1] = points.x2[i];
  }
  return tf.tensor2d(flat, [n, 2]);
}

export const createMetrics: ModelFactory<MetricsParams> = (params, seed) => {
  const { train, evaluation } = makeMetricsData(params.positives, params.separation, seed);
  const X = features(train);
  const y = tf.tensor1d(Float32Array.from(train.label));
  const Xe = features(evaluation);
  const ye = tf.tensor1d(Float32Array.from(evaluation.label));
  const { w, b } = tf.tidy(() => ({ w: tf.variable(tf.zeros([2])), b: tf.variable(tf.scalar(0)) }));
  const optimizer = tf.train.sgd(params.lr);
  const zero = { w1: 0, w2: 0, b: 0 };

  return {
    traceNames: METRICS.trace,
    initialTrace: [0, 0, 0, logLoss(evaluation, zero)],
    info: { train, evaluation } satisfies MetricsInfo,
    step() {
      const { loss, evalLoss, gw, gb } = tf.tidy(() => {
        const column = tf.reshape(w, [2, 1]);
        const z = tf.add(tf.squeeze(tf.matMul(X, column), [1]), b) as tf.Tensor1D;
        const ze = tf.add(tf.squeeze(tf.matMul(Xe, column), [1]), b) as tf.Tensor1D;
        return { loss: meanLogLoss(z, y), evalLoss: meanLogLoss(ze, ye), ...logisticGradients(X, z, y) };
      });
      optimizer.applyGradients([
        { name: w.name, tensor: gw },
        { name: b.name, tensor: gb },
      ]);
      const record = tf.tidy(() => tf.concat([tf.reshape(loss, [1]), w, tf.reshape(b, [1]), tf.reshape(evalLoss, [1])]) as tf.Tensor1D);
      tf.dispose([loss, evalLoss, gw, gb]);
      return record;
    },
    setLive(next) {
      if (next.lr !== undefined) optimizer.setLearningRate(next.lr);
    },
    dispose() {
      tf.dispose([X, y, Xe, ye, w, b]);
      optimizer.dispose();
    },
  };
};
