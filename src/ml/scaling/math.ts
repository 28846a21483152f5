/**
 * The scaling sweep's plain arithmetic (no tfjs): the task, the networks' sizes, the order the models are
 * trained in, the compute each costs, and the power-law fit L(N) = a·N^(−α) + L∞ to the finished ones.
 */
import { createRng, gaussian, uniform } from '../shared/random';

/** The widths of the width series: the same two-hidden-layer network, 1 … 64 units per hidden layer. */
export const WIDTHS = [1, 2, 4, 8, 16, 32, 64] as const;
/** The training-set sizes of the data series, all at `DATA_WIDTH` units. The largest is the width series' set. */
export const DATA_SIZES = [32, 64, 128, 256, 512] as const;
export const DATA_WIDTH = 32;
/** Training points of every model of the width series (and the pool the data series' sets are cut from). */
export const TRAIN_SIZE = 1024;
export const VALIDATION_SIZE = 1024;
/** Noise on the targets: no model can predict it, so the validation loss cannot fall below σ² = 0.0025. */
export const NOISE = 0.05;
export const NOISE_FLOOR = NOISE * NOISE;
/** The inputs and outputs of every network: two coordinates in, one number out. */
export const INPUTS = 2;
/** Examples per update: each model cycles through its training set in fixed batches of this many. */
export const BATCH = 128;
/** The fractions of a model's steps after which its validation loss is also recorded (the compute view). */
export const CHECKPOINTS = [1 / 8, 1 / 4, 1 / 2, 1] as const;

/**
 * Weights and biases of the network 2 → w → w → 1 (two hidden layers of w units):
 * (2·w + w) + (w·w + w) + (w·1 + 1) = w² + 5w + 1.
 */
export function parameterCount(width: number): number {
  return INPUTS * width + width + width * width + width + width + 1;
}

/** The function every network learns: smooth, with detail at several scales, on [−1, 1]². */
export function target(x1: number, x2: number): number {
  return Math.sin(4 * x1) * Math.cos(3 * x2) + 0.6 * Math.sin(6 * x1 * x2 + 1) + 0.4 * Math.cos(9 * x2 - 4 * x1);
}

export interface ScalingData {
  /** x₁, x₂ interleaved, TRAIN_SIZE points. */
  trainX: Float32Array;
  trainY: Float32Array;
  validationX: Float32Array;
  validationY: Float32Array;
}

/** The one fixed data set of the sweep (the seed changes it): uniform points in [−1, 1]², noisy targets. */
export function makeScalingData(seed: number): ScalingData {
  const rng = createRng(seed * 7919 + 17);
  const draw = (n: number) => {
    const x = new Float32Array(2 * n);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      x[2 * i] = uniform(rng, -1, 1);
      x[2 * i + 1] = uniform(rng, -1, 1);
      y[i] = target(x[2 * i], x[2 * i + 1]) + NOISE * gaussian(rng);
    }
    return { x, y };
  };
  const train = draw(TRAIN_SIZE);
  const validation = draw(VALIDATION_SIZE);
  return { trainX: train.x, trainY: train.y, validationX: validation.x, validationY: validation.y };
}

export type Series = 'width' | 'data';

export interface PlannedModel {
  /** 0 for the width series, 1 for the data series (the trace carries numbers). */
  series: Series;
  width: number;
  /** Training points: the first `examples` of the training set. */
  examples: number;
  /** 0 … seeds − 1: which initialization (and, for the data series, the same subset). */
  replicate: number;
}

/**
 * The order the models are trained in: the width series one replicate at a time (every width once, then
 * every width again with the next initialization), so the first points already span the whole range; then,
 * if asked, the data series the same way.
 */
export function sweepPlan(seeds: number, dataSeries: boolean): PlannedModel[] {
  const plan: PlannedModel[] = [];
  for (let replicate = 0; replicate < seeds; replicate++)
    for (const width of WIDTHS) plan.push({ series: 'width', width, examples: TRAIN_SIZE, replicate });
  if (dataSeries)
    for (let replicate = 0; replicate < seeds; replicate++)
      for (const examples of DATA_SIZES) plan.push({ series: 'data', width: DATA_WIDTH, examples, replicate });
  return plan;
}

