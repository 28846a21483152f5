/**
 * Counting a classifier's answers on labelled examples: the confusion matrix over several classes and the
 * examples behind one of its cells. Plain TypeScript (no DOM, no tfjs).
 */

function checkPair(labels: ArrayLike<number>, predictions: ArrayLike<number>) {
  if (labels.length !== predictions.length) {
    throw new RangeError(`${labels.length} labels but ${predictions.length} predictions`);
  }
}

/**
 * `classes` × `classes` counts, row-major: entry [t · classes + p] counts the examples whose true class is t
 * (the row) and whose predicted class is p (the column). The diagonal holds the right answers.
 */
export function confusionMatrix(labels: Uint8Array, predictions: Uint8Array, classes = 10): Uint32Array {
  checkPair(labels, predictions);
  const matrix = new Uint32Array(classes * classes);
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i];
    const p = predictions[i];
    if (t >= classes || p >= classes) throw new RangeError(`example ${i}: class ${Math.max(t, p)} of ${classes}`);
    matrix[t * classes + p]++;
  }
  return matrix;
}

/** The count in row `trueClass`, column `predictedClass`. */
export function cellCount(matrix: Uint32Array, trueClass: number, predictedClass: number, classes = 10): number {
  return matrix[trueClass * classes + predictedClass];
}

/** The share of examples on the diagonal (NaN when there is none). */
export function matrixAccuracy(matrix: Uint32Array, classes = 10): number {
  let right = 0;
  let total = 0;
  for (let t = 0; t < classes; t++) {
    for (let p = 0; p < classes; p++) total += matrix[t * classes + p];
    right += matrix[t * classes + t];
  }
  return total === 0 ? NaN : right / total;
}

/**
 * The indices, in order, of the first `limit` examples of true class `trueClass` predicted as
 * `predictedClass` (with equal classes: examples predicted right).
 */
export function misclassifiedIndices(
  labels: Uint8Array,
  predictions: Uint8Array,
  trueClass: number,
  predictedClass: number,
  limit = Infinity,
): number[] {
  checkPair(labels, predictions);
  const found: number[] = [];
  for (let i = 0; i < labels.length && found.length < limit; i++) {
    if (labels[i] === trueClass && predictions[i] === predictedClass) found.push(i);
  }
  return found;
}
