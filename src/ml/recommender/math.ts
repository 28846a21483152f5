/**
 * Matrix factorization in plain numbers (tfjs-free): the model r̂ᵤᵢ = μ + bᵤ + bᵢ + pᵤ·qᵢ, its regularized
 * loss and gradient, the two baselines, the fold-in of a new user, the ranking of films and the 2-D map. The
 * trainer computes the same loss with tfjs; the page ranks, folds in and draws from the state it sends.
 *
 * The loss, over the training ratings R (|R| of them):
 *   L = (1/|R|) · [ Σ₍ᵤ,ᵢ₎∈R (r̂ᵤᵢ − rᵤᵢ)² + λ (Σᵤ (bᵤ² + ‖pᵤ‖²) + Σᵢ (bᵢ² + ‖qᵢ‖²)) ]
 * μ is the mean training rating, fixed.
 */
import type { RatingsTable } from './data.ts';

export interface Factors {
  k: number;
  users: number;
  items: number;
  mu: number;
  bu: ArrayLike<number>;
  bi: ArrayLike<number>;
  /** users × k and items × k, row-major. */
  p: ArrayLike<number>;
  q: ArrayLike<number>;
}

/** The state's layout: [bᵤ (users), bᵢ (items), P (users × k), Q (items × k)]. */
export function stateSize(users: number, items: number, k: number): number {
  return users + items + (users + items) * k;
}

export function factorsFromState(state: Float32Array, users: number, items: number, k: number, mu: number): Factors {
  let at = 0;
  const take = (n: number) => state.subarray(at, (at += n));
  return { k, users, items, mu, bu: take(users), bi: take(items), p: take(users * k), q: take(items * k) };
}

export function predict(f: Factors, u: number, i: number): number {
  let dot = 0;
  for (let c = 0; c < f.k; c++) dot += f.p[u * f.k + c] * f.q[i * f.k + c];
  return f.mu + f.bu[u] + f.bi[i] + dot;
}

export function trainMean(table: RatingsTable): number {
  let sum = 0;
  let n = 0;
  for (let j = 0; j < table.rating.length; j++) {
    if (table.heldOut[j]) continue;
    sum += table.rating[j];
    n++;
  }
  return sum / n;
}

/** RMSE of any predictor over the held-out ratings (`heldOut` true) or the training ratings. */
export function rmseOf(table: RatingsTable, heldOut: boolean, predictor: (u: number, i: number) => number): number {
  let sum = 0;
  let n = 0;
  for (let j = 0; j < table.rating.length; j++) {
    if (Boolean(table.heldOut[j]) !== heldOut) continue;
    const e = predictor(table.user[j], table.item[j]) - table.rating[j];
    sum += e * e;
    n++;
  }
  return Math.sqrt(sum / n);
}

export interface Gradient {
  loss: number;
  bu: Float64Array;
  bi: Float64Array;
  p: Float64Array;
  q: Float64Array;
}

/** The loss above and its gradient, written out: ∂L/∂pᵤ = (2/|R|)(Σᵢ eᵤᵢ qᵢ + λ pᵤ), and so on. */
export function lossAndGradient(f: Factors, table: RatingsTable, lambda: number): Gradient {
  const { k } = f;
  const g: Gradient = {
    loss: 0,
    bu: new Float64Array(f.users),
    bi: new Float64Array(f.items),
    p: new Float64Array(f.users * k),
    q: new Float64Array(f.items * k),
  };
  let n = 0;
  let squares = 0;
  for (let j = 0; j < table.rating.length; j++) {
    if (table.heldOut[j]) continue;
    const u = table.user[j];
    const i = table.item[j];
    const e = predict(f, u, i) - table.rating[j];
    squares += e * e;
    n++;
    g.bu[u] += 2 * e;
    g.bi[i] += 2 * e;
    for (let c = 0; c < k; c++) {
      g.p[u * k + c] += 2 * e * f.q[i * k + c];
      g.q[i * k + c] += 2 * e * f.p[u * k + c];
    }
  }
  let penalty = 0;
  const shrink = (values: ArrayLike<number>, grad: Float64Array) => {
    for (let x = 0; x < grad.length; x++) {
      penalty += values[x] * values[x];
      grad[x] = (grad[x] + 2 * lambda * values[x]) / n;
    }
  };
  shrink(f.bu, g.bu);
  shrink(f.bi, g.bi);
  shrink(f.p, g.p);
  shrink(f.q, g.q);
  g.loss = (squares + lambda * penalty) / n;
  return g;
}

