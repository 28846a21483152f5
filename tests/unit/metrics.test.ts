import { describe, expect, it } from 'vitest';
import { accuracy, auc, aucByRanks, confusionMatrix, f1, precision, recall, rocCurve } from '../../src/ml/shared/metrics';
import { createRng } from '../../src/ml/shared/random';

const scores = [0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2];
const labels = [1, 1, 0, 1, 0, 0, 1, 0];

describe('the confusion matrix and the metrics read from it', () => {
  it('counts a hand-worked example at threshold 0.5', () => {
    // Predicted 1: 0.9(1) 0.8(1) 0.7(0) 0.6(1) 0.55(0) → tp 3, fp 2. Predicted 0: 0.4(0) 0.3(1) 0.2(0) → tn 2, fn 1.
    const m = confusionMatrix(scores, labels, 0.5);
    expect(m).toEqual({ tp: 3, fp: 2, tn: 2, fn: 1 });
    expect(precision(m)).toBeCloseTo(3 / 5, 12);
    expect(recall(m)).toBeCloseTo(3 / 4, 12);
    // 2·(3/5)(3/4) / (3/5 + 3/4) = 0.9 / 1.35 = 2/3 = 2·3 / (2·3 + 2 + 1)
    expect(f1(m)).toBeCloseTo(2 / 3, 12);
    expect(accuracy(m)).toBeCloseTo(5 / 8, 12);
  });

  it('predicts 1 for a score equal to the threshold', () => {
    // At 0.6 the example scored 0.6 (label 1) is predicted positive: tp 3, fp 1, tn 3, fn 1.
    expect(confusionMatrix(scores, labels, 0.6)).toEqual({ tp: 3, fp: 1, tn: 3, fn: 1 });
    // Just above it, it is not: tp 2, fp 1, tn 3, fn 2.
    expect(confusionMatrix(scores, labels, 0.6000001)).toEqual({ tp: 2, fp: 1, tn: 3, fn: 2 });
  });

  it('gives 0 for precision, recall and F1 when nothing is predicted positive', () => {
    const m = confusionMatrix(scores, labels, 2);
    expect(m).toEqual({ tp: 0, fp: 0, tn: 4, fn: 4 });
    expect(precision(m)).toBe(0);
    expect(recall(m)).toBe(0);
    expect(f1(m)).toBe(0);
    expect(accuracy(m)).toBe(0.5);
  });

  it('handles a single class', () => {
    // All positive: 0.8 is predicted 1, 0.2 is not → tp 1, fn 1, precision 1/1, recall 1/2.
    const positives = confusionMatrix([0.2, 0.8], [1, 1], 0.5);
    expect(positives).toEqual({ tp: 1, fp: 0, tn: 0, fn: 1 });
    expect(precision(positives)).toBe(1);
    expect(recall(positives)).toBe(0.5);
    expect(f1(positives)).toBeCloseTo(2 / 3, 12); // 2·1 / (2·1 + 0 + 1)
    // All negative: no positives to recall (0 by convention), and the one positive prediction is wrong.
    const negatives = confusionMatrix([0.2, 0.8], [0, 0], 0.5);
    expect(negatives).toEqual({ tp: 0, fp: 1, tn: 1, fn: 0 });
    expect(precision(negatives)).toBe(0);
    expect(recall(negatives)).toBe(0);
    expect(f1(negatives)).toBe(0);
    expect(accuracy(negatives)).toBe(0.5);
    // All negative and all predicted negative: right every time, but F1 has nothing to count (0).
    const quiet = confusionMatrix([0.2, 0.3], [0, 0], 0.5);
    expect(accuracy(quiet)).toBe(1);
    expect(f1(quiet)).toBe(0);
  });

  it('gives 0 for every metric on no examples', () => {
    const m = confusionMatrix([], [], 0.5);
    expect(m).toEqual({ tp: 0, fp: 0, tn: 0, fn: 0 });
    for (const metric of [precision, recall, f1, accuracy]) expect(metric(m)).toBe(0);
  });

  it('accepts typed arrays', () => {
    expect(confusionMatrix(Float32Array.from(scores), Uint8Array.from(labels), 0.5)).toEqual(confusionMatrix(scores, labels, 0.5));
  });

  it('rejects mismatched lengths, labels other than 0/1 and scores that are not finite', () => {
    expect(() => confusionMatrix([0.1, 0.2], [1], 0.5)).toThrow();
    expect(() => confusionMatrix([0.1], [2], 0.5)).toThrow();
    expect(() => rocCurve([0.1, 0.2], [1, -1])).toThrow();
    expect(() => aucByRanks([NaN, 0.2], [1, 0])).toThrow();
  });
});

