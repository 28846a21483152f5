/**
 * Matrix factorization r̂ᵤᵢ = μ + bᵤ + bᵢ + pᵤ·qᵢ trained on the synthetic ratings table (data.ts) with the
 * loss of math.ts. The table is small (120 users × 60 films), so every step computes the whole prediction
 * matrix μ + b𝑢1ᵀ + 1bᵢᵀ + PQᵀ and masks it: one product gives every prediction, two more the gradients of P
 * and Q, and the same residuals give the training and held-out RMSE at no extra cost. The gradient is
 * written by hand (math.ts's formulas, tested against finite differences) and applied by tfjs's Adam or
 * plain gradient descent; or, with ALS, each step is one sweep of alternating least squares (math.ts).
 *
 * Full batch: every training rating each step. Mini-batch: 128 ratings a step, in a fresh shuffled order
 * each pass; the penalty's gradient is scaled so that a pass adds up to one full-batch gradient.
 *
 * Each step records, measured before its update: [loss (the full objective), training RMSE, held-out RMSE].
 * The state is [bᵤ, bᵢ, P, Q] (math.ts's layout), for the page's map and recommendations.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, gaussian, shuffleInPlace, type Rng } from '../shared/random';
import { disposeOptimizer, setLearningRate } from '../tfjs/optimizer-handling';
import type { ModelFactory, TrainableModel } from '../tfjs/trainable';
import { RECOMMENDER, type RecommenderInfo, type RecommenderParams } from './contract';
import { generateRatings, type RatingsTable } from './data';
import { alsSweep, baselines, type Baselines } from './math';

export const MINI_BATCH = 128;
/** The initial embeddings' spread: small, so the first steps learn the biases and the factors grow from there. */
export const INIT_SD = 0.1;

export const createRecommender: ModelFactory<RecommenderParams> = (params, seed) =>
  trainOnTable(generateRatings(seed, { noise: params.noise }), params, seed);

/** The model on a given table (the widget's, or a test's noiseless one). */
export function trainOnTable(table: RatingsTable, params: RecommenderParams, seed: number): TrainableModel<RecommenderParams> {
  const base = baselines(table);
  const { users, items } = table;
  const k = params.k;
  const { ratings, trainMask, testMask, trainCells } = denseTable(table);
  const cells = users * items;
  const n = trainCells.length;
  const nTest = table.rating.length - n;

  const rng = createRng((seed ^ 0x5bd1e995) >>> 0);
  const init = (m: number) => Float32Array.from({ length: m * k }, () => INIT_SD * gaussian(rng));
  const R = tf.tensor2d(ratings, [users, items]);
  const trainM = tf.tensor2d(trainMask, [users, items]);
  const testM = tf.tensor2d(testMask, [users, items]);
  const mu = tf.scalar(base.mu);
  // Made in tidy: a variable keeps its own copy, so the starting tensors are freed.
  const bu = tf.tidy(() => tf.variable(tf.zeros([users, 1])));
  const bi = tf.tidy(() => tf.variable(tf.zeros([1, items])));
  const P = tf.tidy(() => tf.variable(tf.tensor2d(init(users), [users, k])));
  const Q = tf.tidy(() => tf.variable(tf.tensor2d(init(items), [items, k])));

  let lambda = params.lambda;
  let batch = params.batch;
  const optimizer = params.optimizer === 'als' ? null : params.optimizer === 'adam' ? tf.train.adam(params.lr) : tf.train.sgd(params.lr);
  const nextBatch = miniBatches(trainCells, cells, rng, (mask) => tf.tensor2d(mask, [users, items]));

  /** Every residual r̂ − r (users × items, the cells without a rating included), and the squares summed over training and held-out cells. */
  const residuals = () => tf.sub(tf.add(tf.add(tf.add(mu, bu), bi), tf.matMul(P, Q, false, true)), R);
  const squares = (diff: tf.Tensor) => {
    const sq = tf.square(diff);
    return { trainSq: tf.sum(tf.mul(trainM, sq)), testSq: tf.sum(tf.mul(testM, sq)) };
  };

  /** The step's record, [loss, training RMSE, held-out RMSE], from the residuals before its update. */
  const measure = (diff: tf.Tensor): tf.Tensor1D => {
    const { trainSq, testSq } = squares(diff);
    const penalty = tf.addN([tf.sum(tf.square(bu)), tf.sum(tf.square(bi)), tf.sum(tf.square(P)), tf.sum(tf.square(Q))]);
    const loss = tf.div(tf.add(trainSq, tf.mul(penalty, lambda)), n);
    return tf.stack([loss, tf.sqrt(tf.div(trainSq, n)), tf.sqrt(tf.div(testSq, nTest))]) as tf.Tensor1D;
  };

  return {
    traceNames: RECOMMENDER.trace,
    initialTrace: tf.tidy(() => {
      const { trainSq, testSq } = squares(residuals());
      return [Math.sqrt(trainSq.dataSync()[0] / n), Math.sqrt(testSq.dataSync()[0] / nTest)];
    }),
    info: runInfo(table, base, k),
    step() {
      if (!optimizer) {
        const record = tf.tidy(() => measure(residuals()));
        alsStep({ bu, bi, P, Q }, table, base.mu, lambda);
        return record;
      }
      const mini = batch === 'mini' ? nextBatch() : null;
      const { record, grads } = tf.tidy(() => {
        const diff = residuals();
        const record = measure(diff);
        // ∂/∂θ of (1/b)Σ_batch e² + (λ/n)‖θ‖²: the batch's residuals, scaled 2/b, and the penalty 2λ/n.
        const size = mini ? mini.size : n;
        const E = tf.mul(tf.mul(mini ? mini.mask : trainM, diff), 2 / size);
        const shrink = (2 * lambda) / n;
        return { record, grads: gradients(E, shrink, { bu, bi, P, Q }) };
      });
      mini?.mask.dispose();
      optimizer.applyGradients(grads);
      tf.dispose(grads.map((g) => g.tensor));
      return record;
    },
    state() {
      return tf.tidy(
        () => tf.concat([tf.reshape(bu, [-1]), tf.reshape(bi, [-1]), tf.reshape(P, [-1]), tf.reshape(Q, [-1])]) as tf.Tensor1D,
      );
    },
    setLive(next) {
      if (next.lr !== undefined && optimizer) setLearningRate(optimizer, next.lr);
      if (next.lambda !== undefined) lambda = next.lambda;
      if (next.batch !== undefined) batch = next.batch;
    },
    dispose() {
      tf.dispose([R, trainM, testM, mu, bu, bi, P, Q]);
      if (optimizer) disposeOptimizer(optimizer);
    },
  };
}

