import { describe, expect, it } from 'vitest';
import { cellCount, confusionMatrix, matrixAccuracy, misclassifiedIndices } from '../../src/ml/mnist/confusion';

// Ten examples, worked by hand:
//   index       0  1  2  3  4  5  6  7  8  9
//   true        7  2  1  0  4  1  4  9  5  9
//   predicted   7  2  1  0  9  1  9  9  6  4
// Right: 0, 1, 2, 3, 5, 7 (six). Wrong: 4 and 6 (true 4 → 9), 8 (5 → 6), 9 (9 → 4).
const labels = Uint8Array.from([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
const predictions = Uint8Array.from([7, 2, 1, 0, 9, 1, 9, 9, 6, 4]);

describe('confusionMatrix', () => {
  const m = confusionMatrix(labels, predictions);

  it('puts the true class on the rows and the prediction on the columns', () => {
    expect(m).toBeInstanceOf(Uint32Array);
    expect(m.length).toBe(100);
    expect(m[4 * 10 + 9]).toBe(2); // true 4, predicted 9
    expect(m[9 * 10 + 4]).toBe(1); // true 9, predicted 4: not the same cell
    expect(m[5 * 10 + 6]).toBe(1);
    expect(cellCount(m, 4, 9)).toBe(2);
  });

  it('counts the right answers on the diagonal', () => {
    const diagonal = Array.from({ length: 10 }, (_, d) => m[d * 11]);
    expect(diagonal).toEqual([1, 2, 1, 0, 0, 0, 0, 1, 0, 1]);
  });

  it('has every example once: rows add up to the class counts, all to 10', () => {
    const rowSums = Array.from({ length: 10 }, (_, t) => m.slice(t * 10, t * 10 + 10).reduce((a, b) => a + b, 0));
    expect(rowSums).toEqual([1, 2, 1, 0, 2, 1, 0, 1, 0, 2]);
    expect(m.reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('gives the accuracy as the diagonal’s share: 6 of 10', () => {
    expect(matrixAccuracy(m)).toBeCloseTo(0.6, 12);
    expect(matrixAccuracy(confusionMatrix(new Uint8Array(0), new Uint8Array(0)))).toBeNaN();
  });

  it('takes another number of classes', () => {
    const two = confusionMatrix(Uint8Array.from([0, 1, 1]), Uint8Array.from([1, 1, 0]), 2);
    expect(Array.from(two)).toEqual([0, 1, 1, 1]);
    expect(matrixAccuracy(two, 2)).toBeCloseTo(1 / 3, 12);
  });

  it('refuses arrays of different lengths and classes out of range', () => {
    expect(() => confusionMatrix(labels, predictions.subarray(1))).toThrow(RangeError);
    expect(() => confusionMatrix(Uint8Array.from([10]), Uint8Array.from([0]))).toThrow(RangeError);
    expect(() => confusionMatrix(Uint8Array.from([0]), Uint8Array.from([2]), 2)).toThrow(RangeError);
  });
});

describe('misclassifiedIndices', () => {
  it('lists the examples of one cell in order', () => {
    expect(misclassifiedIndices(labels, predictions, 4, 9, 24)).toEqual([4, 6]);
    expect(misclassifiedIndices(labels, predictions, 9, 4, 24)).toEqual([9]);
    expect(misclassifiedIndices(labels, predictions, 5, 6, 24)).toEqual([8]);
  });

  it('stops at the limit, keeping the first ones', () => {
    expect(misclassifiedIndices(labels, predictions, 4, 9, 1)).toEqual([4]);
    expect(misclassifiedIndices(labels, predictions, 4, 9, 0)).toEqual([]);
  });

  it('gives nothing for an empty cell, and the right answers for a diagonal cell', () => {
    expect(misclassifiedIndices(labels, predictions, 3, 8, 24)).toEqual([]);
    expect(misclassifiedIndices(labels, predictions, 1, 1)).toEqual([2, 5]);
  });

  it('agrees with the matrix on every cell', () => {
    const m = confusionMatrix(labels, predictions);
    for (let t = 0; t < 10; t++)
      for (let p = 0; p < 10; p++) expect(misclassifiedIndices(labels, predictions, t, p).length).toBe(m[t * 10 + p]);
  });
});
