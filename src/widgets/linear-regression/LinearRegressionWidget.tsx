import { useLang, useStrings } from '../../i18n/LangContext';
import { ChartLegend } from '../../charts/ChartLegend';
import { ContourCanvas } from '../../charts/ContourCanvas';
import { LossChart } from '../../charts/LossChart';
import { ScatterLineCanvas } from '../../charts/ScatterLineCanvas';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { PlayControls } from '../../controls/PlayControls';
import { ParamPanel } from '../../controls/ParamControl';
import type { Line } from '../../ml/linear-regression/math';
import { X_RANGE } from '../../ml/linear-regression/math';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { LINEAR_REGRESSION_STRINGS } from './strings';
import { LINEAR_REGRESSION } from '../../ml/linear-regression/contract';

export default function LinearRegressionWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const words = LINEAR_REGRESSION_STRINGS[lang];
  const t = useStrings();
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(LINEAR_REGRESSION, id, initial);

  const info = view.info;
  const traces = view.traces;
  const current: Line = traces.length >= 2 ? { b0: traces[traces.length - 2], b1: traces[traces.length - 1] } : { b0: 0, b1: 0 };

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <div className="widget-panels">
        <figure className="panel">
          <figcaption>{words.scatter}</figcaption>
          {info && (
            <ScatterLineCanvas
              x={info.x}
              y={info.y}
              xRange={X_RANGE}
              lines={[
                { ...info.closedForm, color: '--chart-muted', dashed: true },
                { ...current, color: '--accent-strong' },
              ]}
              label={words.scatterDescription(info.x.length, formatNumber(current.b0), formatNumber(current.b1))}
            />
          )}
          <ChartLegend
            items={[
              { label: words.learned, color: 'var(--accent-strong)', mark: 'line' },
              { label: words.closed, color: 'var(--chart-muted)', mark: 'dashed' },
            ]}
          />
        </figure>
        <figure className="panel">
          <figcaption>{words.surface}</figcaption>
          {info && (
            <ContourCanvas
              grid={info.grid}
              paths={[{ values: traces, color: '#ffffff', dot: '--accent-strong' }]}
              targets={[[info.closedForm.b0, info.closedForm.b1]]}
              labels={{ x: 'β₀', y: 'β₁' }}
              description={words.surfaceDescription}
            />
          )}
          <ChartLegend
            items={[
              { label: words.legendPath, mark: 'path' },
              { label: words.legendNow, color: 'var(--accent-strong)', mark: 'dot' },
              { label: words.closed, mark: 'ring' },
            ]}
          />
        </figure>
      </div>
      <LossChart
        series={[{ key: 'loss', label: 'MSE', color: 'var(--accent)', values: view.losses }]}
        label={t.widget.lossChart}
        empty={t.widget.lossChartEmpty}
        maxX={values.steps}
        reference={info ? { value: info.minLoss, label: words.minLoss(formatNumber(info.minLoss, 4)) } : undefined}
      />
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col"></th>
            <th scope="col">β₀</th>
            <th scope="col">β₁</th>
            <th scope="col">MSE</th>
          </tr>
        </thead>
        <tbody>
          <tr data-row="learned">
            <th scope="row">{words.learned}</th>
            <td data-value="b0">{formatNumber(current.b0, 4)}</td>
            <td data-value="b1">{formatNumber(current.b1, 4)}</td>
            <td data-value="loss">{view.losses.length ? formatNumber(view.losses[view.losses.length - 1], 4) : '—'}</td>
          </tr>
          <tr data-row="closed-form">
            <th scope="row">{words.closed}</th>
            <td>{info ? formatNumber(info.closedForm.b0, 4) : '—'}</td>
            <td>{info ? formatNumber(info.closedForm.b1, 4) : '—'}</td>
            <td>{info ? formatNumber(info.minLoss, 4) : '—'}</td>
          </tr>
        </tbody>
      </table>
      {info && <p className="widget-hint">{words.criticalLr(formatNumber(info.criticalLr))}</p>}
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={LINEAR_REGRESSION.params} values={values} lang={lang} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => change({ seed: newSeed() })}>
          ⟳ {words.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
