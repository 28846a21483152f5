import { useLang, useStrings } from '../../i18n/LangContext';
import { ChartLegend } from '../../charts/ChartLegend';
import { ContourCanvas } from '../../charts/ContourCanvas';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { ScatterLineCanvas } from '../../charts/ScatterLineCanvas';
import { traceIndex } from '../../ml/shared/contract';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { GD_VARIANTS_STRINGS } from './strings';
import { GD_VARIANTS, GD_X_RANGE, VARIANTS, type VariantName } from '../../ml/gd-variants/contract';

const COLOR: Record<VariantName, string> = { batch: '--series-1', mini: '--series-3', sgd: '--series-2' };
/** Where each kind of value starts in a step's trace: 3 losses, 3 × (β₀, β₁), 3 timings, in VARIANTS order. */
const LOSS = traceIndex(GD_VARIANTS, 'batch.loss');
const PARAMS = traceIndex(GD_VARIANTS, 'batch.b0');
const MS = traceIndex(GD_VARIANTS, 'batch.ms');

export default function GdVariantsWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const words = GD_VARIANTS_STRINGS[lang];
  const t = useStrings();
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(GD_VARIANTS, id, initial);

  const info = view.info;
  const width = view.traceWidth;
  const steps = view.step;
  const byEpoch = values.axis === 'epochs';
  const epochsPerStep = (k: number) => (info ? info.batchSizes[k] / info.n : 1);
  // By epoch, the chart ends where the slowest reader of data (one example per step) has got to.
  const maxX = byEpoch ? Math.max(steps, 1) * epochsPerStep(2) : values.steps;
  const last = steps * width;
  const colorVar = (name: VariantName) => `var(${COLOR[name]})`;
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
          xStep: byEpoch ? epochsPerStep(k) : 1,
        }))}
        label={byEpoch ? words.lossChartEpochs : words.lossChartSteps}
        empty={t.widget.lossChartEmpty}
        maxX={maxX}
        reference={info ? { value: info.minLoss, label: words.minLoss(formatNumber(info.minLoss, 4)) } : undefined}
      />
      <ChartLegend items={VARIANTS.map((name) => ({ label: label(name), color: colorVar(name), mark: 'line' as const }))} />
      <div className="widget-panels">
        <figure className="panel">
          <figcaption>{words.scatter}</figcaption>
          {info && (
            <ScatterLineCanvas
              x={info.x}
              y={info.y}
              xRange={GD_X_RANGE}
              lines={[
                { ...info.closedForm, color: '--chart-muted', dashed: true },
                ...VARIANTS.map((name, k) => ({
                  b0: view.traces[last + PARAMS + 2 * k],
                  b1: view.traces[last + PARAMS + 2 * k + 1],
                  color: COLOR[name],
                })),
              ]}
              label={words.scatterDescription(info.n)}
            />
          )}
        </figure>
        <figure className="panel">
          <figcaption>{words.surface}</figcaption>
          {info && (
            <ContourCanvas
              grid={info.grid}
              paths={VARIANTS.map((name, k) => ({ values: view.traces, stride: width, offset: PARAMS + 2 * k, color: COLOR[name] }))}
              targets={[[info.closedForm.b0, info.closedForm.b1]]}
              labels={{ x: 'β₀', y: 'β₁' }}
              description={words.surfaceDescription}
            />
          )}
        </figure>
      </div>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">{words.variant}</th>
            <th scope="col">{words.steps}</th>
            <th scope="col">{words.epochs}</th>
            <th scope="col">{words.loss}</th>
            <th scope="col">{words.time}</th>
          </tr>
        </thead>
        <tbody>
          {VARIANTS.map((name, k) => {
            let ms = 0;
            for (let s = 1; s <= steps; s++) ms += view.traces[s * width + MS + k];
            return (
              <tr key={name} data-variant={name}>
                <th scope="row">
                  <span className="swatch" style={{ background: colorVar(name) }} aria-hidden="true" /> {words.names[name]}
                </th>
                <td>{steps}</td>
                <td data-value="epochs">{formatNumber(steps * epochsPerStep(k), 3)}</td>
                <td data-value="loss">{steps > 0 ? formatNumber(view.traces[last + LOSS + k], 4) : '—'}</td>
                <td data-value="ms">{steps > 0 ? `${formatNumber(ms / steps, 2)} ms` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
