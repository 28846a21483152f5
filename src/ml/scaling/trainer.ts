/**
 * The scaling sweep: the network 2 → w → w → 1 (tanh, two hidden layers) trained by Adam on the
 * sweep's fixed data set (math.ts), one model per step, in the order of `sweepPlan`. A step builds the k-th
 * model (its initialization seeded by the run's seed, the model's width and its replicate), trains it for
 * `modelSteps` updates of Adam on batches of 128 points, measures its validation MSE after 1/8, 1/4, 1/2 and all of them, frees it, and returns
 * [final validation MSE, final training MSE, validation MSE at 1/8, 1/4, 1/2] — tensors, never read back
 * here. After the plan's last model a step trains nothing and repeats the last record (the page ignores it).
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, gaussian, shuffleInPlace } from '../shared/random';
import { disposeOptimizer } from '../tfjs/optimizer-handling';
import type { ModelFactory } from '../tfjs/trainable';
import { CHECKPOINTS, INPUTS, TRAIN_SIZE, batchSize, makeScalingData, sweepPlan, type PlannedModel } from './math';
import { SCALING, type ScalingParams } from './contract';
import type { ScalingInfo } from './info';

/** LeCun-normal weights (std 1/√fan-in, right for tanh), zero biases, from the model's own seed. */
function initialWeights(width: number, seed: number) {
  const rng = createRng(seed);
  const normal = (rows: number, cols: number) => Float32Array.from({ length: rows * cols }, () => gaussian(rng) / Math.sqrt(rows));
  // Inside tidy: the tensors the variables start from are freed, the variables are not.
  return tf.tidy(() => [
    tf.variable(tf.tensor2d(normal(INPUTS, width), [INPUTS, width])),
    tf.variable(tf.zeros([width])),
    tf.variable(tf.tensor2d(normal(width, width), [width, width])),
    tf.variable(tf.zeros([width])),
    tf.variable(tf.tensor2d(normal(width, 1), [width, 1])),
    tf.variable(tf.zeros([1])),
  ]);
}

/** The seed of one model's initialization: a run's seed gives every model of its plan a different one. */
export function modelSeed(runSeed: number, model: PlannedModel): number {
  return (runSeed * 1_000_003 + model.replicate * 7_919 + model.width * 131 + (model.series === 'data' ? 17 : 0)) >>> 0;
}

/** Which training points a model gets: all of them, or for the data series a subset drawn per replicate. */
export function trainingRows(runSeed: number, model: PlannedModel): Int32Array {
  const order = Int32Array.from({ length: TRAIN_SIZE }, (_, i) => i);
  shuffleInPlace(order, createRng(runSeed * 31 + model.replicate * 1_009 + 5));
  return order.slice(0, model.examples);
}

export const createScaling: ModelFactory<ScalingParams> = (params, seed) => {
  const plan = sweepPlan(params.seeds, params.dataSeries);
  const data = makeScalingData(seed);
  const trainX = tf.tensor2d(data.trainX, [TRAIN_SIZE, INPUTS]);
  const trainY = tf.tensor2d(data.trainY, [TRAIN_SIZE, 1]);
  const validationX = tf.tensor2d(data.validationX, [data.validationY.length, INPUTS]);
  const validationY = tf.tensor2d(data.validationY, [data.validationY.length, 1]);
  const modelSteps = params.modelSteps;
  const lr = params.lr;
  const checkpoints = CHECKPOINTS.slice(0, -1).map((f) => Math.round(f * modelSteps));
  let next = 0;
  let last: tf.Tensor1D | null = null;

  const forward = (w: tf.Variable[], x: tf.Tensor2D) => {
    const h1 = tf.tanh(tf.fused.matMul({ a: x, b: w[0] as tf.Tensor2D, bias: w[1] }));
    const h2 = tf.tanh(tf.fused.matMul({ a: h1, b: w[2] as tf.Tensor2D, bias: w[3] }));
    return tf.fused.matMul({ a: h2, b: w[4] as tf.Tensor2D, bias: w[5] });
  };
  const mse = (w: tf.Variable[], x: tf.Tensor2D, y: tf.Tensor2D) => tf.mean(tf.squaredDifference(forward(w, x), y)) as tf.Scalar;

  function trainOne(model: PlannedModel): tf.Tensor1D {
    const weights = initialWeights(model.width, modelSeed(seed, model));
    const rows = trainingRows(seed, model);
    const indices = tf.tensor1d(rows, 'int32');
    const x = tf.gather(trainX, indices) as tf.Tensor2D;
    const y = tf.gather(trainY, indices) as tf.Tensor2D;
    // Fixed batches of BATCH consecutive rows (the rows are in a random order already), used in turn.
    const size = batchSize(model.examples);
    const batches = Array.from({ length: Math.floor(model.examples / size) }, (_, b) => [
      tf.slice(x, [b * size, 0], [size, INPUTS]),
      tf.slice(y, [b * size, 0], [size, 1]),
    ]);
    const optimizer = tf.train.adam(lr);
    const measured: tf.Scalar[] = [];
    try {
      for (let t = 1; t <= modelSteps; t++) {
        const [bx, by] = batches[(t - 1) % batches.length];
        optimizer.minimize(() => mse(weights, bx as tf.Tensor2D, by as tf.Tensor2D), false, weights);
        if (checkpoints.includes(t)) measured.push(tf.tidy(() => mse(weights, validationX, validationY)));
      }
      return tf.tidy(() =>
        tf.concat([
          tf.reshape(mse(weights, validationX, validationY), [1]),
          tf.reshape(mse(weights, x, y), [1]),
          ...measured.map((m) => tf.reshape(m, [1])),
        ]),
      ) as tf.Tensor1D;
    } finally {
      tf.dispose([...weights, indices, x, y, ...batches.flat(), ...measured]);
      disposeOptimizer(optimizer);
    }
  }

  return {
    traceNames: [...SCALING.trace],
    initialTrace: SCALING.trace.map(() => 0),
    info: { models: plan.length } satisfies ScalingInfo,
    step() {
      if (next < plan.length) {
        const record = trainOne(plan[next++]);
        last?.dispose();
        last = tf.keep(record.clone());
        return record;
      }
      return last ? last.clone() : tf.zeros([1 + SCALING.trace.length]);
    },
    setLive() {},
    dispose() {
      tf.dispose([trainX, trainY, validationX, validationY]);
      last?.dispose();
      last = null;
    },
  };
};
