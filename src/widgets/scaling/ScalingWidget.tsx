import { useEffect, useMemo } from 'react';
import type { LegendItem } from '../../charts/ChartLegend';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { formatNumber } from '../../controls/format';
import { useLang, useStrings } from '../../i18n/LangContext';
import { SCALING, type ScalingParams } from '../../ml/scaling/contract';
import { parameterCount, sweepPlan } from '../../ml/scaling/math';
import type { PowerLawFit } from '../../ml/scaling/math';
import { dataFit, finishedModels, spread, widthFit, type FinishedModel } from '../../ml/scaling/results';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { ScalingChart, type ChartData, type XY } from './ScalingChart';
import { SizeTable } from './SizeTable';
import { SCALING_STRINGS, type ScalingStrings } from './strings';

const WIDTH_COLOR = 'var(--series-1)';
const DATA_COLOR = 'var(--series-2)';
const LOSS_DOMAIN: [number, number] = [1e-3, 1];

/** The smallest span of whole decades that holds every value (or the fallback before any). */
function decades(values: number[], fallback: [number, number]): [number, number] {
  const finite = values.filter((v) => v > 0 && Number.isFinite(v));
  if (!finite.length) return fallback;
  const lo = 10 ** Math.floor(Math.log10(Math.min(...finite)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...finite)));
  return [Math.min(lo, fallback[0]), Math.max(hi, fallback[1])];
}

function sampleFit(fit: PowerLawFit | null, domain: [number, number]): XY[] {
  if (!fit) return [];
  const [lo, hi] = domain;
  return Array.from({ length: 41 }, (_, i) => {
    const x = lo * (hi / lo) ** (i / 40);
    return { x, y: fit.a * x ** -fit.alpha + fit.floor };
  });
}

function chartData(
  models: FinishedModel[],
  size: (m: FinishedModel) => number,
  fit: PowerLawFit | null,
  compute: boolean,
  sizeDomain: [number, number],
): ChartData {
  if (compute) {
    const curves = models.map((m) => m.curve.map((c) => ({ x: c.flops, y: c.loss })));
    return {
      dots: models.map((m) => ({ x: m.curve[m.curve.length - 1].flops, y: m.loss })),
      means: [],
      fit: [],
      curves,
      xDomain: decades(
        curves.flat().map((p) => p.x),
        [1e5, 1e9],
      ),
      yDomain: LOSS_DOMAIN,
    };
  }
  return {
    dots: models.map((m) => ({ x: size(m), y: m.loss })),
    means: spread(models, size).map((g) => ({ x: g.x, y: g.mean })),
    fit: sampleFit(fit, sizeDomain),
    curves: [],
    xDomain: sizeDomain,
    yDomain: LOSS_DOMAIN,
  };
}

function legendItems(compute: boolean, color: string, fitLabel: string, s: ScalingStrings): LegendItem[] {
  return compute
    ? [
        { label: s.curves, color, mark: 'line' },
        { label: s.dots, color, mark: 'dot' },
      ]
    : [
        { label: s.dots, color, mark: 'dot' },
        { label: s.means, color, mark: 'line' },
        { label: fitLabel, color: 'var(--chart-text)', mark: 'dashed' },
      ];
}

/** The finished models, both fits and both charts' data, recomputed when a model finishes or the axis changes. */
function useSweep(values: ScalingParams, view: { losses: number[]; traces: number[]; traceWidth: number }) {
  const plan = useMemo(() => sweepPlan(values.seeds, values.dataSeries), [values.seeds, values.dataSeries]);
  const { losses, traces, traceWidth } = view;
  // `losses` grows in place: its length says when a model has finished.
  const models = useMemo(
    () => finishedModels(plan, losses, traces, traceWidth, values.modelSteps),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the length is the change (same array)
    [plan, losses, losses.length, traces, traces.length, traceWidth, values.modelSteps],
  );
  const widthModels = useMemo(() => models.filter((m) => m.series === 'width'), [models]);
  const dataModels = useMemo(() => models.filter((m) => m.series === 'data'), [models]);
  const fitN = useMemo(() => widthFit(models), [models]);
  const fitD = useMemo(() => dataFit(models), [models]);
  const compute = values.xAxis === 'compute';

  const widthData = useMemo(() => chartData(widthModels, (m) => m.parameters, fitN, compute, [1, 1e4]), [widthModels, fitN, compute]);
  const dataData = useMemo(() => chartData(dataModels, (m) => m.examples, fitD, compute, [10, 1e4]), [dataModels, fitD, compute]);

  return { plan, models, widthModels, dataModels, fitN, fitD, widthData, dataData, compute };
}

export default function ScalingWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = SCALING_STRINGS[lang];
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(SCALING, id, initial);
  const { plan, models, widthModels, dataModels, fitN, fitD, widthData, dataData, compute } = useSweep(values, view);
  // The budget is the plan: one step per model (a link's own `steps` is overruled).
  useEffect(() => {
    if (values.steps !== plan.length) change({ steps: plan.length });
  }, [values.steps, plan.length, change]);
  const alpha = fitN ? fitN.alpha.toFixed(2) : '';
  const next = plan[models.length];
  const legend = (color: string, fitLabel: string) => legendItems(compute, color, fitLabel, s);

  return (
    <WidgetShell
      {...shell}
      lr={values.lr}
      figures={{
        'data-alpha': fitN ? fitN.alpha : '',
        'data-floor': fitN ? fitN.floor : '',
        'data-beta': fitD ? fitD.alpha : '',
        'data-models': models.length,
        'data-planned': plan.length,
      }}
    >
      <p className="widget-hint" aria-live="polite">
        {s.progress(models.length, plan.length)}
        {' · '}
        {next ? s.current(next.width, parameterCount(next.width), next.examples) : s.allDone}
      </p>
      <div className="widget-panels">
        <div className="panel">
          <h4>{s.widthChart}</h4>
          <ScalingChart
            name="scaling-width"
            data={widthData}
            color={WIDTH_COLOR}
            axes={{ x: compute ? s.axisCompute : s.axisParams, y: s.axisLoss }}
            description={compute ? s.describeCompute(widthModels.length) : s.describeWidth(widthModels.length, alpha)}
            legend={legend(WIDTH_COLOR, s.fitLegend)}
          />
          <p className="widget-readout" data-fit>
            {fitN ? s.fitLine(fitN.alpha.toFixed(2), formatNumber(fitN.floor, 2), formatNumber(fitN.a, 3)) : s.noFit}
          </p>
        </div>
        {values.dataSeries && (
          <div className="panel">
            <h4>{s.dataChart}</h4>
            <ScalingChart
              name="scaling-data"
              data={dataData}
              color={DATA_COLOR}
              axes={{ x: compute ? s.axisCompute : s.axisData, y: s.axisLoss }}
              description={compute ? s.describeCompute(dataModels.length) : s.describeData(dataModels.length)}
              legend={legend(DATA_COLOR, s.fitLegendData)}
            />
            <p className="widget-readout">{fitD ? s.fitLineData(fitD.alpha.toFixed(2), formatNumber(fitD.floor, 2)) : s.noFit}</p>
          </div>
        )}
      </div>
      <SizeTable models={widthModels} s={s} />
      <p className="widget-hint">{s.floorHint}</p>
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={SCALING.params} values={values} lang={lang} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-seed" onClick={() => change({ seed: newSeed() })}>
          ⟳ {s.newSeed}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
