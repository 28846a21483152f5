import { ClassificationCanvas, type ScoreGrid } from '../../charts/ClassificationCanvas';
import { sigmoid } from '../../ml/logistic-regression/math';
import { EVAL_SIZE } from '../../ml/metrics/data';
import { logit } from '../../ml/metrics/threshold';
import type { MetricsInfo } from '../../ml/metrics/contract';
import type { MetricsStrings } from './strings';
import { RANGE } from './useScoredEvaluation';

const shadeProbability = (z: number) => 2 * sigmoid(z) - 1;

export function PlaneFigure({
  info,
  grid,
  threshold,
  tText,
  m,
}: {
  info: MetricsInfo | null;
  grid: ScoreGrid | null;
  threshold: number;
  tText: string;
  m: MetricsStrings;
}) {
  const positives = info ? info.evaluation.label.reduce((n, l) => n + l, 0) : 0;
  return (
    <figure className="panel">
      <figcaption>{m.plot}</figcaption>
      {info && grid && (
        <ClassificationCanvas
          points={info.evaluation}
          range={RANGE}
          grid={grid}
          shade={shadeProbability}
          levels={[{ value: logit(threshold) }]}
          description={m.plotDescription(EVAL_SIZE, positives, tText)}
        />
      )}
    </figure>
  );
}