/** Solves A x = b for a small symmetric positive definite A (n × n, row-major) by Cholesky. */
export function solveSpd(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j];
      for (let c = 0; c < j; c++) sum -= l[i * n + c] * l[j * n + c];
      l[i * n + j] = i === j ? Math.sqrt(sum) : sum / l[j * n + j];
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i];
    for (let c = 0; c < i; c++) sum -= l[i * n + c] * y[c];
    y[i] = sum / l[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i];
    for (let c = i + 1; c < n; c++) sum -= l[c * n + i] * x[c];
    x[i] = sum / l[i * n + i];
  }
  return x;
}

export interface OwnRating {
  item: number;
  stars: number;
}

/**
 * One side of the model solved with the other fixed: the bias b and vector x that minimize
 *   Σⱼ (b + x·vⱼ − tⱼ)² + λ (b² + ‖x‖²)
 * over the entries j (each names a row of the fixed side's k-column `vectors` and a target tⱼ) — ridge
 * regression on the features [1, vⱼ], solved exactly: (AᵀA + λI)[b; x] = Aᵀt. No entry: b = 0, x = 0.
 */
export function ridgeSide(
  vectors: ArrayLike<number>,
  k: number,
  entries: readonly { index: number; target: number }[],
  lambda: number,
): { b: number; p: Float64Array } {
  const n = k + 1;
  const a = new Float64Array(n * n);
  const rhs = new Float64Array(n);
  const row = new Float64Array(n);
  for (const { index, target } of entries) {
    row[0] = 1;
    for (let c = 0; c < k; c++) row[c + 1] = vectors[index * k + c];
    for (let x = 0; x < n; x++) {
      rhs[x] += row[x] * target;
      for (let y = 0; y < n; y++) a[x * n + y] += row[x] * row[y];
    }
  }
  // A tiny ridge keeps the system solvable at λ → 0 with fewer entries than unknowns.
  for (let x = 0; x < n; x++) a[x * n + x] += Math.max(lambda, 1e-9);
  const solution = entries.length ? solveSpd(a, rhs, n) : new Float64Array(n);
  return { b: solution[0], p: solution.subarray(1) };
}

/**
 * A new user folded in with the films fixed: the bias b and taste p that minimize
 *   Σⱼ (μ + b + bⱼ + p·qⱼ − rⱼ)² + λ (b² + ‖p‖²)
 * over the films j the user rated (ridgeSide with targets rⱼ − μ − bⱼ). No rating: b = 0, p = 0.
 */
export function foldIn(f: Factors, ratings: readonly OwnRating[], lambda: number): { b: number; p: Float64Array } {
  return ridgeSide(
    f.q,
    f.k,
    ratings.map(({ item, stars }) => ({ index: item, target: stars - f.mu - f.bi[item] })),
    lambda,
  );
}

/**
 * One sweep of alternating least squares on the training ratings: every user's (bᵤ, pᵤ) solved exactly with
 * the films fixed, then every film's (bᵢ, qᵢ) with the users fixed. Each half minimizes the loss above over its
 * side exactly (the users' terms do not interact once the films are fixed), so the loss never rises.
 */
