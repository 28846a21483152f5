import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeRating, encodeRating, RECOMMENDER_PARAMS, type RecommenderInfo } from '../../src/ml/recommender/contract';
import { expectedStars, generateRatings, HELD_OUT_SHARE, PLANTED_RANK, USER_COUNT, type RatingsTable } from '../../src/ml/recommender/data';
import {
  alsSweep,
  baselines,
  BIAS_BASELINE_LAMBDA,
  factorsFromState,
  fitBiases,
  foldIn,
  lossAndGradient,
  mostPopular,
  principalAxes,
  project,
  ratingCounts,
  recommend,
  rmseOf,
  solveSpd,
  stateSize,
  trainMean,
  type Factors,
} from '../../src/ml/recommender/math';
import { GENRES, ITEM_COUNT, itemGenre, itemTitle } from '../../src/ml/recommender/titles';
import { createRecommender, trainOnTable } from '../../src/ml/recommender/trainer';
import { createRng, gaussian } from '../../src/ml/shared/random';
import { defaults } from '../../src/state/params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const DEFAULTS = defaults(RECOMMENDER_PARAMS);

function randomFactors(table: RatingsTable, k: number, seed: number): Factors {
  const rng = createRng(seed);
  const draw = (n: number) => Float64Array.from({ length: n }, () => 0.5 * gaussian(rng));
  return {
    k,
    users: table.users,
    items: table.items,
    mu: trainMean(table),
    bu: draw(table.users),
    bi: draw(table.items),
    p: draw(table.users * k),
    q: draw(table.items * k),
  };
}

describe('the ratings table', () => {
  const table = generateRatings(1, { noise: 0.5 });

  it('is the same for the same seed and differs for another', () => {
    const again = generateRatings(1, { noise: 0.5 });
    expect(again.rating).toEqual(table.rating);
    expect(again.heldOut).toEqual(table.heldOut);
    const other = generateRatings(2, { noise: 0.5 });
    expect(other.rating.length === table.rating.length && other.user.every((u, j) => u === table.user[j])).toBe(false);
  });

  it('has whole stars 1–5, about 46 % of cells rated, every user at least 5, a fifth held out', () => {
    expect(table.users).toBe(USER_COUNT);
    expect(table.items).toBe(ITEM_COUNT);
    expect(table.rating.every((r) => Number.isInteger(r) && r >= 1 && r <= 5)).toBe(true);
    const density = table.rating.length / (table.users * table.items);
    expect(density).toBeGreaterThan(0.42);
    expect(density).toBeLessThan(0.5);
    const perUser = new Int32Array(table.users);
    table.user.forEach((u) => perUser[u]++);
    expect(Math.min(...perUser)).toBeGreaterThanOrEqual(5);
    const held = table.heldOut.reduce((a, b) => a + b, 0) / table.rating.length;
    expect(held).toBeGreaterThan(HELD_OUT_SHARE - 0.02);
    expect(held).toBeLessThan(HELD_OUT_SHARE + 0.02);
    // No cell is rated twice.
    const cells = new Set(Array.from(table.user, (u, j) => u * table.items + table.item[j]));
    expect(cells.size).toBe(table.rating.length);
  });

  it('is skewed: the most popular tenth of the films gets several times its share of ratings', () => {
    const counts = ratingCounts(table);
    const top = mostPopular(counts, ITEM_COUNT / 10).reduce((sum, i) => sum + counts[i], 0);
    const all = counts.reduce((a, b) => a + b, 0);
    expect(top / all).toBeGreaterThan(0.17);
    expect(Math.min(...counts)).toBeLessThan(Math.max(...counts) / 3);
  });

  it('names every film, in both languages, by its genre', () => {
    for (let i = 0; i < ITEM_COUNT; i++) {
      expect(itemTitle(i, 'zh')).toBeTruthy();
      expect(itemTitle(i, 'en')).toBeTruthy();
    }
    expect(new Set(Array.from({ length: ITEM_COUNT }, (_, i) => itemTitle(i, 'en'))).size).toBe(ITEM_COUNT);
    expect(new Set(Array.from({ length: ITEM_COUNT }, (_, i) => itemTitle(i, 'zh'))).size).toBe(ITEM_COUNT);
    expect(new Set(Array.from({ length: ITEM_COUNT }, (_, i) => itemGenre(i))).size).toBe(GENRES.length);
  });

  it('knows the expected stars given the planted value', () => {
    expect(expectedStars(3, 0)).toBe(3);
    expect(expectedStars(7, 0)).toBe(5);
    expect(expectedStars(3, 0.5)).toBeCloseTo(3, 6);
    // Far above the scale, almost surely 5.
    expect(expectedStars(9, 0.5)).toBeCloseTo(5, 6);
    // A Monte Carlo check in the middle.
    const rng = createRng(3);
    let sum = 0;
    for (let n = 0; n < 200000; n++) sum += Math.min(5, Math.max(1, Math.round(4.3 + 0.5 * gaussian(rng))));
    expect(expectedStars(4.3, 0.5)).toBeCloseTo(sum / 200000, 2);
  });
});

