/**
 * Early stopping read off a finished run's validation losses, one per step (or epoch). Steps are
 * 1-based, as the course counts them. A loss improves only when it is strictly lower than the best so far,
 * and a non-finite loss never does.
 */

/** The step with the lowest finite loss, the first one on ties; undefined when no loss is finite. */
export function bestStep(validationLosses: ArrayLike<number>): number | undefined {
  let best: number | undefined;
  let bestLoss = Infinity;
  for (let i = 0; i < validationLosses.length; i++) {
    const loss = validationLosses[i];
    if (Number.isFinite(loss) && (best === undefined || loss < bestLoss)) {
      best = i + 1;
      bestLoss = loss;
    }
  }
  return best;
}

/**
 * The step at which training with this patience stops: the first step that ends `patience` consecutive
 * steps without improvement (as Keras's EarlyStopping with min_delta 0 counts them; patience 1 stops at
 * the first step that does not improve). Once a finite loss came before the stop, the best step is
 * `stop − patience`. null if it never stops.
 */
export function stopStep(validationLosses: ArrayLike<number>, patience: number): number | null {
  if (!Number.isInteger(patience) || patience < 1) throw new RangeError(`patience must be a positive integer, got ${patience}`);
  let bestLoss = Infinity;
  let stepsWithoutImprovement = 0;
  for (let i = 0; i < validationLosses.length; i++) {
    const loss = validationLosses[i];
    if (Number.isFinite(loss) && loss < bestLoss) {
      bestLoss = loss;
      stepsWithoutImprovement = 0;
    } else if (++stepsWithoutImprovement === patience) {
      return i + 1;
    }
  }
  return null;
}
