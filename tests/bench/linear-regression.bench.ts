/**
 * Steps per second of the linear-regression trainer in Node, on tfjs's cpu and wasm backends, against the
 * autodiff alternative (optimizer.minimize) that the hand-written gradient replaces.
 */
import * as tf from '@tensorflow/tfjs';
import { bench, describe } from 'vitest';
import { makeLinearData } from '../../src/ml/linear-regression/math';
import { createLinearRegression } from '../../src/ml/linear-regression/trainer';
import { LINEAR_REGRESSION_PARAMS } from '../../src/ml/linear-regression/contract';
import { defaults } from '../../src/state/params';
import { BACKENDS, trainSteps, useBackend } from './backends';

const PARAMS = { ...defaults(LINEAR_REGRESSION_PARAMS), lr: 0.05, noise: 0.5, n: 40 };
const STEPS = 100;

function handWritten() {
  trainSteps(createLinearRegression, PARAMS, STEPS);
}

function autodiff() {
  const data = makeLinearData(PARAMS.n, PARAMS.noise, 1);
  const x = tf.tensor1d(data.x);
  const y = tf.tensor1d(data.y);
  const [b0, b1] = tf.tidy(() => [tf.variable(tf.scalar(0)), tf.variable(tf.scalar(0))]);
  const optimizer = tf.train.sgd(PARAMS.lr);
  const losses: tf.Scalar[] = [];
  for (let i = 0; i < STEPS; i++) {
    losses.push(optimizer.minimize(() => tf.mean(tf.square(tf.sub(tf.add(b0, tf.mul(b1, x)), y))), true)!);
  }
  const stacked = tf.stack(losses);
  stacked.dataSync();
  tf.dispose([stacked, ...losses, x, y, b0, b1]);
  optimizer.dispose();
}

for (const backend of BACKENDS) {
  describe(`linear regression, ${STEPS} steps, ${backend}`, () => {
    const setup = useBackend(backend);
    bench('hand-written gradient + SGD (the widget)', handWritten, { setup, time: 1000 });
    bench('optimizer.minimize (autodiff)', autodiff, { setup, time: 1000 });
  });
}
