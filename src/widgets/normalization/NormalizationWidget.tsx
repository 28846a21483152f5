import { memo, useMemo } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import { ChartLegend } from '../../charts/ChartLegend';
import { ContourCanvas } from '../../charts/ContourCanvas';
import { LossChart } from '../../charts/LossChart';
import { StripCanvas, type StripGroup } from '../../charts/StripCanvas';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { sliceGrid, toOriginalUnits, type Scaling, type Theta } from '../../ml/normalization/math';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { NORMALIZATION, TRACE, type NormalizationInfo, type NormalizationRunInfo } from '../../ml/normalization/contract';
import { runSummary, type RunSummary } from './run-summary';
import { NORMALIZATION_STRINGS, type NormalizationStrings } from './strings';

const RUN_KEYS = ['raw', 'scaled'] as const;
const COLOR = ['--series-2', '--series-1'] as const;
const GRID = 72;
/** The colour key spans this many decades below the map's highest value. */
const DECADES = 5;

export default function NormalizationWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = NORMALIZATION_STRINGS[lang];
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(NORMALIZATION, id, initial);

  const info = view.info;
  const width = view.traceWidth;
  const summaries = info ? ([0, 1] as const).map((k) => runSummary(view.traces, width, k, info.nearOptimum)) : null;
  const runName = (k: 0 | 1) => s.runs[info?.runs[k].scaling ?? (k === 0 ? 'raw' : 'standardize')];

  return (
    <WidgetShell {...shell} lr={values.lr} divergedText={s.allOut}>
      <LossChart
        series={RUN_KEYS.map((key, k) => ({
          key,
          label: runName(k as 0 | 1),
          color: `var(${COLOR[k]})`,
          values: view.traces,
          stride: width,
          offset: width + TRACE.loss + k,
          count: summaries?.[k].count,
        }))}
        label={s.lossChart}
        empty={t.widget.lossChartEmpty}
        maxX={values.steps}
        // Without noise L* is 0 up to rounding: a reference line there would stretch the log axis for nothing.
        reference={
          info && info.runs[0].minLoss > 1e-9 * info.startLoss
            ? { value: info.runs[0].minLoss, label: s.minLoss(formatNumber(info.runs[0].minLoss, 4)) }
            : undefined
        }
      />
      <ChartLegend
        items={[
          ...RUN_KEYS.map((_, k) => ({ label: runName(k as 0 | 1), color: `var(${COLOR[k]})`, mark: 'line' as const })),
          { label: s.ring, mark: 'ring' as const },
        ]}
      />
      {info && summaries && (
        <>
          <div className="widget-panels">
            {([0, 1] as const).map((k) => (
              <RunMap
                key={`${k}-${info.runs[k].scaling}`}
                run={info.runs[k]}
                k={k}
                summary={summaries[k]}
                traces={view.traces}
                width={width}
                s={s}
                lr={values.lr}
              />
            ))}
          </div>
          <p className="widget-hint">{s.sliceHint}</p>
          <RunTable info={info} summaries={summaries} s={s} />
          <p className="widget-hint">{s.sameAnswer}</p>
          <FeatureStrips info={info} s={s} />
        </>
      )}
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={NORMALIZATION.params} values={values} lang={lang} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => change({ seed: newSeed() })}>
          ⟳ {s.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}

/** One run's loss surface (the slice at its current b) with its path, and its divergence message. */
function RunMap({
  run,
  k,
  summary,
  traces,
  width,
  s,
  lr,
}: {
  run: NormalizationRunInfo;
  k: 0 | 1;
  summary: RunSummary;
  traces: ArrayLike<number>;
  width: number;
  s: NormalizationStrings;
  lr: number;
}) {
  const b = summary.theta[2];
  // Redraw the surface only when b has moved enough to change it visibly.
  const quantum = 1e-3 * Math.max(1, Math.abs(run.best[2]));
  const bKey = Math.round(b / quantum);
  const grid = useMemo(() => sliceGrid(run.moments, bKey * quantum, run.window, run.minLoss, GRID, GRID), [run, bKey, quantum]);
  const range = useMemo((): [number, number] => {
    const final = sliceGrid(run.moments, run.best[2], run.window, run.minLoss, GRID, GRID);
    const top = final.values.reduce((m, v) => Math.max(m, v), 0);
    return [top * 10 ** -DECADES, top];
  }, [run]);
  const name = s.runs[run.scaling];
  const position = `(${formatNumber(summary.theta[0], 3)}, ${formatNumber(summary.theta[1], 3)})`;
  return (
    <figure className="panel" data-run={RUN_KEYS[k]}>
      <figcaption>{s.map(name)}</figcaption>
      <ContourCanvas
        grid={grid}
        range={range}
        className="square"
        paths={[{ values: traces, stride: width, offset: TRACE.theta + 3 * k, color: COLOR[k] }]}
        targets={[[run.best[0], run.best[1]]]}
        labels={{ x: 'w₁', y: 'w₂' }}
        description={s.mapDescription(name, formatNumber(b, 3), formatNumber(run.conditioning.condition, 3), position)}
      />
      {summary.outAt !== null && (
        <p className="widget-message widget-alert" role="alert" data-run-out={summary.outAt}>
          {s.runOut(name, summary.outAt, formatNumber(lr), formatNumber(run.conditioning.criticalLr, 3))}
        </p>
      )}
    </figure>
  );
}

