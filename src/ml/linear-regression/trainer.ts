/**
 * Linear regression trained by full-batch gradient descent in tfjs. The gradient is the hand-derived one
 * that the lesson prints (tested against tfjs autodiff); tfjs's SGD optimizer applies it.
 */
import * as tf from '@tensorflow/tfjs';
import { closedForm, criticalLearningRate, lossGrid, makeLinearData, mse, type LinearRegressionInfo } from './math';
import type { ModelFactory } from '../tfjs/trainable';
import { LINEAR_REGRESSION, type LinearRegressionParams } from './contract';

export const GRID_SIZE = 96;

export const createLinearRegression: ModelFactory<LinearRegressionParams> = (params, seed) => {
  const data = makeLinearData(params.n, params.noise, seed);
  const x = tf.tensor1d(data.x);
  const y = tf.tensor1d(data.y);
  // Inside tidy so the initial scalars are freed; variables survive it.
  const [b0, b1] = tf.tidy(() => [tf.variable(tf.scalar(0)), tf.variable(tf.scalar(0))]);
  const optimizer = tf.train.sgd(params.lr);
  const best = closedForm(data);
  const info: LinearRegressionInfo = {
    x: data.x,
    y: data.y,
    closedForm: best,
    minLoss: mse(data, best),
    criticalLr: criticalLearningRate(data),
    grid: lossGrid(data, GRID_SIZE, GRID_SIZE),
  };

  return {
    traceNames: LINEAR_REGRESSION.trace,
    initialTrace: [0, 0],
    info,
    step() {
      const gradsAndLoss = tf.tidy(() => {
        const residual = tf.sub(tf.add(b0, tf.mul(b1, x)), y);
        const loss = tf.mean(tf.square(residual));
        const g0 = tf.mul(2, tf.mean(residual));
        const g1 = tf.mul(2, tf.mean(tf.mul(x, residual)));
        return { loss, g0, g1 };
      });
      optimizer.applyGradients([
        { name: b0.name, tensor: gradsAndLoss.g0 },
        { name: b1.name, tensor: gradsAndLoss.g1 },
      ]);
      const record = tf.tidy(() => tf.stack([gradsAndLoss.loss, b0, b1]) as tf.Tensor1D);
      tf.dispose([gradsAndLoss.loss, gradsAndLoss.g0, gradsAndLoss.g1]);
      return record;
    },
    setLive(next) {
      if (next.lr !== undefined) optimizer.setLearningRate(next.lr);
    },
    dispose() {
      tf.dispose([x, y, b0, b1]);
      optimizer.dispose();
    },
  };
};