/** The table as dense users × items arrays: the stars, 1 where a rating is trained on, 1 where it is held out. */
function denseTable(table: RatingsTable) {
  const cells = table.users * table.items;
  const ratings = new Float32Array(cells);
  const trainMask = new Float32Array(cells);
  const testMask = new Float32Array(cells);
  const trainCells: number[] = [];
  for (let j = 0; j < table.rating.length; j++) {
    const cell = table.user[j] * table.items + table.item[j];
    ratings[cell] = table.rating[j];
    if (table.heldOut[j]) testMask[cell] = 1;
    else {
      trainMask[cell] = 1;
      trainCells.push(cell);
    }
  }
  return { ratings, trainMask, testMask, trainCells };
}

/** The mask of each next mini-batch's MINI_BATCH cells: passes over the training cells, each in a fresh shuffled order. */
function miniBatches(trainCells: readonly number[], cells: number, rng: Rng, toTensor: (mask: Float32Array) => tf.Tensor2D) {
  let order: number[] = [];
  let at = 0;
  return (): { mask: tf.Tensor2D; size: number } => {
    const mask = new Float32Array(cells);
    for (let size = 0; size < MINI_BATCH; size++) {
      if (at >= order.length) {
        order = shuffleInPlace([...trainCells], rng);
        at = 0;
      }
      mask[order[at++]] = 1;
    }
    return { mask: toTensor(mask), size: MINI_BATCH };
  };
}

function runInfo(table: RatingsTable, base: Baselines, k: number): RecommenderInfo {
  const heldOutCount = table.heldOut.reduce((sum, h) => sum + h, 0);
  return {
    ...base,
    users: table.users,
    items: table.items,
    k,
    user: table.user,
    item: table.item,
    rating: table.rating,
    heldOut: table.heldOut,
    favourite: table.planted.favourite,
    trainCount: table.rating.length - heldOutCount,
    heldOutCount,
  };
}

/** ALS: one sweep over users then films, in plain numbers (math.ts), written back into the variables. */
function alsStep(v: { bu: tf.Variable; bi: tf.Variable; P: tf.Variable; Q: tf.Variable }, table: RatingsTable, mu: number, lambda: number) {
  const [users, k] = v.P.shape;
  const items = v.Q.shape[0];
  const read = (x: tf.Variable) => Float32Array.from(x.dataSync());
  const next = alsSweep({ k, users, items, mu, bu: read(v.bu), bi: read(v.bi), p: read(v.P), q: read(v.Q) }, table, lambda);
  tf.tidy(() => {
    v.bu.assign(tf.tensor2d(Float32Array.from(next.bu), [users, 1]));
    v.bi.assign(tf.tensor2d(Float32Array.from(next.bi), [1, items]));
    v.P.assign(tf.tensor2d(Float32Array.from(next.p), [users, k]));
    v.Q.assign(tf.tensor2d(Float32Array.from(next.q), [items, k]));
  });
}

/** The gradients from the scaled residuals E (2/b on the batch's cells, 0 elsewhere) and the penalty's factor. */
function gradients(E: tf.Tensor, shrink: number, v: { bu: tf.Variable; bi: tf.Variable; P: tf.Variable; Q: tf.Variable }) {
  return [
    { name: v.bu.name, tensor: tf.add(tf.sum(E, 1, true), tf.mul(v.bu, shrink)) },
    { name: v.bi.name, tensor: tf.add(tf.sum(E, 0, true), tf.mul(v.bi, shrink)) },
    { name: v.P.name, tensor: tf.add(tf.matMul(E, v.Q), tf.mul(v.P, shrink)) },
    { name: v.Q.name, tensor: tf.add(tf.matMul(E, v.P, true, false), tf.mul(v.Q, shrink)) },
  ];
}
