import { useMemo } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import { ClassificationCanvas } from '../../charts/ClassificationCanvas';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { WINDOW } from '../../ml/shared/classification-data';
import { decisionValues, featureMatrix, gridFeatures, marginWidth, supportVectors } from '../../ml/svm/math';
import { traceIndex } from '../../ml/shared/contract';
import type { WidgetProps } from '../registration';
import { OwnPointsControls } from '../shared/OwnPointsControls';
import { POINTS_KEY, useOwnPoints } from '../shared/useOwnPoints';
import { newSeed } from '../shared/useParamChange';
import { usePointEditor } from '../shared/usePointEditor';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { SVM_STRINGS } from './strings';
import { SVM } from '../../ml/svm/contract';

const EXTRA_KEYS = [POINTS_KEY];
/** The shaded grid: its features are computed once per model, then each frame costs one product with w. */
const GRID = 80;
const ACCURACY = traceIndex(SVM, 'accuracy');
const BIAS = traceIndex(SVM, 'b');
/** The weights w₁ … w_d follow the contract's named values. */
const WEIGHTS = SVM.trace.length;
const shadeMargin = (f: number) => Math.max(-1, Math.min(1, f / 1.5));

export default function SvmWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const words = SVM_STRINGS[lang];
  const t = useStrings();
  const own = useOwnPoints(id);
  const { values, update, shareUrl, trainer, view, change, shell, controls } = useWidgetRun(SVM, id, initial, {
    extraKeys: EXTRA_KEYS,
    data: own.data,
  });
  const editor = usePointEditor(own, values, update, trainer.reset, change);

  const info = view.info;
  const d = info?.features.dimension ?? 0;
  const width = view.traceWidth;
  const at = view.traces.length - width;
  const weights = width ? view.traces.slice(at + WEIGHTS, at + WEIGHTS + d) : [];
  const bias = width ? view.traces[at + BIAS] : 0;
  const version = `${view.step}:${at}`;

  const pointFeatures = useMemo(() => (info ? featureMatrix(info.features, info.points) : null), [info]);
  const cellFeatures = useMemo(() => (info ? gridFeatures(info.features, GRID, GRID) : null), [info]);
  const { grid, circled } = useMemo(() => {
    if (!info || !pointFeatures || !cellFeatures || weights.length !== d) return { grid: null, circled: undefined };
    return {
      grid: { values: decisionValues(cellFeatures, d, weights, bias), cols: GRID, rows: GRID },
      circled: supportVectors(decisionValues(pointFeatures, d, weights, bias), info.points.label),
    };
    // `version` stands for the weights, which change with every step.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for weights, bias and d
  }, [version, info, pointFeatures, cellFeatures]);
  const svCount = circled ? circled.reduce((sum, v) => sum + v, 0) : 0;
  const linear = info?.features.kind === 'linear';
  const accuracy = width ? view.traces[at + ACCURACY] : NaN;

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <div className="widget-panels">
        <figure className="panel">
          <figcaption>{words.plot}</figcaption>
          {info && (
            <ClassificationCanvas
              points={info.points}
              range={WINDOW}
              grid={view.step > 0 ? grid : null}
              shade={shadeMargin}
              levels={[{ value: 0 }, { value: 1, dashed: true }, { value: -1, dashed: true }]}
              circled={view.step > 0 ? circled : undefined}
              description={words.plotDescription(info.points.x1.length, svCount)}
              onPick={(x1, x2) => editor.edit(info.points, x1, x2)}
            />
          )}
        </figure>
        <div className="panel">
          <table className="compare-table">
            <tbody>
              <tr>
                <th scope="row">{words.objective}</th>
                <td data-value="loss">{view.losses.length ? formatNumber(view.losses[view.losses.length - 1], 4) : '—'}</td>
              </tr>
              <tr>
                <th scope="row">{words.accuracy}</th>
                <td data-value="accuracy">{view.step > 0 ? `${formatNumber(accuracy * 100, 3)} %` : '—'}</td>
              </tr>
              <tr>
                <th scope="row">{words.supportVectors}</th>
                <td data-value="support-vectors">{view.step > 0 ? svCount : '—'}</td>
              </tr>
              <tr>
                <th scope="row">{words.margin}</th>
                <td data-value="margin">{linear ? (view.step > 0 ? formatNumber(marginWidth(weights), 3) : '∞') : words.rbfMargin}</td>
              </tr>
              {linear && (
                <tr>
                  <th scope="row">w, b</th>
                  <td>
                    ({formatNumber(weights[0] ?? 0, 3)}, {formatNumber(weights[1] ?? 0, 3)}), {formatNumber(bias, 3)}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <OwnPointsControls
            addClass={editor.addClass}
            onAddClass={editor.setAddClass}
            ownCount={editor.ownCount}
            onUsePreset={editor.usePreset}
            message={editor.message}
            classNames={[t.points.svmClass1, t.points.svmClass0]}
          />
        </div>
      </div>
      <LossChart
        series={[{ key: 'loss', label: 'J', color: 'var(--accent)', values: view.losses }]}
        label={words.lossChart}
        empty={t.widget.lossChartEmpty}
        maxX={values.steps}
      />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel
        specs={SVM.params}
        values={values}
        lang={lang}
        disabled={(key) => key === 'gamma' && values.kernel !== 'rbf'}
        onChange={(key, v) => editor.change({ [key]: v })}
      />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => editor.change({ seed: newSeed() })}>
          ⟳ {words.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
