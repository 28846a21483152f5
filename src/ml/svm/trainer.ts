/**
 * The soft-margin SVM trained by full-batch subgradient descent in tfjs (the subgradient of svm.ts, applied
 * by tfjs's SGD). C is live: λ = 1/(nC) changes on the next step. Each step records J and the training
 * accuracy measured before its update, then the weights and bias after it.
 */
import * as tf from '@tensorflow/tfjs';
import { pointsFor } from '../shared/classification-data';
import { featureMatrix, lambdaFor, linearFeatures, randomFourierFeatures, signedLabel } from './math';
import type { ModelFactory } from '../tfjs/trainable';
import { SVM, type SvmInfo, type SvmParams } from './contract';

export const createSvm: ModelFactory<SvmParams> = (params, seed, data) => {
  const points = pointsFor(params, seed, data);
  const n = points.x1.length;
  const map = params.kernel === 'rbf' ? randomFourierFeatures(params.gamma, seed) : linearFeatures();
  const d = map.dimension;
  const Z = tf.tensor2d(featureMatrix(map, points), [n, d]);
  const y = tf.tensor1d(Float32Array.from(points.label, signedLabel));
  const { w, b } = tf.tidy(() => ({ w: tf.variable(tf.zeros([d])), b: tf.variable(tf.scalar(0)) }));
  const optimizer = tf.train.sgd(params.lr);
  let lambda = tf.scalar(lambdaFor(n, params.C));

  return {
    traceNames: [...SVM.trace, ...Array.from({ length: d }, (_, k) => `w${k + 1}`)],
    initialTrace: [0, 0, ...new Array(d).fill(0)],
    info: { points, features: map } satisfies SvmInfo,
    step() {
      const { loss, acc, gw, gb } = tf.tidy(() => {
        const f = tf.add(tf.squeeze(tf.matMul(Z, tf.reshape(w, [d, 1])), [1]), b);
        const margins = tf.mul(y, f);
        const loss = tf.add(tf.mul(tf.div(lambda, 2), tf.sum(tf.square(w))), tf.mean(tf.relu(tf.sub(1, margins))));
        // Points inside the margin push; the others are beyond the hinge and do not.
        const pushing = tf.mul(tf.cast(tf.less(margins, 1), 'float32'), y);
        const gw = tf.sub(tf.mul(lambda, w), tf.div(tf.squeeze(tf.matMul(tf.reshape(pushing, [1, n]), Z), [0]), n));
        const gb = tf.neg(tf.mean(pushing));
        const acc = tf.mean(tf.cast(tf.greater(margins, 0), 'float32'));
        return { loss, acc, gw, gb };
      });
      optimizer.applyGradients([
        { name: w.name, tensor: gw },
        { name: b.name, tensor: gb },
      ]);
      const record = tf.tidy(() => tf.concat([tf.reshape(loss, [1]), tf.reshape(acc, [1]), tf.reshape(b, [1]), w]) as tf.Tensor1D);
      tf.dispose([loss, acc, gw, gb]);
      return record;
    },
    setLive(next) {
      if (next.lr !== undefined) optimizer.setLearningRate(next.lr);
      if (next.C !== undefined) {
        lambda.dispose();
        lambda = tf.scalar(lambdaFor(n, next.C));
      }
    },
    dispose() {
      tf.dispose([Z, y, w, b, lambda]);
      optimizer.dispose();
    },
  };
};