// Three tied at 0.7 (one positive, two negatives) and two at 0.4 (one of each); P = 3, N = 4.
const tiedScores = [0.9, 0.7, 0.7, 0.7, 0.4, 0.4, 0.2];
const tiedLabels = [1, 0, 1, 0, 0, 1, 0];

describe('the ROC curve', () => {
  it('moves diagonally through a tie in one step, with no point inside it', () => {
    // Lowering the threshold: ∞ → (0, 0); 0.9 adds a positive → (0, 1/3); 0.7 adds 1 positive and 2
    // negatives at once → (2/4, 2/3); 0.4 adds one of each → (3/4, 1); 0.2 adds a negative → (1, 1).
    const points = rocCurve(tiedScores, tiedLabels);
    expect(points.map((p) => p.threshold)).toEqual([Infinity, 0.9, 0.7, 0.4, 0.2]);
    const expected = [
      [0, 0],
      [0, 1 / 3],
      [1 / 2, 2 / 3],
      [3 / 4, 1],
      [1, 1],
    ];
    expect(points.length).toBe(expected.length);
    points.forEach((p, k) => {
      expect(p.fpr).toBeCloseTo(expected[k][0], 12);
      expect(p.tpr).toBeCloseTo(expected[k][1], 12);
    });
  });

  it('does not depend on the order of tied examples', () => {
    // The same examples, positives listed first inside each tie.
    const points = rocCurve([0.9, 0.7, 0.7, 0.7, 0.4, 0.4, 0.2], [1, 1, 0, 0, 1, 0, 0]);
    expect(points).toEqual(rocCurve(tiedScores, tiedLabels));
  });

  it('lists thresholds whose confusion matrices give its points', () => {
    for (const p of rocCurve(tiedScores, tiedLabels)) {
      const m = confusionMatrix(tiedScores, tiedLabels, p.threshold);
      expect(m.fp / (m.fp + m.tn)).toBeCloseTo(p.fpr, 12);
      expect(m.tp / (m.tp + m.fn)).toBeCloseTo(p.tpr, 12);
    }
  });

  it('is the diagonal when every score is tied', () => {
    const points = rocCurve([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0]);
    expect(points).toEqual([
      { fpr: 0, tpr: 0, threshold: Infinity },
      { fpr: 1, tpr: 1, threshold: 0.5 },
    ]);
  });

  it('has NaN rates for a class that is missing', () => {
    const onlyPositives = rocCurve([0.3, 0.8], [1, 1]);
    expect(onlyPositives.map((p) => p.tpr)).toEqual([0, 0.5, 1]);
    expect(onlyPositives.every((p) => Number.isNaN(p.fpr))).toBe(true);
    const onlyNegatives = rocCurve([0.3, 0.8], [0, 0]);
    expect(onlyNegatives.map((p) => p.fpr)).toEqual([0, 0.5, 1]);
    expect(onlyNegatives.every((p) => Number.isNaN(p.tpr))).toBe(true);
  });
});

/** The definition itself: over every (positive, negative) pair, 1 if the positive scores higher, ½ if tied. */
function aucByPairs(s: number[], y: number[]): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < s.length; i++) {
    for (let j = 0; j < s.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      pairs++;
      sum += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
    }
  }
  return sum / pairs;
}

/** Scores rounded to one decimal so that many tie, with labels that lean towards high scores. */
function randomTiedData(seed: number, n: number): { s: number[]; y: number[] } {
  const rng = createRng(seed);
  const s: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const score = Math.round(rng() * 10) / 10;
    s.push(score);
    y.push(rng() < 0.2 + 0.6 * score ? 1 : 0);
  }
  return { s, y };
}

