/**
 * A run has diverged when its loss is no longer a finite number or has grown far beyond where it began.
 * The factor is large so that a noisy but healthy run (a loss that rises for a while) is never stopped.
 */
export const EXPLOSION_FACTOR = 1e4;

export function isDiverged(loss: number, firstLoss: number): boolean {
  if (!Number.isFinite(loss)) return true;
  const reference = Number.isFinite(firstLoss) ? Math.max(Math.abs(firstLoss), 1) : 1;
  return loss > EXPLOSION_FACTOR * reference;
}
