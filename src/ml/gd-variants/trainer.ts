/**
 * The same linear model trained three ways at once: batch (all n examples per step), mini-batch (B) and
 * stochastic (1) gradient descent, each with its own parameters and tfjs SGD optimizer, one update each per
 * step, all with the same learning rate η_t = η / (1 + k·t). Each step records, per variant, the MSE on all
 * n points measured before its update (so the three curves are comparable), the parameters after it, and
 * the milliseconds its own update took.
 */
import * as tf from '@tensorflow/tfjs';
import { BatchStream } from '../shared/batch-stream';
import { closedForm, criticalLearningRate, lossGrid, makeLinearData, mse, type Dataset1D } from '../linear-regression/math';
import type { ModelFactory } from '../tfjs/trainable';
import { GD_VARIANTS, GD_X_RANGE, VARIANTS, type GdVariantsInfo, type GdVariantsParams } from './contract';

const GRID_SIZE = 96;

/** The learning rate at step t (t = 0 for the first step). */
export function scheduledRate(lr: number, decay: number, t: number): number {
  return lr / (1 + decay * t);
}

interface Variant {
  b0: tf.Variable<tf.Rank.R0>;
  b1: tf.Variable<tf.Rank.R0>;
  optimizer: tf.SGDOptimizer;
  size: number;
  stream: BatchStream | null;
}

/** One update on the variant's next batch; returns the milliseconds it took (wasm and cpu run eagerly). */
function updateVariant(variant: Variant, x: tf.Tensor1D, y: tf.Tensor1D): number {
  const started = performance.now();
  const grads = tf.tidy(() => {
    let xb = x;
    let yb = y;
    if (variant.stream) {
      const indices = tf.tensor1d(variant.stream.next(variant.size), 'int32');
      xb = tf.gather(x, indices);
      yb = tf.gather(y, indices);
    }
    const residual = tf.sub(tf.add(variant.b0, tf.mul(variant.b1, xb)), yb);
    return { g0: tf.mul(2, tf.mean(residual)), g1: tf.mul(2, tf.mean(tf.mul(xb, residual))) };
  });
  variant.optimizer.applyGradients([
    { name: variant.b0.name, tensor: grads.g0 },
    { name: variant.b1.name, tensor: grads.g1 },
  ]);
  tf.dispose([grads.g0, grads.g1]);
  return performance.now() - started;
}

/** What the page draws once per run: the data, the batch sizes, the closed-form fit and the loss surface. */
function variantsInfo(data: Dataset1D, n: number, sizes: [number, number, number]): GdVariantsInfo {
  const best = closedForm(data);
  return {
    x: data.x,
    y: data.y,
    n,
    batchSizes: sizes,
    closedForm: best,
    minLoss: mse(data, best),
    criticalLr: criticalLearningRate(data),
    grid: lossGrid(data, GRID_SIZE, GRID_SIZE),
  };
}

export const createGdVariants: ModelFactory<GdVariantsParams> = (params, seed) => {
  const n = params.n;
  const data = makeLinearData(n, params.noise, seed, GD_X_RANGE);
  const x = tf.tensor1d(data.x);
  const y = tf.tensor1d(data.y);
  const sizes: [number, number, number] = [n, Math.min(params.batch, n), 1];
  let lr = params.lr;
  let decay = params.decay;
  let t = 0;
  const variants: Variant[] = sizes.map((size, i) => ({
    ...tf.tidy(() => ({ b0: tf.variable(tf.scalar(0)), b1: tf.variable(tf.scalar(0)) })),
    optimizer: tf.train.sgd(lr),
    size,
    // Each variant shuffles with its own stream, derived from the run's seed.
    stream: size < n ? new BatchStream(n, (seed * 31 + i + 1) >>> 0) : null,
  }));
  const info = variantsInfo(data, n, sizes);
  const update = (variant: Variant) => updateVariant(variant, x, y);

  return {
    traceNames: GD_VARIANTS.trace,
    initialTrace: [...VARIANTS.map(() => mse(data, { b0: 0, b1: 0 })), 0, 0, 0, 0, 0, 0, 0, 0, 0],
    info,
    step() {
      const rate = scheduledRate(lr, decay, t);
      if (decay > 0 || t === 0) for (const v of variants) v.optimizer.setLearningRate(rate);
      const losses = tf.tidy(() => variants.map((v) => tf.mean(tf.square(tf.sub(tf.add(v.b0, tf.mul(v.b1, x)), y)))));
      const ms = variants.map(update);
      t++;
      const record = tf.tidy(() => {
        const stacked = tf.stack(losses);
        // The run's own loss is the worst of the three, so any variant diverging stops the run.
        return tf.concat([
          tf.reshape(tf.max(stacked), [1]),
          stacked,
          tf.stack(variants.flatMap((v) => [v.b0, v.b1])),
          tf.tensor1d(ms),
        ]) as tf.Tensor1D;
      });
      tf.dispose(losses);
      return record;
    },
    setLive(next) {
      if (next.lr !== undefined) lr = next.lr;
      if (next.decay !== undefined) decay = next.decay;
      const rate = scheduledRate(lr, decay, t);
      for (const v of variants) v.optimizer.setLearningRate(rate);
    },
    dispose() {
      for (const v of variants) {
        tf.dispose([v.b0, v.b1]);
        v.optimizer.dispose();
      }
      tf.dispose([x, y]);
    },
  };
};
