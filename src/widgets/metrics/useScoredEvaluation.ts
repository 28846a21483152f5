import { useMemo } from 'react';
import type { ScoreGrid } from '../../charts/ClassificationCanvas';
import {
  alwaysNegativeAccuracy,
  logitGrid,
  reportAt,
  scoreEvaluation,
  type ScoredEvaluation,
  type ThresholdReport,
} from '../../ml/metrics/threshold';
import { traceIndex } from '../../ml/shared/contract';
import { METRICS, type MetricsInfo } from '../../ml/metrics/contract';

/** The plane shown: the classes' centres are at most 1.41 from the origin, so ±4 holds nearly every point. */
export const RANGE: [number, number] = [-4, 4];
const GRID = 80;
const BINS = 25;
const [W1, W2, B] = (['w1', 'w2', 'b'] as const).map((name) => traceIndex(METRICS, name));

export type Scored = ScoredEvaluation & { grid: ScoreGrid };

export function useScoredEvaluation(
  info: MetricsInfo | null,
  traces: number[],
  width: number,
  threshold: number,
): { scored: Scored | null; report: ThresholdReport | null; baseline: number } {
  const at = traces.length - width;
  const [w1, w2, b] = width ? [traces[at + W1], traces[at + W2], traces[at + B]] : [0, 0, 0];
  // Everything that depends on the weights only: recomputed once per frame while training, not on a threshold move.
  const scored = useMemo(() => {
    if (!info) return null;
    const weights = { w1, w2, b };
    return {
      ...scoreEvaluation(info.evaluation, weights, BINS),
      grid: { values: logitGrid(weights, RANGE, GRID, GRID), cols: GRID, rows: GRID },
    };
  }, [info, w1, w2, b]);
  const report = useMemo(() => (scored ? reportAt(scored.z, scored.labels, threshold) : null), [scored, threshold]);
  const baseline = useMemo(() => (info ? alwaysNegativeAccuracy(info.evaluation.label) : NaN), [info]);
  return { scored, report, baseline };
}
