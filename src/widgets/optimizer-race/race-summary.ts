/** Reads each racer's story out of the race's flat trace records (4 values per racer per step). */
import { type RacerName } from '../../ml/optimizer-race/contract';

const REACHED = 1e-3;

export interface RacerSummary {
  name: RacerName;
  x: number;
  y: number;
  /** f − f* at the current point. */
  gap: number;
  /** The first step whose measured loss was below 10⁻³, if any. */
  reachedAt?: number;
  /** The step at which the racer left the map, if it did. */
  outAt?: number;
}

/**
 * traces: the initial trace then one record per step, `width` values each; racer k's record is
 * [loss measured during the step, x after, y after, out after].
 */
export function racerSummaries(racers: readonly RacerName[], traces: ArrayLike<number>, width: number): RacerSummary[] {
  if (width === 0) return [];
  const steps = Math.floor(traces.length / width) - 1;
  return racers.map((name, k) => {
    const base = 4 * k;
    const last = steps * width + base;
    const summary: RacerSummary = { name, gap: traces[last], x: traces[last + 1], y: traces[last + 2] };
    for (let s = 1; s <= steps; s++) {
      const row = s * width + base;
      if (summary.reachedAt === undefined && traces[row] < REACHED) summary.reachedAt = s;
      if (traces[row + 3] >= 0.5) {
        summary.outAt = s;
        break;
      }
    }
    // The loss after the last step is not measured yet; the last measured one stands in for it.
    return summary;
  });
}
