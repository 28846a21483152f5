/** Gradient descent on c with the hand-derived gradient of math.ts, applied by tfjs's SGD optimizer. */
import * as tf from '@tensorflow/tfjs';
import type { ModelFactory } from '../tfjs/trainable';
import { CONSTANT_FIT, type ConstantFitInfo, type ConstantFitParams } from './contract';
import { loss, makeData, mean } from './math';

export const createConstantFit: ModelFactory<ConstantFitParams> = (params, seed) => {
  const data = makeData(params.n, params.noise, seed);
  const y = tf.tensor1d(data);
  const c = tf.tidy(() => tf.variable(tf.scalar(0)));
  const optimizer = tf.train.sgd(params.lr);
  const best = mean(data);
  const info: ConstantFitInfo = { y: data, best, minLoss: loss(data, best) };

  return {
    traceNames: CONSTANT_FIT.trace,
    initialTrace: [0],
    info,
    step() {
      const { value, grad } = tf.tidy(() => {
        const residual = tf.sub(c, y);
        return { value: tf.mean(tf.square(residual)), grad: tf.mul(2, tf.mean(residual)) };
      });
      optimizer.applyGradients([{ name: c.name, tensor: grad }]);
      const record = tf.tidy(() => tf.stack([value, c]) as tf.Tensor1D);
      tf.dispose([value, grad]);
      return record;
    },
    setLive(next) {
      if (next.lr !== undefined) optimizer.setLearningRate(next.lr);
    },
    dispose() {
      tf.dispose([y, c]);
      optimizer.dispose();
    },
  };
};
