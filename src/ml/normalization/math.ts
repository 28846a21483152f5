/**
 * Why feature scaling matters to gradient descent, in plain TypeScript: a linear model ŷ = w₁x₁ + w₂x₂ + b
 * on two features of very different scales, the same problem after standardization or min–max scaling,
 * the MSE, its gradient and Hessian, the least-squares answer, the condition number and the largest stable
 * learning rate. The tfjs trainer in trainer.ts must agree with these (unit tests).
 */
import { fitMinMax, fitStandardizer, minMaxScale, standardize, type MinMaxFit, type StandardizerFit } from '../shared/preprocessing';
import { createRng, gaussian, uniform } from '../shared/random';
import type { LossGrid } from '../linear-regression/math';

export const N_POINTS = 50;
/** x₁ is drawn from [0, 5] and x₂ from [0, 0.25]: twenty times smaller. */
export const X1_RANGE: [number, number] = [0, 5];
export const X2_RANGE: [number, number] = [0, 0.25];
/** The target is y = 1 + 0.6·x₁ + 12·x₂ + noise: each feature moves y by up to 3. */
export const TRUE_MODEL: Theta = [0.6, 12, 1];
/** The outlier: the example with the largest x₁ has it recorded ten times too large (a slipped decimal point). */
export const OUTLIER_FACTOR = 10;

/** (w₁, w₂, b). */
export type Theta = [number, number, number];

export interface NormalizationData {
  x1: Float64Array;
  x2: Float64Array;
  y: Float64Array;
  /** The example whose x₁ is the outlier (when switched on). */
  outlierIndex: number;
}

/** Both features and the target from one seeded stream; the outlier switch changes one x₁ value and nothing else. */
export function makeNormalizationData(seed: number, noise: number, outlier: boolean, n = N_POINTS): NormalizationData {
  const rng = createRng(seed);
  const x1 = new Float64Array(n);
  const x2 = new Float64Array(n);
  const y = new Float64Array(n);
  let outlierIndex = 0;
  for (let i = 0; i < n; i++) {
    x1[i] = uniform(rng, X1_RANGE[0], X1_RANGE[1]);
    x2[i] = uniform(rng, X2_RANGE[0], X2_RANGE[1]);
    y[i] = TRUE_MODEL[2] + TRUE_MODEL[0] * x1[i] + TRUE_MODEL[1] * x2[i] + noise * gaussian(rng);
    if (x1[i] > x1[outlierIndex]) outlierIndex = i;
  }
  // The target keeps the example's real value: only the recorded feature is wrong.
  if (outlier) x1[outlierIndex] *= OUTLIER_FACTOR;
  return { x1, x2, y, outlierIndex };
}

/** `raw` and the `scaling` parameter's options. */
export type Scaling = 'raw' | 'standardize' | 'minmax';

/** One regression problem: two feature columns and the target. */
export interface Problem {
  x1: Float64Array;
  x2: Float64Array;
  y: Float64Array;
}

export interface ScaledProblem extends Problem {
  scaling: Scaling;
  /** The fitted transform, to map weights back to the original units. */
  fit: StandardizerFit | MinMaxFit | null;
}

/** The features as given (`raw`), or transformed with the statistics of these same (training) rows. */
export function scaleProblem(data: NormalizationData, scaling: Scaling): ScaledProblem {
  if (scaling === 'raw') return { x1: data.x1, x2: data.x2, y: data.y, scaling, fit: null };
  const rows = Array.from(data.x1, (x, i) => [x, data.x2[i]]);
  const fit = scaling === 'standardize' ? fitStandardizer(rows) : fitMinMax(rows);
  const scaled = scaling === 'standardize' ? standardize(rows, fit as StandardizerFit) : minMaxScale(rows, fit as MinMaxFit);
  return {
    x1: Float64Array.from(scaled, (r) => r[0]),
    x2: Float64Array.from(scaled, (r) => r[1]),
    y: data.y,
    scaling,
    fit,
  };
}

/** Each column's affine map x' = (x − shift) / divisor of a scaling. */
function columnMaps(problem: Pick<ScaledProblem, 'scaling' | 'fit'>): { shift: number; divisor: number }[] {
  const { fit, scaling } = problem;
  if (!fit || scaling === 'raw')
    return [
      { shift: 0, divisor: 1 },
      { shift: 0, divisor: 1 },
    ];
  if (scaling === 'standardize') {
    const f = fit as StandardizerFit;
    return [0, 1].map((j) => ({ shift: f.mean[j], divisor: f.std[j] }));
  }
  const f = fit as MinMaxFit;
  return [0, 1].map((j) => ({ shift: f.min[j], divisor: f.max[j] - f.min[j] }));
}

