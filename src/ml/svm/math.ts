/**
 * The soft-margin SVM in the primal, in plain TypeScript: features (the inputs themselves, or random
 * Fourier features that stand in for the RBF kernel), the objective, its subgradient, support vectors and
 * the margin. The tfjs trainer must agree (unit tests).
 *
 * Labels are ±1 (a 0 in the data means −1). The objective is
 *   J(w, b) = (λ/2)‖w‖² + (1/n) Σ max(0, 1 − yᵢ(w·zᵢ + b)),  λ = 1/(n·C),
 * the textbook ½‖w‖² + C Σ ξᵢ divided by n·C: the same minimizer, with a step size that does not depend on C or n.
 */
import { WINDOW, type Points2D } from '../shared/classification-data';
import { createRng, gaussian, uniform } from '../shared/random';

export const RFF_DIMENSION = 256;
/** y·f(x) ≤ 1 + this counts as on or inside the margin (subgradient descent hovers around the exact optimum). */
export const SUPPORT_TOLERANCE = 1e-2;

export interface FeatureMap {
  kind: 'linear' | 'rbf';
  /** Output dimension: 2 for linear, D for random Fourier features. */
  dimension: number;
  /** RBF only: frequencies (D × 2, row-major) drawn from N(0, 2γI) and phases from U[0, 2π]. */
  omega?: Float32Array;
  phase?: Float32Array;
}

export function linearFeatures(): FeatureMap {
  return { kind: 'linear', dimension: 2 };
}

/** z(x) = √(2/D)·cos(Ωx + c) makes z(x)·z(x′) ≈ exp(−γ‖x − x′‖²) (Rahimi and Recht, 2007). */
export function randomFourierFeatures(gamma: number, seed: number, dimension = RFF_DIMENSION): FeatureMap {
  const rng = createRng(seed ^ 0x5eed);
  const omega = new Float32Array(2 * dimension);
  const phase = new Float32Array(dimension);
  const sd = Math.sqrt(2 * gamma);
  for (let k = 0; k < dimension; k++) {
    omega[2 * k] = sd * gaussian(rng);
    omega[2 * k + 1] = sd * gaussian(rng);
    phase[k] = uniform(rng, 0, 2 * Math.PI);
  }
  return { kind: 'rbf', dimension, omega, phase };
}

/** The features of one point, written into `out`. */
export function featuresOf(map: FeatureMap, x1: number, x2: number, out: Float32Array | number[], offset = 0) {
  if (map.kind === 'linear') {
    out[offset] = x1;
    out[offset + 1] = x2;
    return;
  }
  const scale = Math.sqrt(2 / map.dimension);
  for (let k = 0; k < map.dimension; k++) {
    out[offset + k] = scale * Math.cos(map.omega![2 * k] * x1 + map.omega![2 * k + 1] * x2 + map.phase![k]);
  }
}

/** All points' features, n × dimension, row-major. */
export function featureMatrix(map: FeatureMap, points: Points2D): Float32Array {
  const z = new Float32Array(points.x1.length * map.dimension);
  for (let i = 0; i < points.x1.length; i++) featuresOf(map, points.x1[i], points.x2[i], z, i * map.dimension);
  return z;
}

export function signedLabel(label: number): number {
  return label === 1 ? 1 : -1;
}

/** f(x) = w·z + b for every row of a feature matrix. */
export function decisionValues(z: Float32Array, dimension: number, w: ArrayLike<number>, b: number): Float64Array {
  const rows = z.length / dimension;
  const f = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let sum = b;
    for (let k = 0; k < dimension; k++) sum += w[k] * z[i * dimension + k];
    f[i] = sum;
  }
  return f;
}

export function lambdaFor(n: number, C: number): number {
  return 1 / (n * C);
}

export function objective(f: ArrayLike<number>, labels: Uint8Array, w: ArrayLike<number>, lambda: number): number {
  let hinge = 0;
  for (let i = 0; i < labels.length; i++) hinge += Math.max(0, 1 - signedLabel(labels[i]) * f[i]);
  let norm = 0;
  for (let k = 0; k < w.length; k++) norm += w[k] * w[k];
  return (lambda / 2) * norm + hinge / labels.length;
}

/**
 * A subgradient of J: λw − (1/n) Σ yᵢzᵢ and −(1/n) Σ yᵢ over the points with yᵢf(xᵢ) < 1 (the hinge is flat
 * beyond the margin; at exactly 1 the subgradient 0 is chosen).
 */
export function subgradient(z: Float32Array, dimension: number, labels: Uint8Array, w: ArrayLike<number>, b: number, lambda: number) {
  const n = labels.length;
  const f = decisionValues(z, dimension, w, b);
  const gw = Array.from(w, (wk) => lambda * wk);
  let gb = 0;
  for (let i = 0; i < n; i++) {
    const y = signedLabel(labels[i]);
    if (y * f[i] >= 1) continue;
    for (let k = 0; k < dimension; k++) gw[k] -= (y * z[i * dimension + k]) / n;
    gb -= y / n;
  }
  return { gw, gb };
}

/** 1 for the points on or inside the margin band (yᵢ f(xᵢ) ≤ 1), the support vectors; 0 for the others. */
export function supportVectors(f: ArrayLike<number>, labels: Uint8Array, tolerance = SUPPORT_TOLERANCE): Uint8Array {
  return Uint8Array.from(labels, (label, i) => (signedLabel(label) * f[i] <= 1 + tolerance ? 1 : 0));
}

/** Width of the band between f = −1 and f = +1 for a linear SVM: 2/‖w‖. */
export function marginWidth(w: ArrayLike<number>): number {
  let norm = 0;
  for (let k = 0; k < w.length; k++) norm += w[k] * w[k];
  return 2 / Math.sqrt(norm);
}

/** The features at the cells of a cols × rows grid over the window (row 0 is the lowest x₂), once per model. */
export function gridFeatures(map: FeatureMap, cols: number, rows: number): Float32Array {
  const z = new Float32Array(cols * rows * map.dimension);
  const span = WINDOW[1] - WINDOW[0];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      featuresOf(map, WINDOW[0] + (span * c) / (cols - 1), WINDOW[0] + (span * r) / (rows - 1), z, (r * cols + c) * map.dimension);
    }
  }
  return z;
}
