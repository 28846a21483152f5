import { useMemo } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import { ChartLegend, type LegendItem } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import { ScatterLineCanvas, type PlotCurve } from '../../charts/ScatterLineCanvas';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { ridgeFit, sampleCurve, sampleFunction, target, X_RANGE } from '../../ml/overfitting/math';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { earlyStopMark } from './early-stop-mark';
import { OVERFITTING, TRACE_THETA, TRACE_TRAIN, TRACE_VALIDATION } from '../../ml/overfitting/contract';
import { OVERFITTING_STRINGS } from './strings';

/** A weight this small counts as "driven to 0" (Adam leaves L1's zeros jittering around 10⁻³). */
const NEAR_ZERO = 0.01;
const TRUTH = sampleFunction(target);

const COLOR = { train: 'var(--series-1)', validation: 'var(--series-2)', current: 'var(--series-3)', early: 'var(--series-4)' };
const cssName = (color: string) => color.slice(4, -1);
const show = (value: number, digits: number) => (Number.isFinite(value) ? formatNumber(value, digits) : '—');

export default function OverfittingWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = OVERFITTING_STRINGS[lang];
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(OVERFITTING, id, initial);

  const info = view.info;
  const width = view.traceWidth;
  const traces = view.traces;
  const last = width ? traces.length - width : 0;
  const theta = width ? traces.slice(last + TRACE_THETA, last + width) : [0];
  const train = width ? traces[last + TRACE_TRAIN] : NaN;
  const validation = width ? traces[last + TRACE_VALIDATION] : NaN;
  const loss = view.losses.length ? view.losses[view.losses.length - 1] : NaN;
  const weights = theta.slice(1);
  const norm = Math.hypot(...weights);
  const nearZero = weights.filter((w) => Math.abs(w) < NEAR_ZERO).length;
  // `traces` grows in place: its length says when there is a new step.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the length is the change (same array)
  const mark = useMemo(() => earlyStopMark(traces, width), [traces, traces.length, width]);

  const kind = values.penalty;
  const closed = useMemo(
    () => (info && kind !== 'l1' ? ridgeFit(info.train, info.degree, kind === 'l2' ? values.lambda : 0) : null),
    [info, kind, values.lambda],
  );
  const closedNote = !info
    ? null
    : kind === 'l1'
      ? s.noClosedL1
      : kind === 'none' && info.degree + 1 > info.train.x.length
        ? s.noClosedUnderdetermined(info.degree + 1, info.train.x.length)
        : null;

  const curves: PlotCurve[] = [{ ...TRUTH, color: '--chart-muted', width: 1.5 }];
  if (closed) curves.push({ ...sampleCurve(closed), color: '--chart-text', dashed: true });
  if (mark) curves.push({ ...sampleCurve(mark.theta), color: cssName(COLOR.early), dashed: true, width: 2 });
  curves.push({ ...sampleCurve(theta), color: cssName(COLOR.current) });
  const legend: LegendItem[] = [
    { label: s.trainPoints, color: 'var(--chart-point)', mark: 'dot' },
    { label: s.validationPoints, color: COLOR.validation, mark: 'hollow' },
    { label: s.current, color: COLOR.current, mark: 'line' },
    ...(mark ? [{ label: s.early(mark.step), color: COLOR.early, mark: 'dashed' as const }] : []),
    { label: s.truth, color: 'var(--chart-muted)', mark: 'line' },
    ...(closed ? [{ label: s.closed, color: 'var(--chart-text)', mark: 'dashed' as const }] : []),
  ];

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <div className="widget-panels">
        <figure className="panel">
          <figcaption>{s.plot}</figcaption>
          {info && (
            <ScatterLineCanvas
              x={info.train.x}
              y={info.train.y}
              hollow={{ ...info.validation, color: cssName(COLOR.validation) }}
              curves={curves}
              xRange={X_RANGE}
              label={s.plotDescription(
                info.train.x.length,
                info.validation.x.length,
                info.degree,
                formatNumber(train, 3),
                formatNumber(validation, 3),
              )}
            />
          )}
          <ChartLegend items={legend} />
          {closedNote && <p className="widget-hint">{closedNote}</p>}
        </figure>
        <div className="panel">
          <LossChart
            series={[
              { key: 'train', label: s.trainSeries, color: COLOR.train, values: traces, stride: width || 1, offset: width + TRACE_TRAIN },
              {
                key: 'validation',
                label: s.validationSeries,
                color: COLOR.validation,
                values: traces,
                stride: width || 1,
                offset: width + TRACE_VALIDATION,
              },
            ]}
            label={s.lossChart}
            empty={t.widget.lossChartEmpty}
            maxX={values.steps}
            marker={mark ? { x: mark.step, label: s.marker(mark.step) } : undefined}
          />
          <ChartLegend
            items={[
              { label: s.trainSeries, color: COLOR.train, mark: 'line' },
              { label: s.validationSeries, color: COLOR.validation, mark: 'line' },
            ]}
          />
          <table className="compare-table">
            <tbody>
              <tr>
                <th scope="row">{s.trainMse}</th>
                <td data-value="train">{show(train, 4)}</td>
              </tr>
              <tr>
                <th scope="row">{s.penalty}</th>
                <td data-value="penalty">{show(Math.max(0, loss - train), 3)}</td>
              </tr>
              <tr>
                <th scope="row">{s.objective}</th>
                <td data-value="loss">{show(loss, 4)}</td>
              </tr>
              <tr>
                <th scope="row">{s.validationMse}</th>
                <td data-value="validation">{show(validation, 4)}</td>
              </tr>
              <tr>
                <th scope="row">{s.bestStep}</th>
                <td data-value="best-step">{mark ? mark.step : '—'}</td>
              </tr>
              <tr>
                <th scope="row">{s.bestValidation}</th>
                <td data-value="best-validation">{mark ? show(mark.validation, 4) : '—'}</td>
              </tr>
              <tr>
                <th scope="row">{s.norm}</th>
                <td data-value="norm">{show(norm, 3)}</td>
              </tr>
              <tr>
                <th scope="row">{s.zeros(weights.length)}</th>
                <td data-value="near-zero">{nearZero}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </div>
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel
        specs={OVERFITTING.params}
        values={values}
        lang={lang}
        onChange={(key, v) => change({ [key]: v })}
        disabled={(key) => key === 'lambda' && kind === 'none'}
      />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => change({ seed: newSeed() })}>
          ⟳ {s.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
