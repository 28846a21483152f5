/**
 * The same linear model ŷ = w₁x₁ + w₂x₂ + b trained by full-batch gradient descent twice at once, with the
 * same learning rate: on the raw features (run 0) and on scaled ones (run 1, standardized or min–max). The
 * two runs are one batched tensor [2, n, 3], so a step is a handful of kernels for both.
 *
 * A run whose next update would take its loss past the divergence limit (10⁴ × the start, or not finite)
 * keeps its last parameters and is marked out, so the other run goes on; the run as a whole stops when both
 * are out. Each step records, per run, the loss measured before its update, θ after it, and the out flag.
 */
import * as tf from '@tensorflow/tfjs';
import { EXPLOSION_FACTOR } from '../shared/divergence';
import {
  conditioning,
  leastSquares,
  makeNormalizationData,
  moments,
  mse,
  nearOptimumLoss,
  scaleProblem,
  squareWindow,
  startTheta,
} from './math';
import type { ModelFactory } from '../tfjs/trainable';
import { NORMALIZATION, type NormalizationInfo, type NormalizationParams, type NormalizationRunInfo } from './contract';

export const createNormalization: ModelFactory<NormalizationParams> = (params, seed) => {
  const data = makeNormalizationData(seed, params.noise, params.outlier);
  const scaling = params.scaling;
  const problems = [scaleProblem(data, 'raw'), scaleProblem(data, scaling)];
  const n = data.y.length;

  const runs = problems.map((p): NormalizationRunInfo => {
    const best = leastSquares(p);
    const start = startTheta(p);
    return {
      scaling: p.scaling,
      fit: p.fit,
      moments: moments(p),
      start,
      best,
      minLoss: mse(p, best),
      conditioning: conditioning(p),
      window: squareWindow([start[0], start[1]], [best[0], best[1]]),
    };
  }) as [NormalizationRunInfo, NormalizationRunInfo];
  const startLoss = mse(problems[0], runs[0].start);
  const minLoss = runs[0].minLoss;
  const divergeLimit = EXPLOSION_FACTOR * Math.max(startLoss, 1);
  const features = Object.fromEntries(
    (['raw', 'standardize', 'minmax'] as const).map((s) => {
      const p = s === scaling ? problems[1] : scaleProblem(data, s);
      return [s, [Float32Array.from(p.x1), Float32Array.from(p.x2)]];
    }),
  ) as NormalizationInfo['features'];
  const info: NormalizationInfo = {
    n,
    outlier: params.outlier,
    outlierIndex: data.outlierIndex,
    features,
    runs,
    startLoss,
    nearOptimum: nearOptimumLoss(minLoss, startLoss),
    divergeLimit,
  };

  // Rows (x₁, x₂, 1) of each run's design matrix, and the target, for both runs: [2, n, 3] and [2, n, 1].
  const design = new Float32Array(2 * n * 3);
  problems.forEach((p, k) => {
    for (let i = 0; i < n; i++) design.set([p.x1[i], p.x2[i], 1], (k * n + i) * 3);
  });
  const A = tf.tensor3d(design, [2, n, 3]);
  const Y = tf.tidy(() => tf.tile(tf.reshape(tf.tensor1d(Float32Array.from(data.y)), [1, n, 1]), [2, 1, 1]));
  // Inside tidy so the initial tensors are freed; variables survive it.
  const { theta, out } = tf.tidy(() => ({
    theta: tf.variable(tf.tensor3d([...runs[0].start, ...runs[1].start], [2, 3, 1])),
    out: tf.variable(tf.zeros([2])),
  }));
  const limit = tf.scalar(divergeLimit);
  let lr = tf.scalar(params.lr);

  return {
    traceNames: NORMALIZATION.trace,
    initialTrace: [startLoss, startLoss, ...runs[0].start, ...runs[1].start, 0, 0],
    info,
    step() {
      return tf.tidy(() => {
        const residual = tf.sub(tf.matMul(A, theta), Y);
        const loss = tf.mean(tf.square(residual), [1, 2]);
        // ∇L = (2/n) Aᵀr for each run at once.
        const gradient = tf.mul(2 / n, tf.matMul(A, residual, true, false));
        const candidate = tf.sub(theta, tf.mul(lr, gradient));
        const nextLoss = tf.mean(tf.square(tf.sub(tf.matMul(A, candidate), Y)), [1, 2]);
        const accepted = tf.logicalAnd(tf.isFinite(nextLoss), tf.lessEqual(nextLoss, limit));
        const nowOut = tf.maximum(out, tf.sub(1, tf.cast(accepted, 'float32')));
        const next = tf.where(tf.cast(tf.reshape(nowOut, [2, 1, 1]), 'bool'), theta, candidate) as tf.Tensor3D;
        // The run's own loss: the best of the runs still going before this step (∞ once both are out).
        const runLoss = tf.min(tf.where(tf.cast(out, 'bool'), tf.fill([2], Infinity), loss));
        theta.assign(next);
        out.assign(nowOut);
        return tf.concat([tf.reshape(runLoss, [1]), loss, tf.reshape(next, [6]), nowOut]) as tf.Tensor1D;
      });
    },
    setLive(next) {
      if (next.lr === undefined) return;
      lr.dispose();
      lr = tf.scalar(next.lr);
    },
    dispose() {
      tf.dispose([A, Y, theta, out, limit, lr]);
    },
  };
};
