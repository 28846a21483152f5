/**
 * A polynomial ŷ = b + Σₖ wₖ xᵏ fitted by Adam to a dozen noisy points, with the validation loss measured
 * at every step. θ = [b, w₁, …, w_d] is one tfjs variable; the gradient is written by hand (the formulas of
 * overfitting.ts, tested against them and against finite differences) and applied by tfjs's Adam.
 *
 * Training and validation points sit in one matrix, so one product gives every residual, one more both
 * mean squared errors and one more the gradient (its matrix has zeros for the validation points: they
 * are measured, never trained on).
 *
 * Each step records, all measured before its update (so a record describes one model):
 * [objective = training MSE + penalty, training MSE, validation MSE, b, w₁, …, w_d].
 */
import * as tf from '@tensorflow/tfjs';
import { makeOverfittingData, powerFeatures, type OverfittingInfo, type PenaltyKind } from './math';
import { disposeOptimizer, setLearningRate } from '../tfjs/optimizer-handling';
import type { ModelFactory } from '../tfjs/trainable';
import { OVERFITTING, type OverfittingParams } from './contract';

export const createOverfitting: ModelFactory<OverfittingParams> = (params, seed) => {
  const degree = params.degree;
  const size = degree + 1;
  const data = makeOverfittingData(params.n, params.noise, seed);
  const n = data.train.x.length;
  const nv = data.validation.x.length;
  const total = n + nv;

  const design = new Float32Array(total * size);
  const targets = new Float32Array(total);
  const measure = new Float32Array(2 * total);
  const gradientMatrix = new Float32Array(size * total);
  [data.train, data.validation].forEach((set, s) => {
    const features = powerFeatures(set.x, degree);
    for (let i = 0; i < set.x.length; i++) {
      const row = s === 0 ? i : n + i;
      design[row * size] = 1;
      for (let k = 1; k < size; k++) design[row * size + k] = features[i * degree + k - 1];
      targets[row] = set.y[i];
      measure[s * total + row] = 1 / set.x.length;
      if (s === 0) for (let k = 0; k < size; k++) gradientMatrix[k * total + row] = (2 / n) * design[row * size + k];
    }
  });
  const A = tf.tensor2d(design, [total, size]);
  const Y = tf.tensor2d(targets, [total, 1]);
  /** Row 0 averages the training points' squared residuals, row 1 the validation points'. */
  const M = tf.tensor2d(measure, [2, total]);
  /** (2/n)·[1, x, …, x^d]ᵀ over the training points, 0 over the validation points. */
  const G = tf.tensor2d(gradientMatrix, [size, total]);
  const theta = tf.tidy(() => tf.variable(tf.zeros([size, 1])));

  let kind: PenaltyKind = params.penalty;
  let lambda = params.lambda;
  /** λ·D with D = diag(0, 1, …, 1): the penalty's weights per parameter, 0 for the bias. */
  let maskedLambda = makeMask(size, lambda);
  const optimizer = tf.train.adam(params.lr);

  const initialTrace = tf.tidy(() => {
    const mses = tf.matMul(M, tf.square(tf.sub(tf.matMul(A, theta), Y)));
    return [...tf.concat([tf.reshape(mses, [2]), tf.reshape(theta, [size])]).dataSync()];
  });

  return {
    traceNames: [...OVERFITTING.trace, ...Array.from({ length: degree }, (_, k) => `w${k + 1}`)],
    initialTrace,
    info: { ...data, degree } satisfies OverfittingInfo,
    step() {
      const { record, gradient } = tf.tidy(() => {
        const residuals = tf.sub(tf.matMul(A, theta), Y);
        const mses = tf.matMul(M, tf.square(residuals));
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
        const loss = tf.add(tf.reshape(tf.slice(mses, [0, 0], [1, 1]), [1]), tf.reshape(penalty, [1]));
        const record = tf.concat([loss, tf.reshape(mses, [2]), tf.reshape(theta, [size])]) as tf.Tensor1D;
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
      tf.dispose([A, Y, M, G, theta, maskedLambda]);
      disposeOptimizer(optimizer);
    },
  };
};

function makeMask(size: number, lambda: number): tf.Tensor2D {
  const values = new Float32Array(size).fill(lambda);
  values[0] = 0;
  return tf.tensor2d(values, [size, 1]);
}
