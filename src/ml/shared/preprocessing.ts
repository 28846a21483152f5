/**
 * Column-wise feature scaling for a data matrix whose rows are examples. A fit is computed on one set
 * (the training set) and then applied, unchanged, to any other (validation, test): fitting on the test set
 * would leak its statistics into the model.
 */

/** Rows are examples, columns are features; every row must have the same length. */
export type Rows = ReadonlyArray<ArrayLike<number>>;

export interface StandardizerFit {
  mean: number[];
  /** Population standard deviation (divides by n, not n − 1); 0 for a column that was constant. */
  std: number[];
}

export interface MinMaxFit {
  min: number[];
  max: number[];
}

/** Per-column mean and population standard deviation σ = √((1/n) Σ (xᵢ − μ)²). */
export function fitStandardizer(rows: Rows): StandardizerFit {
  const { min, max } = fitMinMax(rows);
  const n = rows.length;
  const mean = min.map((_, j) => {
    let sum = 0;
    for (const row of rows) sum += row[j];
    return sum / n;
  });
  const std = mean.map((m, j) => {
    // A constant column must give exactly 0: the rounded mean of [0.1, 0.1, 0.1] is 0.1 + 1.4e-17, which
    // would otherwise turn every value into −1 after dividing by a σ of 1.4e-17.
    if (min[j] === max[j]) return 0;
    let sum = 0;
    for (const row of rows) sum += (row[j] - m) ** 2;
    return Math.sqrt(sum / n);
  });
  return { mean: mean.map((m, j) => (min[j] === max[j] ? min[j] : m)), std };
}

/** (x − μ) / σ per column. A column that was constant in the fit maps to 0 for every value. */
export function standardize(rows: Rows, fit: StandardizerFit): number[][] {
  return mapColumns(rows, fit.mean.length, (x, j) => (fit.std[j] === 0 ? 0 : (x - fit.mean[j]) / fit.std[j]));
}

/** Per-column minimum and maximum. */
export function fitMinMax(rows: Rows): MinMaxFit {
  if (rows.length === 0) throw new Error('A fit needs at least one row');
  const width = rows[0].length;
  const min = new Array<number>(width).fill(Infinity);
  const max = new Array<number>(width).fill(-Infinity);
  for (const row of rows) {
    checkWidth(row, width);
    for (let j = 0; j < width; j++) {
      min[j] = Math.min(min[j], row[j]);
      max[j] = Math.max(max[j], row[j]);
    }
  }
  return { min, max };
}

/**
 * (x − min) / (max − min) per column: the fitted rows land in [0, 1], other rows may fall outside it.
 * A column that was constant in the fit maps to 0 for every value.
 */
export function minMaxScale(rows: Rows, fit: MinMaxFit): number[][] {
  return mapColumns(rows, fit.min.length, (x, j) => {
    const range = fit.max[j] - fit.min[j];
    return range === 0 ? 0 : (x - fit.min[j]) / range;
  });
}

function mapColumns(rows: Rows, width: number, f: (x: number, column: number) => number): number[][] {
  return rows.map((row) => {
    checkWidth(row, width);
    const out = new Array<number>(width);
    for (let j = 0; j < width; j++) out[j] = f(row[j], j);
    return out;
  });
}

function checkWidth(row: ArrayLike<number>, width: number): void {
  if (row.length !== width) throw new Error(`Expected rows of ${width} columns, got one of ${row.length}`);
}
