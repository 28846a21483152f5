import { useMemo } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import { ChartLegend } from '../../charts/ChartLegend';
import { ClassHistogramCanvas } from '../../charts/ClassHistogramCanvas';
import { ClassificationCanvas } from '../../charts/ClassificationCanvas';
import { LossChart } from '../../charts/LossChart';
import { RocCanvas } from '../../charts/RocCanvas';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { sigmoid } from '../../ml/logistic-regression/math';
import { EVAL_SIZE, TRAIN_SIZE } from '../../ml/metrics/data';
import { alwaysNegativeAccuracy, logit, logitGrid, reportAt, scoreEvaluation } from '../../ml/metrics/threshold';
import { traceIndex } from '../../ml/shared/contract';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { METRICS_STRINGS } from './strings';
import { ConfusionTables } from './ConfusionTables';
import { METRICS } from '../../ml/metrics/contract';

/** The plane shown: the classes' centres are at most 1.41 from the origin, so ±4 holds nearly every point. */
const RANGE: [number, number] = [-4, 4];
const GRID = 80;
const BINS = 25;
const WIDTH = METRICS.trace.length;
const [W1, W2, B, EVAL_LOSS] = (['w1', 'w2', 'b', 'evalLoss'] as const).map((name) => traceIndex(METRICS, name));
const OTHER_KEYS = ['positives', 'separation', 'lr', 'steps', 'speed'];
const shadeProbability = (z: number) => 2 * sigmoid(z) - 1;
const percent = (v: number) => `${formatNumber(v * 100, 3)} %`;

export default function MetricsWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const m = METRICS_STRINGS[lang];
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(METRICS, id, initial);
  const threshold = values.threshold;

  const info = view.info;
  const at = view.traces.length - view.traceWidth;
  const [w1, w2, b] = view.traceWidth ? [view.traces[at + W1], view.traces[at + W2], view.traces[at + B]] : [0, 0, 0];
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
  const positives = info ? info.evaluation.label.reduce((n, l) => n + l, 0) : 0;
  const tText = formatNumber(threshold, 2);

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <p className="widget-hint">{m.heldOut(TRAIN_SIZE, EVAL_SIZE)}</p>
      <div className="widget-panels">
        <figure className="panel">
          <figcaption>{m.plot}</figcaption>
          {info && scored && (
            <ClassificationCanvas
              points={info.evaluation}
              range={RANGE}
              grid={scored.grid}
              shade={shadeProbability}
              levels={[{ value: logit(threshold) }]}
              description={m.plotDescription(EVAL_SIZE, positives, tText)}
            />
          )}
        </figure>
        <figure className="panel">
          <figcaption>{m.histogram}</figcaption>
          {scored && report && (
            <ClassHistogramCanvas
              above={scored.histograms.positive}
              below={scored.histograms.negative}
              threshold={threshold}
              colors={{ above: '--series-1', below: '--series-2' }}
              axes={m.histogramAxes}
              description={m.histogramDescription(tText, percent(report.recall), percent(report.fpr))}
            />
          )}
          <ChartLegend
            items={[
              { label: m.positiveAbove, color: 'var(--series-1)', mark: 'dot' },
              { label: m.negativeBelow, color: 'var(--series-2)', mark: 'dot' },
            ]}
          />
        </figure>
      </div>
      <div className="metrics-threshold">
        <ParamPanel specs={METRICS.params} values={values} lang={lang} keys={['threshold']} onChange={(key, v) => change({ [key]: v })} />
      </div>
      <div className="widget-panels">
        <figure className="panel">
          <figcaption>{m.roc}</figcaption>
          {scored && report && (
            <RocCanvas
              curve={scored.roc}
              point={{ fpr: report.fpr, tpr: report.recall }}
              aucText={`AUC = ${formatNumber(scored.auc, 3)}`}
              axes={m.rocAxes}
              description={m.rocDescription(formatNumber(scored.auc, 3), tText, percent(report.fpr), percent(report.recall))}
            />
          )}
          <ChartLegend
            items={[
              { label: m.rocCurve, color: 'var(--accent)', mark: 'line' },
              { label: m.chance, color: 'var(--chart-muted)', mark: 'dashed' },
              { label: m.current, color: 'var(--accent-strong)', mark: 'dot' },
            ]}
          />
        </figure>
        <div className="panel">
          {report && scored && (
            <ConfusionTables t={m} tText={tText} report={report} auc={scored.auc} baseline={baseline} total={EVAL_SIZE} />
          )}
        </div>
      </div>
      <LossChart
        series={[
          { key: 'train', label: m.trainLoss, color: 'var(--accent)', values: view.losses },
          { key: 'evaluation', label: m.evalLoss, color: 'var(--series-2)', values: view.traces, stride: WIDTH, offset: WIDTH + EVAL_LOSS },
        ]}
        label={m.lossChart}
        empty={t.widget.lossChartEmpty}
        maxX={values.steps}
      />
      <ChartLegend
        items={[
          { label: m.trainLoss, color: 'var(--accent)', mark: 'line' },
          { label: m.evalLoss, color: 'var(--series-2)', mark: 'line' },
        ]}
      />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={METRICS.params} values={values} lang={lang} keys={OTHER_KEYS} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => change({ seed: newSeed() })}>
          ⟳ {m.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
