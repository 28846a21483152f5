/**
 * Binary classification metrics from scores (e.g. predicted probabilities) and labels 0/1. Where a ratio
 * has nothing to divide by, the value follows scikit-learn's default (see each function).
 */

export interface ConfusionMatrix {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface RocPoint {
  fpr: number;
  tpr: number;
  /** Predicting 1 when score ≥ threshold gives this point; the first point's threshold is +∞. */
  threshold: number;
}

/** Counts the four outcomes when the prediction is 1 for score ≥ threshold and 0 otherwise. */
export function confusionMatrix(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number): ConfusionMatrix {
  checkInputs(scores, labels);
  const m: ConfusionMatrix = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i] >= threshold;
    if (labels[i] === 1) {
      if (predicted) m.tp++;
      else m.fn++;
    } else if (predicted) m.fp++;
    else m.tn++;
  }
  return m;
}

/** tp / (tp + fp); 0 when nothing is predicted positive (scikit-learn's zero_division default). */
export function precision({ tp, fp }: ConfusionMatrix): number {
  return ratio(tp, tp + fp);
}

/** tp / (tp + fn); 0 when there are no actual positives (scikit-learn's zero_division default). */
export function recall({ tp, fn }: ConfusionMatrix): number {
  return ratio(tp, tp + fn);
}

/**
 * The harmonic mean of precision and recall, written as 2tp / (2tp + fp + fn) so that it needs no special
 * case when one of them is 0; 0 when there are neither positives nor positive predictions (scikit-learn).
 */
export function f1({ tp, fp, fn }: ConfusionMatrix): number {
  return ratio(2 * tp, 2 * tp + fp + fn);
}

/** (tp + tn) / total; 0 for no examples at all. */
export function accuracy({ tp, fp, tn, fn }: ConfusionMatrix): number {
  return ratio(tp + tn, tp + fp + tn + fn);
}

/**
 * The ROC curve: one point per distinct score, lowering the threshold from +∞ (nothing predicted positive,
 * (0, 0)) to the lowest score (everything positive, (1, 1)). Examples with the same score cross the
 * threshold together, so a tie of positives and negatives is one diagonal step with no point inside it, as
 * scikit-learn's roc_curve gives (it also drops collinear points by default; this keeps every threshold).
 * With no positives the tpr is NaN throughout, with no negatives the fpr: the curve is undefined, and
 * scikit-learn returns NaN as well.
 */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): RocPoint[] {
  checkInputs(scores, labels);
  const { positives, negatives } = countClasses(labels);
  const order = Array.from(scores, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const points: RocPoint[] = [{ fpr: 0 / negatives, tpr: 0 / positives, threshold: Infinity }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (labels[i] === 1) tp++;
    else fp++;
    const endOfTie = k === order.length - 1 || scores[order[k + 1]] !== scores[i];
    if (endOfTie) points.push({ fpr: fp / negatives, tpr: tp / positives, threshold: scores[i] });
  }
  return points;
}

/** Area under a curve by the trapezoid rule, taking the points in the order given. */
export function auc(points: ReadonlyArray<{ fpr: number; tpr: number }>): number {
  let area = 0;
  for (let k = 1; k < points.length; k++) {
    area += ((points[k].fpr - points[k - 1].fpr) * (points[k].tpr + points[k - 1].tpr)) / 2;
  }
  return area;
}

/**
 * The AUC as the Mann–Whitney statistic: the probability that a random positive scores above a random
 * negative, a tie counting ½. From ranks (ties share their average rank): U = R₊ − P(P + 1)/2, AUC = U / (P·N).
 * NaN when either class is missing, like the ROC curve itself.
 */
export function aucByRanks(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkInputs(scores, labels);
  const { positives, negatives } = countClasses(labels);
  const order = Array.from(scores, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let positiveRankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
    const averageRank = (start + end) / 2 + 1; // ranks are 1-based
    for (let k = start; k <= end; k++) if (labels[order[k]] === 1) positiveRankSum += averageRank;
    start = end + 1;
  }
  const u = positiveRankSum - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function countClasses(labels: ArrayLike<number>): { positives: number; negatives: number } {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i];
  return { positives, negatives: labels.length - positives };
}

function checkInputs(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) {
    throw new Error(`${scores.length} scores but ${labels.length} labels`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`Label ${i} is ${labels[i]}, not 0 or 1`);
    if (!Number.isFinite(scores[i])) throw new Error(`Score ${i} is ${scores[i]}, not a finite number`);
  }
}
