import { useLang, useStrings } from '../../i18n/LangContext';
import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { GD_VARIANTS_STRINGS } from './strings';
import { GD_VARIANTS, VARIANTS, type VariantName } from '../../ml/gd-variants/contract';
import { FitFigure } from './FitFigure';
import { SurfaceFigure } from './SurfaceFigure';
import { VariantTable } from './VariantTable';
import { colorVar, epochsPerStep, LOSS } from './variants';

export default function GdVariantsWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const words = GD_VARIANTS_STRINGS[lang];
  const t = useStrings();
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(GD_VARIANTS, id, initial);

  const info = view.info;
  const width = view.traceWidth;
  const steps = view.step;
  const byEpoch = values.axis === 'epochs';
  // By epoch, the chart ends where the slowest reader of data (one example per step) has got to.
  const maxX = byEpoch ? Math.max(steps, 1) * epochsPerStep(info, 2) : values.steps;
  const last = steps * width;
  const label = (name: VariantName) => (name === 'mini' ? words.long.mini(info?.batchSizes[1] ?? values.batch) : words.long[name]);

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <LossChart
        series={VARIANTS.map((name, k) => ({
          key: name,
          label: words.names[name],
          color: colorVar(name),
          values: view.traces,
          stride: width,
          offset: width + LOSS + k,
          xStep: byEpoch ? epochsPerStep(info, k) : 1,
        }))}
        label={byEpoch ? words.lossChartEpochs : words.lossChartSteps}
        empty={t.widget.lossChartEmpty}
        maxX={maxX}
        reference={info ? { value: info.minLoss, label: words.minLoss(formatNumber(info.minLoss, 4)) } : undefined}
      />
      <ChartLegend items={VARIANTS.map((name) => ({ label: label(name), color: colorVar(name), mark: 'line' as const }))} />
      <div className="widget-panels">
        <FitFigure info={info} traces={view.traces} last={last} words={words} />
        <SurfaceFigure info={info} traces={view.traces} width={width} words={words} />
      </div>
      <VariantTable info={info} traces={view.traces} width={width} steps={steps} words={words} />
      {info && <p className="widget-hint">{words.criticalLr(formatNumber(info.criticalLr))}</p>}
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={GD_VARIANTS.params} values={values} lang={lang} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => change({ seed: newSeed() })}>
          ⟳ {words.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