describe('the loss and its gradient', () => {
  const table = generateRatings(4, { noise: 0.5 });

  it('matches finite differences of the regularized loss', () => {
    const f = randomFactors(table, 3, 5);
    const lambda = 2.5;
    const g = lossAndGradient(f, table, lambda);
    const h = 1e-5;
    const check = (values: Float64Array, grad: Float64Array, index: number) => {
      const keep = values[index];
      values[index] = keep + h;
      const up = lossAndGradient(f, table, lambda).loss;
      values[index] = keep - h;
      const down = lossAndGradient(f, table, lambda).loss;
      values[index] = keep;
      expect(grad[index]).toBeCloseTo((up - down) / (2 * h), 6);
    };
    for (const index of [0, 7, 150]) check(f.bu as Float64Array, g.bu, index);
    for (const index of [0, 33, 99]) check(f.bi as Float64Array, g.bi, index);
    for (const index of [0, 5, 301]) check(f.p as Float64Array, g.p, index);
    for (const index of [2, 100, 299]) check(f.q as Float64Array, g.q, index);
  });

  it('is what the trainer applies: one plain gradient step moves every parameter by −η·∂L/∂θ', () => {
    const params = { ...DEFAULTS, optimizer: 'gd' as const, lr: 0.5, lambda: 3, k: 3 };
    const model = createRecommender(params, 9);
    const info = model.info as RecommenderInfo;
    try {
      const before = tf.tidy(() => model.state!().dataSync());
      const f = factorsFromState(Float32Array.from(before), info.users, info.items, 3, info.mu);
      const record = tf.tidy(() => model.step().dataSync());
      const after = tf.tidy(() => model.state!().dataSync());
      const g = lossAndGradient(f, generateRatings(9, { noise: params.noise }), 3);
      expect(record[0]).toBeCloseTo(g.loss, 4);
      const grad = [...g.bu, ...g.bi, ...g.p, ...g.q];
      expect(grad.length).toBe(stateSize(info.users, info.items, 3));
      let worst = 0;
      grad.forEach((d, x) => (worst = Math.max(worst, Math.abs(after[x] - (before[x] - 0.5 * d)))));
      expect(worst).toBeLessThan(1e-5);
      // The trace: RMSE on the training and the held-out ratings, before the update.
      const table = generateRatings(9, { noise: params.noise });
      expect(record[1]).toBeCloseTo(
        rmseOf(
          table,
          false,
          (u, i) => f.mu + f.bu[u] + f.bi[i] + f.p[3 * u] * f.q[3 * i] + f.p[3 * u + 1] * f.q[3 * i + 1] + f.p[3 * u + 2] * f.q[3 * i + 2],
        ),
        4,
      );
    } finally {
      model.dispose();
    }
  });

  it('frees every tensor it makes', () => {
    const start = tf.memory().numTensors;
    const model = createRecommender({ ...DEFAULTS, batch: 'mini' }, 1);
    for (let s = 0; s < 5; s++) tf.tidy(() => model.step().dataSync());
    tf.tidy(() => model.state!().dataSync());
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('training', () => {
  it('recovers a noiseless planted table: held-out ratings predicted almost exactly', () => {
    const table = generateRatings(2, { noise: 0, stars: false });
    const model = trainOnTable(table, { ...DEFAULTS, k: PLANTED_RANK, lambda: 0.001, lr: 0.05 }, 2);
    try {
      let record: Float32Array | Int32Array | Uint8Array = new Float32Array();
      for (let s = 0; s < 400; s++) record = tf.tidy(() => model.step().dataSync());
      const [, train, test] = record;
      expect(train).toBeLessThan(0.02);
      expect(test).toBeLessThan(0.05);
    } finally {
      model.dispose();
    }
  }, 60_000);

  it('beats both baselines on the stars, with the planted rank and the default λ', () => {
    const model = createRecommender(DEFAULTS, 1);
    const info = model.info as RecommenderInfo;
    try {
      let test = NaN;
      for (let s = 0; s < 300; s++) test = tf.tidy(() => model.step().dataSync()[2]);
      expect(test).toBeLessThan(info.biasOnly);
      expect(info.biasOnly).toBeLessThan(info.globalMean);
      expect(test).toBeLessThan(1.1 * info.noiseLevel);
    } finally {
      model.dispose();
    }
  }, 30_000);
});

describe('alternating least squares', () => {
  const table = generateRatings(5, { noise: 0.5 });

  it('a sweep never raises the loss, and leaves the films at their exact minimum given the users', () => {
    let f = randomFactors(table, 2, 3);
    const lambda = 1.5;
    let loss = lossAndGradient(f, table, lambda).loss;
    for (let sweep = 0; sweep < 4; sweep++) {
      f = alsSweep(f, table, lambda);
      const g = lossAndGradient(f, table, lambda);
      expect(g.loss).toBeLessThanOrEqual(loss + 1e-12);
      loss = g.loss;
      // The films were solved last: their gradient vanishes.
      expect(Math.max(...g.bi.map(Math.abs), ...g.q.map(Math.abs))).toBeLessThan(1e-9);
    }
  });

  it('is what the trainer does with the ALS switch, one sweep a step, freeing its tensors', () => {
    const start = tf.memory().numTensors;
    const params = { ...DEFAULTS, optimizer: 'als' as const, lambda: 2 };
    const model = createRecommender(params, 5);
    const info = model.info as RecommenderInfo;
    const before = tf.tidy(() => Float32Array.from(model.state!().dataSync()));
    tf.tidy(() => model.step().dataSync());
    const after = tf.tidy(() => model.state!().dataSync());
    const f = factorsFromState(before, info.users, info.items, params.k, info.mu);
    const next = alsSweep(f, table, 2);
    const expected = [next.bu, next.bi, next.p, next.q].flatMap((part) => Array.from(part));
    let worst = 0;
    expected.forEach((v, x) => (worst = Math.max(worst, Math.abs(after[x] - v))));
    expect(worst).toBeLessThan(1e-4);
    model.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('baselines', () => {
  const table = generateRatings(1, { noise: 0.5 });

  it('global mean: the mean training rating, scored on the held-out ratings', () => {
    let sum = 0;
    let n = 0;
    let sq = 0;
    let m = 0;
    table.rating.forEach((r, j) => {
      if (!table.heldOut[j]) {
        sum += r;
        n++;
      }
    });
    const mu = sum / n;
    table.rating.forEach((r, j) => {
      if (table.heldOut[j]) {
        sq += (r - mu) ** 2;
        m++;
      }
    });
    const b = baselines(table);
    expect(b.mu).toBeCloseTo(mu, 10);
    expect(b.globalMean).toBeCloseTo(Math.sqrt(sq / m), 10);
  });

  it('bias only: each bias is the damped mean of its residuals (the exact minimum)', () => {
    const mu = trainMean(table);
    const { bu, bi } = fitBiases(table, BIAS_BASELINE_LAMBDA, mu);
    const sum = new Float64Array(table.items);
    const count = new Float64Array(table.items);
    table.rating.forEach((r, j) => {
      if (table.heldOut[j]) return;
      sum[table.item[j]] += r - mu - bu[table.user[j]];
      count[table.item[j]]++;
    });
    for (let i = 0; i < table.items; i++) expect(bi[i]).toBeCloseTo(sum[i] / (count[i] + BIAS_BASELINE_LAMBDA), 8);
    // The same minimum as the loss with P = Q = 0: its gradient in the biases vanishes there.
    const f: Factors = {
      k: 1,
      users: table.users,
      items: table.items,
      mu,
      bu,
      bi,
      p: new Float64Array(table.users),
      q: new Float64Array(table.items),
    };
    const g = lossAndGradient(f, table, BIAS_BASELINE_LAMBDA);
    expect(Math.max(...g.bu.map(Math.abs), ...g.bi.map(Math.abs))).toBeLessThan(1e-8);
  });

  it('recovers exactly additive ratings when not damped', () => {
    const t = generateRatings(3, { noise: 0, stars: false });
    const mu = trainMean(t);
    // Replace the ratings by μ + a_u + c_i (no tastes): the bias-only fit at λ → 0 reproduces them.
    const a = Array.from({ length: t.users }, (_, u) => Math.sin(u));
    const c = Array.from({ length: t.items }, (_, i) => Math.cos(i));
    const additive = { ...t, rating: Float32Array.from(t.user, (u, j) => 3 + a[u] + c[t.item[j]]) };
    const { bu, bi } = fitBiases(additive, 1e-9, trainMean(additive));
    const m = trainMean(additive);
    expect(rmseOf(additive, false, (u, i) => m + bu[u] + bi[i])).toBeLessThan(1e-5);
    expect(Number.isFinite(mu)).toBe(true);
  });
});

describe('fold-in', () => {
  const table = generateRatings(1, { noise: 0.5 });
  const f = randomFactors(table, 3, 6);
  const ratings = [
    { item: 3, stars: 5 },
    { item: 30, stars: 1 },
    { item: 55, stars: 4 },
    { item: 80, stars: 2 },
    { item: 12, stars: 5 },
  ];

  it('is the closed-form least-squares solution (normal equations by another route)', () => {
    const lambda = 0.7;
    const { b, p } = foldIn(f, ratings, lambda);
    // Stationarity: ∂/∂(b, p) of Σ e² + λ(b² + ‖p‖²) vanishes.
    const grad = new Float64Array(4);
    for (const { item, stars } of ratings) {
      const e = f.mu + b + f.bi[item] + p[0] * f.q[item * 3] + p[1] * f.q[item * 3 + 1] + p[2] * f.q[item * 3 + 2] - stars;
      grad[0] += 2 * e;
      for (let c = 0; c < 3; c++) grad[c + 1] += 2 * e * f.q[item * 3 + c];
    }
    grad[0] += 2 * lambda * b;
    for (let c = 0; c < 3; c++) grad[c + 1] += 2 * lambda * p[c];
    expect(Math.max(...grad.map(Math.abs))).toBeLessThan(1e-9);
    // k = 1, λ = 0, two ratings: the line through two points, by hand.
    const g: Factors = { ...f, k: 1, q: [0, 1, 3], bi: [0, 0, 0], mu: 0, items: 3 };
    const two = foldIn(
      g,
      [
        { item: 1, stars: 2 },
        { item: 2, stars: 5 },
      ],
      0,
    );
    expect(two.p[0]).toBeCloseTo(1.5, 6);
    expect(two.b).toBeCloseTo(0.5, 6);
  });

  it('gives no taste and no bias without ratings (the list falls back on popularity)', () => {
    const { b, p } = foldIn(f, [], 1);
    expect(b).toBe(0);
    expect(Array.from(p)).toEqual([0, 0, 0]);
  });

  it('solves small symmetric systems', () => {
    const x = solveSpd([4, 2, 2, 3], [2, 1], 2);
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
  });
});

describe('recommendations and the map', () => {
  const f: Factors = { k: 2, users: 1, items: 4, mu: 3, bu: [0], bi: [1, 0, 0, -1], p: [1, 0], q: [0.2, 0, 3, 0, 1, 0.1, -1, 0] };

  it('leaves out what the user rated; dot ranks by predicted rating, cosine by direction alone', () => {
    const dot = recommend(f, { b: 0, p: [1, 0] }, new Set([3]), 'dot', 3);
    expect(dot.map((r) => r.item)).toEqual([1, 0, 2]);
    expect(dot[0].predicted).toBeCloseTo(6, 10);
    const cosine = recommend(f, { b: 0, p: [1, 0] }, new Set(), 'cosine', 4);
    // Films 0 and 1 point the same way as p: cosine 1, whatever their length and bias.
    expect(cosine.slice(0, 2).map((r) => r.score)).toEqual([1, 1]);
    expect(cosine[3].item).toBe(3);
  });

  it('links encode a rating as film × 10 + stars', () => {
    expect(decodeRating(encodeRating(12, 5))).toEqual({ item: 12, stars: 5 });
    expect(encodeRating(0, 1)).toBe(11);
  });

  it('maps k = 2 as it is and larger k by principal components, without flipping', () => {
    expect(Array.from(principalAxes([1, 2, 3, 4], 2, 2))).toEqual([1, 0, 0, 1]);
    // Points spread most along (1, 1, 0)/√2, then along z.
    const rng = createRng(8);
    const m = 400;
    const x = new Float64Array(3 * m);
    for (let r = 0; r < m; r++) {
      const a = 3 * gaussian(rng);
      const z = gaussian(rng);
      x.set([a / Math.SQRT2 + 0.1 * gaussian(rng), a / Math.SQRT2 + 0.1 * gaussian(rng), z], 3 * r);
    }
    const axes = principalAxes(x, m, 3);
    expect(Math.abs(axes[0])).toBeCloseTo(Math.SQRT1_2, 2);
    expect(Math.abs(axes[5])).toBeCloseTo(1, 2);
    const flipped = principalAxes(
      x,
      m,
      3,
      Float64Array.from(axes, (v) => -v),
    );
    expect(flipped[0]).toBeCloseTo(-axes[0], 6);
    const xy = project(x, m, 3, axes);
    expect(xy.length).toBe(2 * m);
  });
});
