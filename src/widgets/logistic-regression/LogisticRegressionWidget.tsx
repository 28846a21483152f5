import { useMemo } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { scoreGrid } from '../../ml/logistic-regression/math';
import { traceIndex } from '../../ml/shared/contract';
import type { WidgetProps } from '../registration';
import { OwnPointsControls } from '../shared/OwnPointsControls';
import { POINTS_KEY, useOwnPoints } from '../shared/useOwnPoints';
import { usePointEditor } from '../shared/usePointEditor';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { LOGISTIC_REGRESSION_STRINGS } from './strings';
import { LOGISTIC_REGRESSION } from '../../ml/logistic-regression/contract';
import { ProbabilityFigure } from './ProbabilityFigure';
import { TrainingCharts } from './TrainingCharts';
import { WeightsTable } from './WeightsTable';

const EXTRA_KEYS = [POINTS_KEY];
/** The heatmap's resolution: one score per cell, recomputed from the weights whenever they move. */
const GRID = 100;

export default function LogisticRegressionWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const words = LOGISTIC_REGRESSION_STRINGS[lang];
  const t = useStrings();
  const own = useOwnPoints(id);
  const { values, update, shareUrl, trainer, view, change, shell, controls } = useWidgetRun(LOGISTIC_REGRESSION, id, initial, {
    extraKeys: EXTRA_KEYS,
    data: own.data,
  });
  const editor = usePointEditor(own, values, update, trainer.reset, change);

  const info = view.info;
  const at = view.traces.length - view.traceWidth;
  const value = (name: (typeof LOGISTIC_REGRESSION.trace)[number]) => view.traces[at + traceIndex(LOGISTIC_REGRESSION, name)];
  const weights = view.traceWidth ? { w1: value('w1'), w2: value('w2'), b: value('b') } : { w1: 0, w2: 0, b: 0 };
  const accuracy = view.traceWidth ? value('accuracy') : NaN;
  const loss = view.losses.length ? view.losses[view.losses.length - 1] : undefined;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the three numbers: `weights` is a new object every render
  const grid = useMemo(() => ({ values: scoreGrid(weights, GRID, GRID), cols: GRID, rows: GRID }), [weights.w1, weights.w2, weights.b]);

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <div className="widget-panels">
        <ProbabilityFigure info={info} grid={grid} weights={weights} words={words} onEdit={editor.edit} />
        <div className="panel">
          <WeightsTable weights={weights} loss={loss} accuracy={accuracy} lossLabel={t.widget.lossLabel} words={words} />
          <OwnPointsControls
            addClass={editor.addClass}
            onAddClass={editor.setAddClass}
            ownCount={editor.ownCount}
            onUsePreset={editor.usePreset}
            message={editor.message}
          />
        </div>
      </div>
      <TrainingCharts losses={view.losses} traces={view.traces} maxX={values.steps} t={t.widget} words={words} />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={LOGISTIC_REGRESSION.params} values={values} lang={lang} onChange={(key, v) => editor.change({ [key]: v })} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => editor.change({ seed: newSeed() })}>
          ⟳ {words.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
