/**
 * Logistic regression on 2-D points in plain TypeScript: the probability, the log-loss written so it never
 * overflows, its gradient, accuracy and the score over a grid. The tfjs trainer must agree (unit tests).
 */
import { WINDOW, type Points2D } from '../shared/classification-data';

export interface Weights2D {
  w1: number;
  w2: number;
  b: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function score({ w1, w2, b }: Weights2D, x1: number, x2: number): number {
  return w1 * x1 + w2 * x2 + b;
}

/**
 * −[y ln σ(z) + (1 − y) ln(1 − σ(z))] = max(z, 0) − z·y + ln(1 + e^(−|z|)): the same number, but a
 * confidently wrong point (|z| of 50) costs about 50 instead of ∞.
 */
export function pointLoss(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

export function logLoss(points: Points2D, w: Weights2D): number {
  let sum = 0;
  for (let i = 0; i < points.x1.length; i++) sum += pointLoss(score(w, points.x1[i], points.x2[i]), points.label[i]);
  return sum / points.x1.length;
}

/** ∂L/∂w = (1/n) Σ (pᵢ − yᵢ) xᵢ,  ∂L/∂b = (1/n) Σ (pᵢ − yᵢ). */
export function logLossGradient(points: Points2D, w: Weights2D): Weights2D {
  const g = { w1: 0, w2: 0, b: 0 };
  const n = points.x1.length;
  for (let i = 0; i < n; i++) {
    const error = sigmoid(score(w, points.x1[i], points.x2[i])) - points.label[i];
    g.w1 += error * points.x1[i];
    g.w2 += error * points.x2[i];
    g.b += error;
  }
  return { w1: g.w1 / n, w2: g.w2 / n, b: g.b / n };
}

/** The share of points on the right side of the 0.5 boundary (z > 0 means class 1). */
export function accuracy(points: Points2D, w: Weights2D): number {
  let right = 0;
  for (let i = 0; i < points.x1.length; i++) {
    if (score(w, points.x1[i], points.x2[i]) > 0 === (points.label[i] === 1)) right++;
  }
  return right / points.x1.length;
}

/** The score z at the centres of a cols × rows grid over the window (row 0 is the lowest x₂). */
export function scoreGrid(w: Weights2D, cols: number, rows: number, into = new Float32Array(cols * rows)): Float32Array {
  const span = WINDOW[1] - WINDOW[0];
  for (let r = 0; r < rows; r++) {
    const x2 = WINDOW[0] + (span * r) / (rows - 1);
    for (let c = 0; c < cols; c++) into[r * cols + c] = w.w1 * (WINDOW[0] + (span * c) / (cols - 1)) + w.w2 * x2 + w.b;
  }
  return into;
}
