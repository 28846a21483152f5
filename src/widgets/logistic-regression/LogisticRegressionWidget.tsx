import { useMemo } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import { ClassificationCanvas } from '../../charts/ClassificationCanvas';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { WINDOW } from '../../ml/shared/classification-data';
import { scoreGrid, sigmoid } from '../../ml/logistic-regression/math';
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

const EXTRA_KEYS = [POINTS_KEY];
/** The heatmap's resolution: one score per cell, recomputed from the weights whenever they move. */
const GRID = 100;
const shadeProbability = (z: number) => 2 * sigmoid(z) - 1;

/** Values in each step's record. */
const WIDTH = LOGISTIC_REGRESSION.trace.length;

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
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the three numbers: `weights` is a new object every render
  const grid = useMemo(() => ({ values: scoreGrid(weights, GRID, GRID), cols: GRID, rows: GRID }), [weights.w1, weights.w2, weights.b]);

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <div className="widget-panels">
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
              onPick={(x1, x2) => editor.edit(info.points, x1, x2)}
            />
          )}
        </figure>
        <div className="panel">
          <table className="compare-table">
            <tbody>
              <tr>
                <th scope="row">w₁</th>
                <td data-value="w1">{formatNumber(weights.w1, 4)}</td>
              </tr>
              <tr>
                <th scope="row">w₂</th>
                <td data-value="w2">{formatNumber(weights.w2, 4)}</td>
              </tr>
              <tr>
                <th scope="row">b</th>
                <td data-value="b">{formatNumber(weights.b, 4)}</td>
              </tr>
              <tr>
                <th scope="row">{t.widget.lossLabel}</th>
                <td data-value="loss">{view.losses.length ? formatNumber(view.losses[view.losses.length - 1], 4) : '—'}</td>
              </tr>
              <tr>
                <th scope="row">{words.accuracy}</th>
                <td data-value="accuracy">{Number.isFinite(accuracy) ? `${formatNumber(accuracy * 100, 3)} %` : '—'}</td>
              </tr>
            </tbody>
          </table>
          <OwnPointsControls
            addClass={editor.addClass}
            onAddClass={editor.setAddClass}
            ownCount={editor.ownCount}
            onUsePreset={editor.usePreset}
            message={editor.message}
          />
        </div>
      </div>
      <div className="widget-panels">
        <LossChart
          series={[{ key: 'loss', label: t.widget.lossLabel, color: 'var(--accent)', values: view.losses }]}
          label={words.lossChart}
          empty={t.widget.lossChartEmpty}
          maxX={values.steps}
        />
        <LossChart
          series={[
            {
              key: 'accuracy',
              label: words.accuracy,
              color: 'var(--ok)',
              values: view.traces,
              stride: WIDTH,
              offset: WIDTH + traceIndex(LOGISTIC_REGRESSION, 'accuracy'),
            },
          ]}
          label={words.accuracyChart}
          empty={t.widget.lossChartEmpty}
          maxX={values.steps}
          yScale="linear"
          yDomain={[0, 1]}
        />
      </div>
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
