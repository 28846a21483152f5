import { ClassificationCanvas, type ScoreGrid } from '../../charts/ClassificationCanvas';
import { WINDOW, type Points2D } from '../../ml/shared/classification-data';
import type { SvmInfo } from '../../ml/svm/contract';
import type { SvmStrings } from './strings';

const shadeMargin = (f: number) => Math.max(-1, Math.min(1, f / 1.5));

export function DecisionFigure({
  info,
  grid,
  circled,
  svCount,
  trained,
  words,
  onEdit,
}: {
  info: SvmInfo | null;
  grid: ScoreGrid | null;
  circled: Uint8Array | undefined;
  svCount: number;
  /** Whether a step has been taken: before that the grid and the support vectors are not shown. */
  trained: boolean;
  words: SvmStrings;
  onEdit: (points: Points2D, x1: number, x2: number) => void;
}) {
  return (
    <figure className="panel">
      <figcaption>{words.plot}</figcaption>
      {info && (
        <ClassificationCanvas
          points={info.points}
          range={WINDOW}
          grid={trained ? grid : null}
          shade={shadeMargin}
          levels={[{ value: 0 }, { value: 1, dashed: true }, { value: -1, dashed: true }]}
          circled={trained ? circled : undefined}
          description={words.plotDescription(info.points.x1.length, svCount)}
          onPick={(x1, x2) => onEdit(info.points, x1, x2)}
        />
      )}
    </figure>
  );
}
