import { describe, expect, it } from 'vitest';
import { fitMinMax, fitStandardizer, minMaxScale, standardize } from '../../src/ml/shared/preprocessing';
import { createRng, gaussian } from '../../src/ml/shared/random';

// Columns: an unevenly spread one, one whose population and sample std differ visibly, a constant one.
const train = [
  [1, 2, 5],
  [3, 2, 5],
  [5, 6, 5],
  [7, 6, 5],
];
const test = [[9, 0, 7]];

function expectRowsClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 12));
  });
}

describe('standardization', () => {
  it('fits the mean and the population std of each column', () => {
    // Column 0: mean (1+3+5+7)/4 = 4, squared deviations 9+1+1+9 = 20, σ = √(20/4) = √5.
    // Column 1: mean (2+2+6+6)/4 = 4, deviations ±2, σ = √(16/4) = 2 (the sample std would be √(16/3) ≈ 2.31).
    // Column 2: constant, σ = 0.
    const fit = fitStandardizer(train);
    expect(fit.mean).toEqual([4, 4, 5]);
    expect(fit.std[0]).toBeCloseTo(Math.sqrt(5), 12);
    expect(fit.std[1]).toBe(2);
    expect(fit.std[2]).toBe(0);
  });

  it('scales the training rows with their own fit', () => {
    const s5 = Math.sqrt(5);
    // (x − 4)/√5 for column 0, (x − 4)/2 for column 1, and 0 for the constant column.
    expectRowsClose(standardize(train, fitStandardizer(train)), [
      [-3 / s5, -1, 0],
      [-1 / s5, -1, 0],
      [1 / s5, 1, 0],
      [3 / s5, 1, 0],
    ]);
  });

  it('applies the training fit to test rows, unchanged', () => {
    const fit = fitStandardizer(train);
    const before = structuredClone(fit);
    // (9 − 4)/√5 = √5, (0 − 4)/2 = −2; the constant column maps to 0 even though 7 ≠ 5.
    expectRowsClose(standardize(test, fit), [[Math.sqrt(5), -2, 0]]);
    expect(fit).toEqual(before);
    // A fit on the test set itself would give something else entirely (every column of one row is constant).
    expect(standardize(test, fitStandardizer(test))).toEqual([[0, 0, 0]]);
  });

  it('maps a constant column of inexact floats to exactly 0, not to ±1', () => {
    // The rounded mean of [0.1, 0.1, 0.1] is 0.1 + 1.4e-17; dividing the deviations by the resulting
    // σ ≈ 1.4e-17 would give −1 for every row.
    const rows = [[0.1], [0.1], [0.1]];
    const fit = fitStandardizer(rows);
    expect(fit).toEqual({ mean: [0.1], std: [0] });
    expect(standardize(rows, fit)).toEqual([[0], [0], [0]]);
  });

  it('accepts Float32Array rows', () => {
    const rows = train.map((row) => Float32Array.from(row));
    expect(fitStandardizer(rows)).toEqual(fitStandardizer(train));
    expect(standardize(rows, fitStandardizer(rows))).toEqual(standardize(train, fitStandardizer(train)));
  });

  it('gives training columns mean 0 and population std 1', () => {
    const rng = createRng(11);
    const rows = Array.from({ length: 50 }, () => [3 + 2 * gaussian(rng), -100 + 0.01 * gaussian(rng), 1e4 * gaussian(rng)]);
    const scaled = standardize(rows, fitStandardizer(rows));
    for (let j = 0; j < 3; j++) {
      const column = scaled.map((row) => row[j]);
      const mean = column.reduce((a, b) => a + b, 0) / column.length;
      const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / column.length;
      expect(Math.abs(mean)).toBeLessThan(1e-9);
      expect(variance).toBeCloseTo(1, 9);
    }
  });
});

describe('min–max scaling', () => {
  it('fits the min and max of each column', () => {
    expect(fitMinMax(train)).toEqual({ min: [1, 2, 5], max: [7, 6, 5] });
  });

  it('maps the training rows into [0, 1]', () => {
    // Column 0: (x − 1)/6 → 0, 1/3, 2/3, 1. Column 1: (x − 2)/4 → 0, 0, 1, 1. Constant column → 0.
    expectRowsClose(minMaxScale(train, fitMinMax(train)), [
      [0, 0, 0],
      [1 / 3, 0, 0],
      [2 / 3, 1, 0],
      [1, 1, 0],
    ]);
  });

  it('lets test rows fall outside [0, 1] under the training fit', () => {
    // (9 − 1)/6 = 4/3 above the range, (0 − 2)/4 = −1/2 below it; the constant column stays 0.
    expectRowsClose(minMaxScale(test, fitMinMax(train)), [[4 / 3, -1 / 2, 0]]);
  });

  it('keeps random training data in [0, 1], reaching both ends, while wider test data leaves it', () => {
    const rng = createRng(5);
    const draw = (spread: number) => Array.from({ length: 40 }, () => [spread * gaussian(rng), 7 + spread * gaussian(rng)]);
    const rows = draw(1);
    const fit = fitMinMax(rows);
    const scaled = minMaxScale(rows, fit);
    for (let j = 0; j < 2; j++) {
      const column = scaled.map((row) => row[j]);
      expect(Math.min(...column)).toBe(0);
      expect(Math.max(...column)).toBe(1);
    }
    const wide = minMaxScale(draw(10), fit).flat();
    expect(wide.some((x) => x < 0)).toBe(true);
    expect(wide.some((x) => x > 1)).toBe(true);
  });
});

describe('input checks', () => {
  it('refuses to fit no rows and rows of the wrong width', () => {
    expect(() => fitStandardizer([])).toThrow();
    expect(() => fitMinMax([[1, 2], [3]])).toThrow();
    expect(() => standardize([[1]], fitStandardizer(train))).toThrow();
    expect(() => minMaxScale([[1, 2]], fitMinMax(train))).toThrow();
  });
});