describe('AUC', () => {
  it('equals the hand-computed area, by trapezoids and by ranks, with ties', () => {
    // Trapezoids over (0,0) (0,1/3) (1/2,2/3) (3/4,1) (1,1):
    //   0 + (1/2)(1/3 + 2/3)/2 + (1/4)(2/3 + 1)/2 + (1/4)(1 + 1)/2 = 1/4 + 5/24 + 1/4 = 17/24.
    // Pairs (positives 0.9, 0.7, 0.4 against negatives 0.7, 0.7, 0.4, 0.2):
    //   0.9 beats all 4 → 4; 0.7 ties two (½ + ½) and beats 0.4, 0.2 → 3; 0.4 ties one and beats 0.2 → 1.5;
    //   8.5 / 12 = 17/24.
    // Ranks ascending: 0.2 → 1; 0.4 → 2.5 (shared); 0.7 → 5 (shared by 4, 5, 6); 0.9 → 7.
    //   R₊ = 2.5 + 5 + 7 = 14.5, U = 14.5 − 3·4/2 = 8.5.
    expect(auc(rocCurve(tiedScores, tiedLabels))).toBeCloseTo(17 / 24, 12);
    expect(aucByRanks(tiedScores, tiedLabels)).toBeCloseTo(17 / 24, 12);
  });

  it('is 1/2 when every score is tied, 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(auc(rocCurve([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0]))).toBe(0.5);
    expect(aucByRanks([0.5, 0.5, 0.5, 0.5], [1, 0, 1, 0])).toBe(0.5);
    expect(auc(rocCurve([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]))).toBe(1);
    expect(aucByRanks([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc(rocCurve([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0]))).toBe(0);
    expect(aucByRanks([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
  });

  it('computes the example without ties by hand too', () => {
    // Positives 0.9, 0.8, 0.6, 0.3 against negatives 0.7, 0.55, 0.4, 0.2: 4 + 4 + 3 + 1 = 12 of 16 → 3/4.
    expect(auc(rocCurve(scores, labels))).toBeCloseTo(3 / 4, 12);
    expect(aucByRanks(scores, labels)).toBeCloseTo(3 / 4, 12);
  });

  it('agrees three ways (trapezoids, ranks, all pairs) on random data full of ties', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { s, y } = randomTiedData(seed, 60);
      const byPairs = aucByPairs(s, y);
      expect(byPairs).toBeGreaterThan(0.55); // the labels do follow the scores
      expect(auc(rocCurve(s, y))).toBeCloseTo(byPairs, 12);
      expect(aucByRanks(s, y)).toBeCloseTo(byPairs, 12);
    }
  });

  it('becomes 1 − AUC when the scores are reversed, ties included', () => {
    for (const seed of [6, 7, 8]) {
      const { s, y } = randomTiedData(seed, 50);
      const reversed = s.map((x) => 1 - x);
      expect(auc(rocCurve(reversed, y))).toBeCloseTo(1 - auc(rocCurve(s, y)), 12);
      expect(aucByRanks(reversed, y)).toBeCloseTo(1 - aucByRanks(s, y), 12);
    }
  });

  it('is NaN for a single class, both ways', () => {
    expect(aucByRanks([0.3, 0.8], [1, 1])).toBeNaN();
    expect(auc(rocCurve([0.3, 0.8], [1, 1]))).toBeNaN();
    expect(aucByRanks([0.3, 0.8], [0, 0])).toBeNaN();
    expect(auc(rocCurve([0.3, 0.8], [0, 0]))).toBeNaN();
  });
});

describe('class imbalance', () => {
  // Positives 0.9, 0.7, 0.3; negatives 0.8, 0.6, 0.2. Then the same with every negative ten times over.
  const s = [0.9, 0.8, 0.7, 0.6, 0.3, 0.2];
  const y = [1, 0, 1, 0, 1, 0];
  const manyS = [...s];
  const manyY = [...y];
  for (let copy = 1; copy < 10; copy++) {
    manyS.push(0.8, 0.6, 0.2);
    manyY.push(0, 0, 0);
  }

  it('leaves the ROC curve and the AUC unchanged: they are rates within each class', () => {
    expect(rocCurve(manyS, manyY)).toEqual(rocCurve(s, y));
    // Pairs: 0.9 beats all three negatives, 0.7 beats 0.6 and 0.2, 0.3 beats 0.2 → 6 of 9.
    expect(auc(rocCurve(s, y))).toBeCloseTo(2 / 3, 12);
    expect(auc(rocCurve(manyS, manyY))).toBeCloseTo(2 / 3, 12);
    expect(aucByRanks(manyS, manyY)).toBeCloseTo(2 / 3, 12);
  });

  it("changes precision and accuracy, which mix the two classes' counts", () => {
    // At 0.75: 0.9 (1) and 0.8 (0) predicted 1 → tp 1, fp 1, fn 2, tn 2; with ten times the negatives fp 10, tn 20.
    const few = confusionMatrix(s, y, 0.75);
    const many = confusionMatrix(manyS, manyY, 0.75);
    expect(few).toEqual({ tp: 1, fp: 1, tn: 2, fn: 2 });
    expect(many).toEqual({ tp: 1, fp: 10, tn: 20, fn: 2 });
    expect(recall(many)).toBe(recall(few));
    expect(precision(few)).toBe(1 / 2);
    expect(precision(many)).toBeCloseTo(1 / 11, 12);
    expect(accuracy(few)).toBe(1 / 2);
    expect(accuracy(many)).toBeCloseTo(21 / 33, 12);
  });
});