/**
 * The same model in the original units: w′ⱼ(xⱼ − sⱼ)/dⱼ summed, plus b′, is wⱼ = w′ⱼ/dⱼ and
 * b = b′ − Σ w′ⱼ sⱼ/dⱼ. A scaled run and a raw run that reach the same predictions agree here.
 */
export function toOriginalUnits(problem: Pick<ScaledProblem, 'scaling' | 'fit'>, [w1, w2, b]: Theta): Theta {
  const [m1, m2] = columnMaps(problem);
  const o1 = m1.divisor === 0 ? 0 : w1 / m1.divisor;
  const o2 = m2.divisor === 0 ? 0 : w2 / m2.divisor;
  return [o1, o2, b - o1 * m1.shift - o2 * m2.shift];
}

/** L(θ) = (1/n) Σ (w₁x₁ᵢ + w₂x₂ᵢ + b − yᵢ)² */
export function mse(p: Problem, [w1, w2, b]: Theta): number {
  let sum = 0;
  for (let i = 0; i < p.y.length; i++) {
    const r = w1 * p.x1[i] + w2 * p.x2[i] + b - p.y[i];
    sum += r * r;
  }
  return sum / p.y.length;
}

/** ∇L = (2/n) Σ rᵢ (x₁ᵢ, x₂ᵢ, 1) with rᵢ = ŷᵢ − yᵢ. */
export function mseGradient(p: Problem, [w1, w2, b]: Theta): Theta {
  const g: Theta = [0, 0, 0];
  for (let i = 0; i < p.y.length; i++) {
    const r = w1 * p.x1[i] + w2 * p.x2[i] + b - p.y[i];
    g[0] += r * p.x1[i];
    g[1] += r * p.x2[i];
    g[2] += r;
  }
  const n = p.y.length;
  return [(2 * g[0]) / n, (2 * g[1]) / n, (2 * g[2]) / n];
}

/** One full-batch step θ ← θ − η ∇L(θ). */
export function gdStep(p: Problem, theta: Theta, lr: number): Theta {
  const g = mseGradient(p, theta);
  return [theta[0] - lr * g[0], theta[1] - lr * g[1], theta[2] - lr * g[2]];
}

/** Both runs start from w = 0 and b = ȳ: the model that predicts the mean, so they begin at the same loss. */
export function startTheta(p: Problem): Theta {
  return [0, 0, mean(p.y)];
}

/** H = (2/n) AᵀA with rows (x₁ᵢ, x₂ᵢ, 1): the same at every θ, since the loss is quadratic. */
export function hessian(p: Problem): number[][] {
  const n = p.y.length;
  const h = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (let i = 0; i < n; i++) {
    const a = [p.x1[i], p.x2[i], 1];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) h[r][c] += (2 * a[r] * a[c]) / n;
  }
  return h;
}

/** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations, ascending. */
export function symmetricEigenvalues(matrix: number[][]): number[] {
  const m = matrix.map((row) => [...row]);
  const size = m.length;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) off += m[p][q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        if (m[p][q] === 0) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const kp = m[k][p];
          const kq = m[k][q];
          m[k][p] = c * kp - s * kq;
          m[k][q] = s * kp + c * kq;
        }
        for (let k = 0; k < size; k++) {
          const pk = m[p][k];
          const qk = m[q][k];
          m[p][k] = c * pk - s * qk;
          m[q][k] = s * pk + c * qk;
        }
      }
    }
  }
  return m.map((row, i) => row[i]).sort((a, b) => a - b);
}

export interface Conditioning {
  /** λ_min and λ_max of the Hessian. */
  lambdaMin: number;
  lambdaMax: number;
  /** κ = λ_max / λ_min. */
  condition: number;
  /** 2 / λ_max: full-batch gradient descent converges below it and diverges above it. */
  criticalLr: number;
}

export function conditioning(p: Problem): Conditioning {
  const eig = symmetricEigenvalues(hessian(p));
  const lambdaMin = eig[0];
  const lambdaMax = eig[eig.length - 1];
  return { lambdaMin, lambdaMax, condition: lambdaMax / lambdaMin, criticalLr: 2 / lambdaMax };
}

