/**
 * Linear regression with one feature, in plain TypeScript: the data, the loss, its gradient and the
 * closed-form answer. The tfjs trainer in trainer.ts must agree with these (unit tests).
 */
import { createRng, gaussian, uniform } from '../shared/random';

export interface Dataset1D {
  x: Float32Array;
  y: Float32Array;
}

export interface Line {
  b0: number;
  b1: number;
}

/** The line the data is drawn around: y = 1 + 0.8 x. */
export const TRUE_LINE: Line = { b0: 1, b1: 0.8 };
export const X_RANGE: [number, number] = [0, 5];

export function makeLinearData(n: number, noise: number, seed: number, xRange: [number, number] = X_RANGE): Dataset1D {
  const rng = createRng(seed);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = uniform(rng, xRange[0], xRange[1]);
    y[i] = TRUE_LINE.b0 + TRUE_LINE.b1 * x[i] + noise * gaussian(rng);
  }
  return { x, y };
}

/** L(β) = (1/n) Σ (β₀ + β₁xᵢ − yᵢ)² */
export function mse({ x, y }: Dataset1D, { b0, b1 }: Line): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    const r = b0 + b1 * x[i] - y[i];
    sum += r * r;
  }
  return sum / x.length;
}

/** ∂L/∂β₀ = (2/n) Σ rᵢ,  ∂L/∂β₁ = (2/n) Σ xᵢ rᵢ  with rᵢ = ŷᵢ − yᵢ. */
export function mseGradient({ x, y }: Dataset1D, { b0, b1 }: Line): Line {
  let g0 = 0;
  let g1 = 0;
  for (let i = 0; i < x.length; i++) {
    const r = b0 + b1 * x[i] - y[i];
    g0 += r;
    g1 += x[i] * r;
  }
  return { b0: (2 * g0) / x.length, b1: (2 * g1) / x.length };
}

/** Normal equation for one feature: β₁* = Sxy / Sxx, β₀* = ȳ − β₁* x̄. */
export function closedForm({ x, y }: Dataset1D): Line {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  const b1 = sxx > 0 ? sxy / sxx : 0;
  return { b0: my - b1 * mx, b1 };
}

/**
 * Largest learning rate for which full-batch gradient descent on this data converges: 2 / λ_max of the
 * Hessian H = (2/n) XᵀX.
 */
export function criticalLearningRate({ x }: Dataset1D): number {
  const n = x.length;
  let sx = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sxx += x[i] * x[i];
  }
  const a = 2;
  const b = (2 * sx) / n;
  const d = (2 * sxx) / n;
  const lambdaMax = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
  return 2 / lambdaMax;
}

/** What the trainer tells the page about its data, once per reset. */
export interface LinearRegressionInfo {
  x: Float32Array;
  y: Float32Array;
  closedForm: Line;
  /** The training MSE of the closed-form answer: the lowest loss any line can reach on this data. */
  minLoss: number;
  criticalLr: number;
  grid: LossGrid;
}

/** The loss over a window of (β₀, β₁): β₀ is x, along columns; β₁ is y, along rows; values[row * cols + col]. */
export interface LossGrid {
  values: Float32Array;
  cols: number;
  rows: number;
  xRange: [number, number];
  yRange: [number, number];
}

/**
 * The loss surface over a window around the closed-form answer that also contains the start (0, 0).
 * MSE is a quadratic in β, so it is evaluated from five sums rather than from every point.
 */
export function lossGrid(data: Dataset1D, cols: number, rows: number): LossGrid {
  const best = closedForm(data);
  const b0Range = paddedRange(0, best.b0);
  const b1Range = paddedRange(0, best.b1);
  const n = data.x.length;
  let sx = 0,
    sy = 0,
    sxx = 0,
    sxy = 0,
    syy = 0;
  for (let i = 0; i < n; i++) {
    const xi = data.x[i];
    const yi = data.y[i];
    sx += xi;
    sy += yi;
    sxx += xi * xi;
    sxy += xi * yi;
    syy += yi * yi;
  }
  const values = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const b1 = b1Range[0] + ((b1Range[1] - b1Range[0]) * r) / (rows - 1);
    for (let c = 0; c < cols; c++) {
      const b0 = b0Range[0] + ((b0Range[1] - b0Range[0]) * c) / (cols - 1);
      // Σ(b0 + b1 x − y)² expanded
      const s = n * b0 * b0 + b1 * b1 * sxx + syy + 2 * b0 * b1 * sx - 2 * b0 * sy - 2 * b1 * sxy;
      values[r * cols + c] = Math.max(s / n, 0);
    }
  }
  return { values, cols, rows, xRange: b0Range, yRange: b1Range };
}

function paddedRange(a: number, b: number): [number, number] {
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  const pad = Math.max((high - low) * 0.6, 1);
  return [low - pad, high + pad];
}
