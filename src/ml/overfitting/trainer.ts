/**
 * A polynomial ŷ = b + Σₖ wₖ xᵏ fitted by Adam to a dozen noisy points, with the validation loss and the
 * expected loss on new data measured at every step. θ = [b, w₁, …, w_d] is one tfjs variable; the gradient
 * is written by hand (the formulas of math.ts, tested against them and against finite differences) and
 * applied by tfjs's Adam.
 *
 * Training points, validation points and the quadrature nodes of the new-data loss (expected-error.ts, their
 * targets sin(πx) without noise) sit in one matrix, so one product gives every residual, one more the three
 * weighted mean squares and one more the gradient (its matrix has zeros outside the training points: the
 * rest is measured, never trained on). The new-data loss adds σ², the noise no fit can predict.
 *
 * Each step records, all measured before its update (so a record describes one model):
 * [objective = training MSE + penalty, training MSE, validation MSE, new-data MSE, b, w₁, …, w_d].
 */
import * as tf from '@tensorflow/tfjs';
import { makeOverfittingData, powerFeatures, type Dataset1D, type OverfittingInfo, type PenaltyKind } from './math';
import { NEW_DATA_RULE } from './expected-error';
import { disposeOptimizer, setLearningRate } from '../tfjs/optimizer-handling';
import type { ModelFactory } from '../tfjs/trainable';
import { OVERFITTING, type OverfittingParams } from './contract';

export const createOverfitting: ModelFactory<OverfittingParams> = (params, seed) => {
  const degree = params.degree;
  const size = degree + 1;
  const data = makeOverfittingData(params.n, params.noise, seed, params.unluckyValidation);
  const { design, targets, measure, gradientMatrix, total, rows: groups } = measurementRows(data.train, data.validation, degree);
  const A = tf.tensor2d(design, [total, size]);
  const Y = tf.tensor2d(targets, [total, 1]);
  /**
   * Row 0 averages the training points' squared residuals, row 1 the validation points', row 2 weighs the
   * quadrature nodes' (the new-data mean square without its noise).
   */
  const M = tf.tensor2d(measure, [groups, total]);
  /** What each row of M leaves out: σ² for new data, whose targets are the noiseless curve. */
  const noiseFloor = tf.tensor2d([0, 0, params.noise ** 2], [groups, 1]);
  /** (2/n)·[1, x, …, x^d]ᵀ over the training points, 0 over the other rows. */
  const G = tf.tensor2d(gradientMatrix, [size, total]);
  const theta = tf.tidy(() => tf.variable(tf.zeros([size, 1])));

  let kind: PenaltyKind = params.penalty;
  let lambda = params.lambda;
  /** λ·D with D = diag(0, 1, …, 1): the penalty's weights per parameter, 0 for the bias. */
  let maskedLambda = makeMask(size, lambda);
  const optimizer = tf.train.adam(params.lr);

  const measured = (residuals: tf.Tensor) => tf.reshape(tf.add(tf.matMul(M, tf.square(residuals)), noiseFloor), [groups]);
  const initialTrace = tf.tidy(() => [...tf.concat([measured(tf.sub(tf.matMul(A, theta), Y)), tf.reshape(theta, [size])]).dataSync()]);

  return {
    traceNames: [...OVERFITTING.trace, ...Array.from({ length: degree }, (_, k) => `w${k + 1}`)],
    initialTrace,
    info: { ...data, degree } satisfies OverfittingInfo,
    step() {
      const { record, gradient } = tf.tidy(() => {
        const residuals = tf.sub(tf.matMul(A, theta), Y);
        const mses = measured(residuals);
        let gradient = tf.matMul(G, residuals);
        let penalty: tf.Tensor = tf.zeros([1, 1]);
        if (kind === 'l2') {
          // λΣwₖ² = θᵀ(λD)θ, gradient 2λDθ.
          const weighted = tf.mul(theta, maskedLambda);
          penalty = tf.matMul(theta, weighted, true, false);
          gradient = tf.add(gradient, tf.mul(weighted, 2));
        } else if (kind === 'l1') {
          // λΣ|wₖ| = sign(θ)ᵀ(λD)θ, subgradient λD·sign(θ).
          const direction = tf.mul(tf.sign(theta), maskedLambda);
          penalty = tf.matMul(direction, theta, true, false);
          gradient = tf.add(gradient, direction);
        }
        const loss = tf.add(tf.slice(mses, [0], [1]), tf.reshape(penalty, [1]));
        const record = tf.concat([loss, mses, tf.reshape(theta, [size])]) as tf.Tensor1D;
        return { record, gradient };
      });
      optimizer.applyGradients([{ name: theta.name, tensor: gradient }]);
      gradient.dispose();
      return record;
    },
    setLive(next) {
      if (next.lr !== undefined) setLearningRate(optimizer, next.lr);
      if (next.penalty !== undefined) kind = next.penalty;
      if (next.lambda !== undefined && next.lambda !== lambda) {
        lambda = next.lambda;
        maskedLambda.dispose();
        maskedLambda = makeMask(size, lambda);
      }
    },
    dispose() {
      tf.dispose([A, Y, M, noiseFloor, G, theta, maskedLambda]);
      disposeOptimizer(optimizer);
    },
  };
};

function makeMask(size: number, lambda: number): tf.Tensor2D {
  const values = new Float32Array(size).fill(lambda);
  values[0] = 0;
  return tf.tensor2d(values, [size, 1]);
}

/**
 * The rows of every matrix the trainer multiplies by: training points, validation points, then the
 * quadrature nodes of the new-data loss, each group weighted so that a row of `measure` averages its
 * squared residuals; `gradientMatrix` is (2/n)·[1, x, …, x^d]ᵀ on the training rows only.
 */
function measurementRows(train: Dataset1D, validation: Dataset1D, degree: number) {
  const size = degree + 1;
  const n = train.x.length;
  const groups: { set: Dataset1D; weight: (i: number) => number }[] = [
    { set: train, weight: () => 1 / n },
    { set: validation, weight: () => 1 / validation.x.length },
    { set: { x: NEW_DATA_RULE.x, y: NEW_DATA_RULE.truth }, weight: (i) => NEW_DATA_RULE.weight[i] },
  ];
  const total = groups.reduce((sum, g) => sum + g.set.x.length, 0);
  const design = new Float32Array(total * size);
  const targets = new Float32Array(total);
  const measure = new Float32Array(groups.length * total);
  const gradientMatrix = new Float32Array(size * total);
  let row = 0;
  groups.forEach(({ set, weight }, g) => {
    const features = powerFeatures(set.x, degree);
    for (let i = 0; i < set.x.length; i++, row++) {
      design[row * size] = 1;
      for (let k = 1; k < size; k++) design[row * size + k] = features[i * degree + k - 1];
      targets[row] = set.y[i];
      measure[g * total + row] = weight(i);
      if (g === 0) for (let k = 0; k < size; k++) gradientMatrix[k * total + row] = (2 / n) * design[row * size + k];
    }
  });
  return { design, targets, measure, gradientMatrix, total, rows: groups.length };
}
