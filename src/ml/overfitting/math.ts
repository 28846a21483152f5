/**
 * Polynomial regression on a dozen noisy points, in plain TypeScript: the data, the features, the losses,
 * the L1 / L2 penalties and their gradients, and the closed-form (ridge) fit. The tfjs trainer in
 * trainer.ts must agree with these (unit tests).
 *
 * The model is ŷ = b + Σₖ wₖ xᵏ (k = 1 … d) with x in [−1, 1], so every feature xᵏ stays in [−1, 1].
 * Parameters are kept as one vector θ = [b, w₁, …, w_d]; the penalties leave the bias b alone.
 */
import { createRng, gaussian } from '../shared/random';

export const X_RANGE: [number, number] = [-1, 1];
/** The validation set is larger than the training set, so its loss is a steadier estimate. */
export const VALIDATION_POINTS = 40;
/**
 * The small, unlucky validation set (the `unluckyValidation` switch): a few points, all in the middle of
 * the range, so none sees the ends, where an overfitted polynomial swings. Eight points drawn uniformly on
 * [−1, 1] all land in (−0.7, 0.7) with probability 0.7⁸ ≈ 6 %: bad luck, but not rare.
 */
export const UNLUCKY_VALIDATION = { points: 8, range: [-0.7, 0.7] as [number, number] };

/** The smooth curve the points are drawn around. */
export function target(x: number): number {
  return Math.sin(Math.PI * x);
}

export interface Dataset1D {
  x: Float64Array;
  y: Float64Array;
}

export interface OverfittingData {
  train: Dataset1D;
  validation: Dataset1D;
}

/** What the trainer sends the page once per run. */
export interface OverfittingInfo extends OverfittingData {
  degree: number;
}

/** The `penalty` parameter's options. */
export type PenaltyKind = 'none' | 'l1' | 'l2';

/**
 * n training points and a validation set, with y = sin(πx) + σ·N(0, 1). Each set's x is spread: one point
 * uniform in each of its `count` equal slices of its range (still uniform on the range overall), so no
 * seed leaves a wide gap. With plain uniform x, some seeds left a gap near an end where the polynomial
 * swings off at once: in training, the validation loss was lowest after 3–8 steps; in validation (seed 1
 * had no point left of −0.86), early stopping kept a model whose error on new data was 2.3 times the best.
 * The validation set is VALIDATION_POINTS points on the whole range, or with `unlucky` the
 * UNLUCKY_VALIDATION points on the middle only.
 * The sets use separate random streams, so changing n leaves the validation set as it was, and changing σ
 * only rescales the same noise.
 */
export function makeOverfittingData(n: number, noise: number, seed: number, unlucky = false): OverfittingData {
  const sample = (count: number, streamSeed: number, [lo, hi]: [number, number]): Dataset1D => {
    const rng = createRng(streamSeed);
    const x = new Float64Array(count);
    const y = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      x[i] = lo + ((hi - lo) * (i + rng())) / count;
      y[i] = target(x[i]) + noise * gaussian(rng);
    }
    return { x, y };
  };
  const validationSeed = (seed ^ 0x5bd1e995) >>> 0;
  return {
    train: sample(n, seed, X_RANGE),
    validation: unlucky
      ? sample(UNLUCKY_VALIDATION.points, validationSeed, UNLUCKY_VALIDATION.range)
      : sample(VALIDATION_POINTS, validationSeed, X_RANGE),
  };
}

/** The row-major n × d matrix of features xᵢᵏ, k = 1 … d (no column of ones: the bias is separate). */
export function powerFeatures(x: ArrayLike<number>, degree: number): Float64Array {
  const out = new Float64Array(x.length * degree);
  for (let i = 0; i < x.length; i++) {
    let power = 1;
    for (let k = 0; k < degree; k++) {
      power *= x[i];
      out[i * degree + k] = power;
    }
  }
  return out;
}

/** ŷ = b + Σₖ wₖ xᵏ by Horner's rule, θ = [b, w₁, …, w_d]. */
export function predict(theta: ArrayLike<number>, x: number): number {
  let value = 0;
  for (let k = theta.length - 1; k >= 0; k--) value = value * x + theta[k];
  return value;
}

/** (1/n) Σ (ŷᵢ − yᵢ)² */
export function mse(data: Dataset1D, theta: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < data.x.length; i++) sum += (predict(theta, data.x[i]) - data.y[i]) ** 2;
  return sum / data.x.length;
}

/** ∂MSE/∂b = (2/n) Σ rᵢ,  ∂MSE/∂wₖ = (2/n) Σ rᵢ xᵢᵏ  with rᵢ = ŷᵢ − yᵢ. */
export function mseGradient(data: Dataset1D, theta: ArrayLike<number>): Float64Array {
  const g = new Float64Array(theta.length);
  const n = data.x.length;
  for (let i = 0; i < n; i++) {
    const r = predict(theta, data.x[i]) - data.y[i];
    let power = 1;
    for (let k = 0; k < theta.length; k++) {
      g[k] += (2 / n) * r * power;
      power *= data.x[i];
    }
  }
  return g;
}