export function alsSweep(f: Factors, table: RatingsTable, lambda: number): Factors {
  const { k, users, items, mu } = f;
  const byUser = Array.from({ length: users }, () => [] as { index: number; rating: number }[]);
  const byItem = Array.from({ length: items }, () => [] as { index: number; rating: number }[]);
  for (let j = 0; j < table.rating.length; j++) {
    if (table.heldOut[j]) continue;
    byUser[table.user[j]].push({ index: table.item[j], rating: table.rating[j] });
    byItem[table.item[j]].push({ index: table.user[j], rating: table.rating[j] });
  }
  const bu = new Float64Array(users);
  const p = new Float64Array(users * k);
  for (let u = 0; u < users; u++) {
    const side = ridgeSide(
      f.q,
      k,
      byUser[u].map(({ index, rating }) => ({ index, target: rating - mu - f.bi[index] })),
      lambda,
    );
    bu[u] = side.b;
    p.set(side.p, u * k);
  }
  const bi = new Float64Array(items);
  const q = new Float64Array(items * k);
  for (let i = 0; i < items; i++) {
    const side = ridgeSide(
      p,
      k,
      byItem[i].map(({ index, rating }) => ({ index, target: rating - mu - bu[index] })),
      lambda,
    );
    bi[i] = side.b;
    q.set(side.p, i * k);
  }
  return { k, users, items, mu, bu, bi, p, q };
}

/**
 * The bias-only baseline r̂ = μ + bᵤ + bᵢ with the same kind of penalty, λ (Σbᵤ² + Σbᵢ²), minimized exactly
 * by alternating the two closed-form updates (each a damped mean of residuals) until they settle.
 */
export function fitBiases(table: RatingsTable, lambda: number, mu = trainMean(table)): { bu: Float64Array; bi: Float64Array } {
  const bu = new Float64Array(table.users);
  const bi = new Float64Array(table.items);
  const sum = new Float64Array(Math.max(table.users, table.items));
  const count = new Float64Array(sum.length);
  for (let round = 0; round < 200; round++) {
    let moved = 0;
    for (const [target, other, own, far] of [
      [bi, bu, table.item, table.user],
      [bu, bi, table.user, table.item],
    ] as const) {
      sum.fill(0);
      count.fill(0);
      for (let j = 0; j < table.rating.length; j++) {
        if (table.heldOut[j]) continue;
        sum[own[j]] += table.rating[j] - mu - other[far[j]];
        count[own[j]]++;
      }
      for (let x = 0; x < target.length; x++) {
        const next = sum[x] / (count[x] + lambda);
        moved = Math.max(moved, Math.abs(next - target[x]));
        target[x] = next;
      }
    }
    if (moved < 1e-10) break;
  }
  return { bu, bi };
}

/** The bias-only baseline's penalty, fixed: as if every user and film had 5 more ratings at the mean. */
export const BIAS_BASELINE_LAMBDA = 5;

export interface Baselines {
  mu: number;
  /** Held-out RMSE of predicting μ for everything, and of μ + bᵤ + bᵢ. */
  globalMean: number;
  biasOnly: number;
  /** Held-out RMSE of E[r | planted tastes]: the noise level, the best any model could do. */
  noiseLevel: number;
}

export function baselines(table: RatingsTable): Baselines {
  const mu = trainMean(table);
  const { bu, bi } = fitBiases(table, BIAS_BASELINE_LAMBDA, mu);
  return {
    mu,
    globalMean: rmseOf(table, true, () => mu),
    biasOnly: rmseOf(table, true, (u, i) => mu + bu[u] + bi[i]),
    noiseLevel: rmseOf(table, true, (u, i) => table.planted.expected[u * table.items + i]),
  };
}

/** How many training ratings each film has (its popularity as the table shows it). */
export function ratingCounts(table: RatingsTable): Int32Array {
  const counts = new Int32Array(table.items);
  for (let j = 0; j < table.rating.length; j++) if (!table.heldOut[j]) counts[table.item[j]]++;
  return counts;
}

/** The `n` films with the most training ratings (ties: the lower index). */
export function mostPopular(counts: ArrayLike<number>, n: number): number[] {
  return Array.from({ length: counts.length }, (_, i) => i)
    .sort((a, b) => counts[b] - counts[a] || a - b)
    .slice(0, n);
}

export type Similarity = 'dot' | 'cosine';

export interface Recommendation {
  item: number;
  /** The predicted rating μ + b + bᵢ + p·qᵢ (what the list shows whichever way it is ranked). */
  predicted: number;
  /** What the list is ranked by: the predicted rating (dot) or cos(p, qᵢ). */
  score: number;
}