function modelText([w1, w2, b]: Theta): string {
  const term = (v: number, first: boolean) => {
    const text = formatNumber(Math.abs(v), 3);
    return first ? (v < 0 ? `−${text}` : text) : `${v < 0 ? '−' : '+'} ${text}`;
  };
  return `ŷ = ${term(w1, true)}·x₁ ${term(w2, false)}·x₂ ${term(b, false)}`;
}

function RunTable({ info, summaries, s }: { info: NormalizationInfo; summaries: RunSummary[]; s: NormalizationStrings }) {
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <th scope="col">{s.run}</th>
          <th scope="col">{s.condition}</th>
          <th scope="col">{s.critical}</th>
          <th scope="col">{s.loss}</th>
          <th scope="col">{s.reached}</th>
          <th scope="col">{s.model}</th>
        </tr>
      </thead>
      <tbody>
        {info.runs.map((run, k) => {
          const summary = summaries[k];
          return (
            <tr key={k} data-run={RUN_KEYS[k]} data-out={summary.outAt ?? ''} data-reached={summary.reachedAt ?? ''}>
              <th scope="row">
                <span className="swatch" style={{ background: `var(${COLOR[k]})` }} aria-hidden="true" /> {s.short[run.scaling]}
              </th>
              <td data-value="condition">{formatNumber(run.conditioning.condition, 4)}</td>
              <td data-value="critical">{formatNumber(run.conditioning.criticalLr, 3)}</td>
              <td data-value="loss">{summary.outAt !== null ? s.outAt(summary.outAt) : formatNumber(summary.loss, 4)}</td>
              <td data-value="reached">{summary.reachedAt !== null ? s.atStep(summary.reachedAt) : s.notYet}</td>
              <td data-value="model">{modelText(toOriginalUnits(run, summary.theta))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const GROUPS: readonly Scaling[] = ['raw', 'standardize', 'minmax'];

/**
 * Both features under every transform, the outlier ringed, and what the transforms did to the others. Memoized:
 * it changes only with the data, not while the runs train.
 */
const FeatureStrips = memo(function FeatureStrips({ info, s }: { info: NormalizationInfo; s: NormalizationStrings }) {
  const highlight = info.outlier ? info.outlierIndex : undefined;
  const groups: StripGroup[] = GROUPS.map((scaling) => ({
    label: s.groups[scaling],
    rows: [
      { label: 'x₁', values: info.features[scaling][0], color: '--series-3', highlight },
      { label: 'x₂', values: info.features[scaling][1], color: '--series-4' },
    ],
  }));
  const span = (values: ArrayLike<number>, skip?: number) => {
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < values.length; i++) {
      if (i === skip) continue;
      low = Math.min(low, values[i]);
      high = Math.max(high, values[i]);
    }
    return s.range(formatNumber(low, 2), formatNumber(high, 2));
  };
  const parts = GROUPS.map((scaling) =>
    s.featureRange(s.groups[scaling], span(info.features[scaling][0]), span(info.features[scaling][1])),
  );
  return (
    <figure className="panel" data-outlier={info.outlier ? 1 : 0}>
      <figcaption>{s.features}</figcaption>
      <StripCanvas groups={groups} description={s.featuresDescription(parts)} />
      <p className="widget-hint" data-outlier-note>
        {highlight === undefined
          ? s.noOutlier
          : s.outlierNote(
              formatNumber(info.features.raw[0][highlight], 3),
              span(info.features.minmax[0], highlight),
              span(info.features.standardize[0], highlight),
            )}
      </p>
    </figure>
  );
});
