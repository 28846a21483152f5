/**
 * Steps per second of each lesson 02–05 trainer (and lesson 14's) in Node, on tfjs's cpu and wasm backends: 100 steps with
 * one read-back, as the training worker runs them. (The browser figures, drawing included, come from
 * scripts/bench-browser.mjs.) For logistic regression the hand-written gradient is compared with
 * optimizer.minimize, as for linear regression.
 */
import * as tf from '@tensorflow/tfjs';
import { bench, describe } from 'vitest';
import { makePreset } from '../../src/ml/shared/classification-data';
import { createGdVariants } from '../../src/ml/gd-variants/trainer';
import { createLogisticRegression } from '../../src/ml/logistic-regression/trainer';
import { createOptimizerRace } from '../../src/ml/optimizer-race/trainer';
import { createSvm } from '../../src/ml/svm/trainer';
import { SURFACES } from '../../src/ml/optimizer-race/surfaces';
import { defaults } from '../../src/state/params';
import { GD_VARIANTS_PARAMS } from '../../src/ml/gd-variants/contract';
import { LOGISTIC_REGRESSION_PARAMS } from '../../src/ml/logistic-regression/contract';
import { OPTIMIZER_RACE_PARAMS } from '../../src/ml/optimizer-race/contract';
import { SVM_PARAMS } from '../../src/ml/svm/contract';
import { RECOMMENDER_PARAMS } from '../../src/ml/recommender/contract';
import { createRecommender } from '../../src/ml/recommender/trainer';
import { BACKENDS, trainSteps, useBackend } from './backends';

const STEPS = 100;
const options = (backend: (typeof BACKENDS)[number]) => ({ setup: useBackend(backend), time: 1000 });

/** Logistic regression by autodiff, for comparison with the trainer's hand-written gradient. */
function logisticByMinimize() {
  const points = makePreset('overlapping', 40, 1);
  const X = tf.tensor2d(Array.from(points.x1, (v, i) => [v, points.x2[i]]));
  const y = tf.tensor1d(Float32Array.from(points.label));
  const w = tf.variable(tf.zeros([2, 1]));
  const b = tf.variable(tf.scalar(0));
  const optimizer = tf.train.sgd(0.5);
  const losses: tf.Scalar[] = [];
  for (let i = 0; i < STEPS; i++) {
    losses.push(
      optimizer.minimize(() => {
        const z = tf.add(tf.squeeze(tf.matMul(X, w), [1]), b);
        return tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))));
      }, true)!,
    );
  }
  const stacked = tf.stack(losses);
  stacked.dataSync();
  tf.dispose([stacked, ...losses, X, y, w, b]);
  optimizer.dispose();
}

for (const backend of BACKENDS) {
  describe(`lessons 02–05 trainers, ${STEPS} steps, ${backend}`, () => {
    bench(
      'gd-variants (3 models: batch 200, mini-batch 8, 1)',
      () => trainSteps(createGdVariants, defaults(GD_VARIANTS_PARAMS), STEPS),
      options(backend),
    );
    bench(
      'optimizer-race, bowl, 4 racers',
      () => trainSteps(createOptimizerRace, defaults(OPTIMIZER_RACE_PARAMS), STEPS),
      options(backend),
    );
    bench(
      'optimizer-race, Rosenbrock, 4 racers',
      () => trainSteps(createOptimizerRace, { ...defaults(OPTIMIZER_RACE_PARAMS), surface: 'rosenbrock', ...SURFACES[1].preset }, STEPS),
      options(backend),
    );
    bench(
      'logistic regression, hand-written gradient (the widget)',
      () => trainSteps(createLogisticRegression, { ...defaults(LOGISTIC_REGRESSION_PARAMS), preset: 'overlapping' }, STEPS),
      options(backend),
    );
    bench('logistic regression, optimizer.minimize (autodiff)', logisticByMinimize, options(backend));
    bench('SVM, linear, 60 points', () => trainSteps(createSvm, defaults(SVM_PARAMS), STEPS), options(backend));
    bench(
      'SVM, RBF (256 random Fourier features), 60 points',
      () => trainSteps(createSvm, { ...defaults(SVM_PARAMS), kernel: 'rbf', preset: 'ring' }, STEPS),
      options(backend),
    );
    bench(
      'matrix factorization (lesson 14), 200 × 100, k 2, full batch',
      () => trainSteps(createRecommender, defaults(RECOMMENDER_PARAMS), STEPS),
      options(backend),
    );
  });
}