/**
 * The top `n` films for a user with bias b and taste p, leaving out `exclude` (the films they have rated).
 * Dot ranks by the predicted rating; cosine by cos(p, qᵢ), which ignores the biases and the vectors'
 * lengths (a film's length grows with how much the data says about it, so dot leans to popular films).
 */
export function recommend(
  f: Factors,
  user: { b: number; p: ArrayLike<number> },
  exclude: ReadonlySet<number>,
  similarity: Similarity,
  n: number,
): Recommendation[] {
  let pNorm = 0;
  for (let c = 0; c < f.k; c++) pNorm += user.p[c] * user.p[c];
  pNorm = Math.sqrt(pNorm);
  const list: Recommendation[] = [];
  for (let i = 0; i < f.items; i++) {
    if (exclude.has(i)) continue;
    let dot = 0;
    let qNorm = 0;
    for (let c = 0; c < f.k; c++) {
      dot += user.p[c] * f.q[i * f.k + c];
      qNorm += f.q[i * f.k + c] ** 2;
    }
    const predicted = f.mu + user.b + f.bi[i] + dot;
    const denominator = pNorm * Math.sqrt(qNorm);
    const score = similarity === 'dot' ? predicted : denominator > 0 ? dot / denominator : 0;
    list.push({ item: i, predicted, score });
  }
  return list.sort((a, b) => b.score - a.score || a.item - b.item).slice(0, n);
}

/**
 * The two directions of largest variance of the rows of `x` (m × k), by power iteration on the k × k
 * covariance, each direction's sign turned to agree with `previous` (so the map does not flip while it
 * trains). k = 2 returns the identity: the map is the embedding itself.
 */
export function principalAxes(x: ArrayLike<number>, m: number, k: number, previous?: Float64Array | null): Float64Array {
  const axes = new Float64Array(2 * k);
  if (k <= 2) {
    for (let c = 0; c < Math.min(k, 2); c++) axes[c * k + c] = 1;
    return axes;
  }
  const mean = new Float64Array(k);
  for (let r = 0; r < m; r++) for (let c = 0; c < k; c++) mean[c] += x[r * k + c] / m;
  const cov = new Float64Array(k * k);
  for (let r = 0; r < m; r++)
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) cov[a * k + b] += (x[r * k + a] - mean[a]) * (x[r * k + b] - mean[b]);
  for (let axis = 0; axis < 2; axis++) {
    const v = new Float64Array(k);
    for (let c = 0; c < k; c++) v[c] = previous ? previous[axis * k + c] + 1e-3 : 1 / Math.sqrt(k) + c * 1e-3;
    for (let it = 0; it < 60; it++) {
      const w = new Float64Array(k);
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) w[a] += cov[a * k + b] * v[b];
      // Deflation: keep the second direction orthogonal to the first.
      if (axis === 1) {
        let along = 0;
        for (let c = 0; c < k; c++) along += w[c] * axes[c];
        for (let c = 0; c < k; c++) w[c] -= along * axes[c];
      }
      const norm = Math.hypot(...w);
      if (norm === 0) break;
      for (let c = 0; c < k; c++) v[c] = w[c] / norm;
    }
    if (previous) {
      let agree = 0;
      for (let c = 0; c < k; c++) agree += v[c] * previous[axis * k + c];
      if (agree < 0) for (let c = 0; c < k; c++) v[c] = -v[c];
    }
    axes.set(v, axis * k);
  }
  return axes;
}

/** Rows of `x` (m × k) projected on two axes (2 × k): m points [x0, y0, x1, y1, …]. */
export function project(x: ArrayLike<number>, m: number, k: number, axes: Float64Array): Float64Array {
  const out = new Float64Array(2 * m);
  for (let r = 0; r < m; r++)
    for (let c = 0; c < k; c++) {
      out[2 * r] += x[r * k + c] * axes[c];
      out[2 * r + 1] += x[r * k + c] * axes[k + c];
    }
  return out;
}
