import { ClassificationCanvas, type ScoreGrid } from '../../charts/ClassificationCanvas';
import { formatNumber } from '../../controls/format';
import { WINDOW, type Points2D } from '../../ml/shared/classification-data';
import { sigmoid, type Weights2D } from '../../ml/logistic-regression/math';
import type { LogisticInfo } from '../../ml/logistic-regression/contract';
import type { LogisticRegressionStrings } from './strings';

const shadeProbability = (z: number) => 2 * sigmoid(z) - 1;

export function ProbabilityFigure({
  info,
  grid,
  weights,
  words,
  onEdit,
}: {
  info: LogisticInfo | null;
  grid: ScoreGrid;
  weights: Weights2D;
  words: LogisticRegressionStrings;
  onEdit: (points: Points2D, x1: number, x2: number) => void;
}) {
  return (
    <figure className="panel">
      <figcaption>{words.plot}</figcaption>
      {info && (
        <ClassificationCanvas
          points={info.points}
          range={WINDOW}
          grid={grid}
          shade={shadeProbability}
          levels={[{ value: 0 }]}
          description={words.plotDescription(
            info.points.x1.length,
            formatNumber(weights.w1, 3),
            formatNumber(weights.w2, 3),
            formatNumber(weights.b, 3),
          )}
          onPick={(x1, x2) => onEdit(info.points, x1, x2)}
        />
      )}
    </figure>
  );
}
