/** Reads each run's story out of the normalization model's flat trace records (see normalization-trainer.ts). */
import { TRACE } from '../../ml/normalization/contract';
import { type Theta } from '../../ml/normalization/math';

export interface RunSummary {
  /** The latest measured loss (the start loss before the first step). */
  loss: number;
  /** The parameters after the latest step. */
  theta: Theta;
  /** The step whose update was refused because the loss would have passed the divergence limit. */
  outAt: number | null;
  /** The first step whose measured loss was within 1 % of L*. */
  reachedAt: number | null;
  /** How many per-step losses belong to the run (a run that went out stops there). */
  count: number;
}

/** traces: the initial trace, then one record of `width` values per step; run 0 is raw, run 1 scaled. */
export function runSummary(traces: ArrayLike<number>, width: number, run: 0 | 1, nearOptimum: number): RunSummary {
  const steps = width > 0 ? Math.floor(traces.length / width) - 1 : 0;
  let outAt: number | null = null;
  let reachedAt: number | null = null;
  for (let s = 1; s <= steps; s++) {
    const row = s * width;
    if (reachedAt === null && traces[row + TRACE.loss + run] <= nearOptimum) reachedAt = s;
    if (traces[row + TRACE.out + run] >= 0.5) {
      outAt = s;
      break;
    }
  }
  const last = steps * width;
  const theta = TRACE.theta + 3 * run;
  return {
    loss: traces[last + TRACE.loss + run],
    theta: [traces[last + theta], traces[last + theta + 1], traces[last + theta + 2]],
    outAt,
    reachedAt,
    count: outAt ?? steps,
  };
}