/** The least-squares answer: the normal equations AᵀA θ = Aᵀy, solved by Gaussian elimination. */
export function leastSquares(p: Problem): Theta {
  const n = p.y.length;
  const m = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  for (let i = 0; i < n; i++) {
    const a = [p.x1[i], p.x2[i], 1];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) m[r][c] += a[r] * a[c];
      m[r][3] += a[r] * p.y[i];
    }
  }
  for (let col = 0; col < 3; col++) {
    let pivot = col;
    for (let r = col + 1; r < 3; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < 3; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let c = col; c < 4; c++) m[r][c] -= f * m[col][c];
    }
  }
  return [m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]];
}

/** What the page needs to evaluate L(w₁, w₂, b) anywhere without the data: the loss is a quadratic in θ. */
export interface Moments {
  x1x1: number;
  x1x2: number;
  x2x2: number;
  x1: number;
  x2: number;
  y: number;
  x1y: number;
  x2y: number;
  yy: number;
}

export function moments(p: Problem): Moments {
  const m: Moments = { x1x1: 0, x1x2: 0, x2x2: 0, x1: 0, x2: 0, y: 0, x1y: 0, x2y: 0, yy: 0 };
  const n = p.y.length;
  for (let i = 0; i < n; i++) {
    const a = p.x1[i];
    const c = p.x2[i];
    const y = p.y[i];
    m.x1x1 += a * a;
    m.x1x2 += a * c;
    m.x2x2 += c * c;
    m.x1 += a;
    m.x2 += c;
    m.y += y;
    m.x1y += a * y;
    m.x2y += c * y;
    m.yy += y * y;
  }
  for (const key of Object.keys(m) as (keyof Moments)[]) m[key] /= n;
  return m;
}

/** The mean of (w₁x₁ + w₂x₂ + b − y)², expanded over the moments. */
export function lossFromMoments(m: Moments, w1: number, w2: number, b: number): number {
  const value =
    w1 * w1 * m.x1x1 +
    2 * w1 * w2 * m.x1x2 +
    w2 * w2 * m.x2x2 +
    b * b +
    m.yy +
    2 * b * (w1 * m.x1 + w2 * m.x2) -
    2 * (w1 * m.x1y + w2 * m.x2y) -
    2 * b * m.y;
  return Math.max(value, 0);
}

export interface Window2D {
  xRange: [number, number];
  yRange: [number, number];
}

/**
 * A square window over (w₁, w₂) holding the start and the answer with room around them. Both axes have the
 * same scale, so a valley looks as long and narrow as it is, and a gradient crosses the contours at right angles.
 */
export function squareWindow(start: [number, number], best: [number, number]): Window2D {
  const cx = (start[0] + best[0]) / 2;
  const cy = (start[1] + best[1]) / 2;
  const half = Math.max(Math.abs(best[0] - start[0]), Math.abs(best[1] - start[1]), 0.5) * 0.75;
  return { xRange: [cx - half, cx + half], yRange: [cy - half, cy + half] };
}

/** The same layout as linear regression's loss grid: x along columns, y along rows. */
export type SliceGrid = LossGrid;

/**
 * L(w₁, w₂, b) − L* over the window at one value of b: the slice of the 3-D loss a run with that b stands in.
 * A run's w-step is −η∂L/∂w at its own b, so on the slice through its current b it goes straight downhill.
 */
export function sliceGrid(m: Moments, b: number, window: Window2D, minLoss: number, cols: number, rows: number): SliceGrid {
  const values = new Float32Array(cols * rows);
  const [x0, x1] = window.xRange;
  const [y0, y1] = window.yRange;
  for (let r = 0; r < rows; r++) {
    const w2 = y0 + ((y1 - y0) * r) / (rows - 1);
    for (let c = 0; c < cols; c++) {
      const w1 = x0 + ((x1 - x0) * c) / (cols - 1);
      values[r * cols + c] = Math.max(lossFromMoments(m, w1, w2, b) - minLoss, 0);
    }
  }
  return { values, cols, rows, xRange: window.xRange, yRange: window.yRange };
}

/** The loss counted as "reached the optimum": within 1 % of L* (with a floor for noise-free data, where L* = 0). */
export function nearOptimumLoss(minLoss: number, startLoss: number): number {
  return minLoss + 0.01 * Math.max(minLoss, 1e-4 * startLoss);
}

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}
