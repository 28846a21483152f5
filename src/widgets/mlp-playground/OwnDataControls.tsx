import { PLAYGROUND_RANGE } from '../../ml/mlp-playground/data';
import type { Points2D } from '../../ml/shared/classification-data';
import { OwnPointsControls } from '../shared/OwnPointsControls';
import type { usePointEditor } from '../shared/usePointEditor';
import { OwnDataPanel } from './OwnDataPanel';
import type { PlaygroundStrings } from './strings';

/** Clicking points in (where they can be edited) and pasting or opening a CSV of them. */
export function OwnDataControls({
  editable,
  editor,
  current,
  onPoints,
  s,
}: {
  /** False for a regression data set until the learner brings points of their own. */
  editable: boolean;
  editor: ReturnType<typeof usePointEditor>;
  current: Points2D | null;
  onPoints: (points: Points2D) => void;
  s: PlaygroundStrings;
}) {
  return (
    <>
      {editable ? (
        <OwnPointsControls
          addClass={editor.addClass}
          onAddClass={editor.setAddClass}
          ownCount={editor.ownCount}
          onUsePreset={editor.usePreset}
          message={editor.message}
        />
      ) : (
        <p className="widget-hint">{s.regressionNoEdit}</p>
      )}
      <OwnDataPanel s={s} range={PLAYGROUND_RANGE} current={current} onPoints={onPoints} />
    </>
  );
}