/** Examples one update sees: a batch, or the whole set when it is smaller than one. */
export function batchSize(examples: number): number {
  return Math.min(BATCH, examples);
}

/**
 * Training compute of a model in FLOPs, ≈ 6 · N · examples seen (2 for the forward pass, 4 for the backward,
 * per parameter and example — the rule Kaplan et al. use, lesson 16's 6·N·D).
 */
export function trainingFlops(parameters: number, examples: number, steps: number): number {
  return 6 * parameters * batchSize(examples) * steps;
}

export interface PowerLawFit {
  a: number;
  alpha: number;
  floor: number;
  /** Root mean square of the fit's residuals in ln L. */
  rmsLog: number;
}

/** The straight line through (u, v) by least squares: v ≈ intercept + slope·u, and its squared error. */
function lineFit(u: readonly number[], v: readonly number[]) {
  const n = u.length;
  const mu = u.reduce((s, x) => s + x, 0) / n;
  const mv = v.reduce((s, x) => s + x, 0) / n;
  let suu = 0;
  let suv = 0;
  for (let i = 0; i < n; i++) {
    suu += (u[i] - mu) ** 2;
    suv += (u[i] - mu) * (v[i] - mv);
  }
  const slope = suu > 0 ? suv / suu : 0;
  const intercept = mv - slope * mu;
  return { slope, intercept };
}

/**
 * Fits L(N) = a·N^(−α) + L∞ to points (N, L), each point weighted alike (several seeds at one N are several
 * points). For a given floor L∞, ln(L − L∞) = ln a − α ln N is a straight line, fitted by least squares; the
 * floor is the one in [0, min L) whose curve is closest to the points in ln L (a grid, then golden-section
 * search around its best cell). Null with fewer than three distinct N or a non-positive loss.
 */
export function fitPowerLaw(points: readonly { n: number; loss: number }[]): PowerLawFit | null {
  if (new Set(points.map((p) => p.n)).size < 3) return null;
  if (points.some((p) => !(p.loss > 0) || !(p.n > 0) || !Number.isFinite(p.loss))) return null;
  const logN = points.map((p) => Math.log(p.n));
  const logL = points.map((p) => Math.log(p.loss));
  const minLoss = Math.min(...points.map((p) => p.loss));
  const evaluate = (floor: number) => {
    const { slope, intercept } = lineFit(
      logN,
      points.map((p) => Math.log(p.loss - floor)),
    );
    const a = Math.exp(intercept);
    const alpha = -slope;
    let sse = 0;
    for (let i = 0; i < points.length; i++) {
      const predicted = a * Math.exp(-alpha * logN[i]) + floor;
      sse += (Math.log(predicted) - logL[i]) ** 2;
    }
    return { a, alpha, floor, sse };
  };
  const top = minLoss * (1 - 1e-6);
  const cells = 200;
  let best = evaluate(0);
  let bestCell = 0;
  for (let k = 1; k <= cells; k++) {
    const candidate = evaluate((top * k) / cells);
    if (candidate.sse < best.sse) {
      best = candidate;
      bestCell = k;
    }
  }
  let lo = (top * Math.max(0, bestCell - 1)) / cells;
  let hi = (top * Math.min(cells, bestCell + 1)) / cells;
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const m1 = hi - ratio * (hi - lo);
    const m2 = lo + ratio * (hi - lo);
    if (evaluate(m1).sse < evaluate(m2).sse) hi = m2;
    else lo = m1;
  }
  const refined = evaluate((lo + hi) / 2);
  if (refined.sse < best.sse) best = refined;
  return { a: best.a, alpha: best.alpha, floor: best.floor, rmsLog: Math.sqrt(best.sse / points.length) };
}
