/**
 * What the metrics widget reads off a trained logistic model at a threshold, in plain numbers (main thread):
 * the logit z = w·x + b of each evaluation point, the confusion matrix and its metrics when class 1 is
 * predicted for σ(z) ≥ t, the "always negative" baseline, and per-class histograms of σ(z).
 *
 * Everything ranks and compares logits rather than probabilities: σ(z) rounds to exactly 1 in floating point
 * once z passes about 37, which would tie points the model still orders (and change the ROC curve and AUC).
 * σ(z) ≥ t and z ≥ logit(t) are the same test, since σ is increasing.
 */
import type { Points2D } from '../shared/classification-data';
import { sigmoid, type Weights2D } from '../logistic-regression/math';
import { accuracy, auc, confusionMatrix, f1, precision, recall, rocCurve, type ConfusionMatrix, type RocPoint } from '../shared/metrics';

/** ln(t / (1 − t)), the inverse of σ; −∞ at 0 and +∞ at 1. */
export function logit(t: number): number {
  return Math.log(t) - Math.log1p(-t);
}

export function logits(points: Points2D, { w1, w2, b }: Weights2D, into = new Float64Array(points.x1.length)): Float64Array {
  for (let i = 0; i < points.x1.length; i++) into[i] = w1 * points.x1[i] + w2 * points.x2[i] + b;
  return into;
}

export interface ThresholdReport {
  matrix: ConfusionMatrix;
  accuracy: number;
  precision: number;
  /** Also the true-positive rate, the ROC point's height. */
  recall: number;
  /** fp / (fp + tn), the ROC point's abscissa; 0 when there are no negatives. */
  fpr: number;
  f1: number;
}

/** The metrics when class 1 is predicted for σ(z) ≥ t; the zero-division conventions are those of metrics.ts. */
export function reportAt(z: ArrayLike<number>, labels: ArrayLike<number>, t: number): ThresholdReport {
  const matrix = confusionMatrix(z, labels, logit(t));
  return {
    matrix,
    accuracy: accuracy(matrix),
    precision: precision(matrix),
    recall: recall(matrix),
    fpr: matrix.fp + matrix.tn === 0 ? 0 : matrix.fp / (matrix.fp + matrix.tn),
    f1: f1(matrix),
  };
}

/** The accuracy of a model that always says "negative": the share of negatives. */
export function alwaysNegativeAccuracy(labels: ArrayLike<number>): number {
  let negatives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 0) negatives++;
  return labels.length === 0 ? 0 : negatives / labels.length;
}

export interface ClassHistograms {
  /** positive[k]: the share of the positives whose σ(z) falls in bin k, [k/bins, (k+1)/bins) (the last bin includes 1). */
  positive: Float64Array;
  negative: Float64Array;
}

/**
 * Each class's distribution of predicted probabilities, as shares of that class (each histogram sums to 1),
 * so that at a threshold on a bin edge the positives' bars right of it add up to the recall and the
 * negatives' bars to the false-positive rate, whatever the class balance.
 */
export function classHistograms(z: ArrayLike<number>, labels: ArrayLike<number>, bins: number): ClassHistograms {
  const positive = new Float64Array(bins);
  const negative = new Float64Array(bins);
  let positives = 0;
  for (let i = 0; i < z.length; i++) {
    const bin = Math.min(bins - 1, Math.floor(sigmoid(z[i]) * bins));
    if (labels[i] === 1) {
      positive[bin]++;
      positives++;
    } else negative[bin]++;
  }
  const negatives = z.length - positives;
  for (let k = 0; k < bins; k++) {
    if (positives) positive[k] /= positives;
    if (negatives) negative[k] /= negatives;
  }
  return { positive, negative };
}

export interface ScoredEvaluation {
  z: Float64Array;
  labels: ArrayLike<number>;
  roc: RocPoint[];
  auc: number;
  histograms: ClassHistograms;
}

/** Everything about the evaluation points that depends on the weights but not on the threshold. */
export function scoreEvaluation(points: Points2D, w: Weights2D, bins: number): ScoredEvaluation {
  const z = logits(points, w);
  const roc = rocCurve(z, points.label);
  return { z, labels: points.label, roc, auc: auc(roc), histograms: classHistograms(z, points.label, bins) };
}

/** The logit at the centres of a cols × rows grid over the square window (row 0 is the lowest x₂). */
export function logitGrid({ w1, w2, b }: Weights2D, window: [number, number], cols: number, rows: number): Float32Array {
  const grid = new Float32Array(cols * rows);
  const span = window[1] - window[0];
  for (let r = 0; r < rows; r++) {
    const x2 = window[0] + (span * r) / (rows - 1);
    for (let c = 0; c < cols; c++) grid[r * cols + c] = w1 * (window[0] + (span * c) / (cols - 1)) + w2 * x2 + b;
  }
  return grid;
}