/** L1: λ Σₖ |wₖ|,  L2: λ Σₖ wₖ²  (k ≥ 1: the bias is not penalized). */
export function penalty(kind: PenaltyKind, lambda: number, theta: ArrayLike<number>): number {
  if (kind === 'none') return 0;
  let sum = 0;
  for (let k = 1; k < theta.length; k++) sum += kind === 'l1' ? Math.abs(theta[k]) : theta[k] ** 2;
  return lambda * sum;
}

/**
 * L2: 2λwₖ.  L1: λ·sign(wₖ), the subgradient that takes 0 at wₖ = 0 (|w| has no slope there; any value
 * in [−λ, λ] is a subgradient, and 0 leaves a weight that is exactly 0 where it is). The trainer uses
 * tf.sign, which makes the same choice. The bias's entry is 0.
 */
export function penaltyGradient(kind: PenaltyKind, lambda: number, theta: ArrayLike<number>): Float64Array {
  const g = new Float64Array(theta.length);
  if (kind === 'none') return g;
  for (let k = 1; k < theta.length; k++) g[k] = kind === 'l1' ? lambda * Math.sign(theta[k]) : 2 * lambda * theta[k];
  return g;
}

/** What the optimizer minimizes: the training MSE plus the penalty. */
export function objective(data: Dataset1D, theta: ArrayLike<number>, kind: PenaltyKind, lambda: number): number {
  return mse(data, theta) + penalty(kind, lambda, theta);
}

/**
 * The exact minimizer of MSE + λΣwₖ² (λ = 0: ordinary least squares): the normal equations
 * ((1/n)AᵀA + λD) θ = (1/n)Aᵀy with A = [1, x, …, x^d] and D = diag(0, 1, …, 1).
 * Null when that minimizer is not unique (more parameters than distinct points and no penalty) or the
 * system is too ill-conditioned to solve in double precision.
 */
export function ridgeFit(data: Dataset1D, degree: number, lambda = 0): Float64Array | null {
  const size = degree + 1;
  const n = data.x.length;
  if (lambda <= 0 && size > new Set(data.x).size) return null;
  const m = new Float64Array(size * size);
  const rhs = new Float64Array(size);
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(size);
    let power = 1;
    for (let k = 0; k < size; k++) {
      row[k] = power;
      power *= data.x[i];
    }
    for (let a = 0; a < size; a++) {
      rhs[a] += (row[a] * data.y[i]) / n;
      for (let c = 0; c < size; c++) m[a * size + c] += (row[a] * row[c]) / n;
    }
  }
  for (let k = 1; k < size; k++) m[k * size + k] += lambda;
  return solve(m, rhs, size);
}

/** Gaussian elimination with partial pivoting; null when a pivot is negligible (a singular system). */
function solve(m: Float64Array, rhs: Float64Array, size: number): Float64Array | null {
  const a = Float64Array.from(m);
  const b = Float64Array.from(rhs);
  let scale = 0;
  for (const v of a) scale = Math.max(scale, Math.abs(v));
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) if (Math.abs(a[r * size + col]) > Math.abs(a[pivot * size + col])) pivot = r;
    if (!(Math.abs(a[pivot * size + col]) > 1e-14 * scale)) return null;
    if (pivot !== col) {
      for (let c = 0; c < size; c++) [a[col * size + c], a[pivot * size + c]] = [a[pivot * size + c], a[col * size + c]];
      [b[col], b[pivot]] = [b[pivot], b[col]];
    }
    for (let r = col + 1; r < size; r++) {
      const f = a[r * size + col] / a[col * size + col];
      if (f === 0) continue;
      for (let c = col; c < size; c++) a[r * size + c] -= f * a[col * size + c];
      b[r] -= f * b[col];
    }
  }
  const x = new Float64Array(size);
  for (let r = size - 1; r >= 0; r--) {
    let sum = b[r];
    for (let c = r + 1; c < size; c++) sum -= a[r * size + c] * x[c];
    x[r] = sum / a[r * size + r];
  }
  return x.every(Number.isFinite) ? x : null;
}

/** f at `count` evenly spaced x across X_RANGE, for drawing. */
export function sampleFunction(f: (x: number) => number, count = 161): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = X_RANGE[0] + ((X_RANGE[1] - X_RANGE[0]) * i) / (count - 1);
    y[i] = f(x[i]);
  }
  return { x, y };
}

/** The polynomial with parameters θ, sampled for drawing. */
export function sampleCurve(theta: ArrayLike<number>, count = 161): { x: Float64Array; y: Float64Array } {
  return sampleFunction((x) => predict(theta, x), count);
}
