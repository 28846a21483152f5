import { useLang, useStrings } from '../../i18n/LangContext';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { PlayControls } from '../../controls/PlayControls';
import { ParamPanel } from '../../controls/ParamControl';
import type { Line } from '../../ml/linear-regression/math';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { LINEAR_REGRESSION_STRINGS } from './strings';
import { LINEAR_REGRESSION } from '../../ml/linear-regression/contract';
import { FitFigure } from './FitFigure';
import { FitTable } from './FitTable';
import { SurfaceFigure } from './SurfaceFigure';

export default function LinearRegressionWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const words = LINEAR_REGRESSION_STRINGS[lang];
  const t = useStrings();
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(LINEAR_REGRESSION, id, initial);

  const info = view.info;
  const traces = view.traces;
  const current: Line = traces.length >= 2 ? { b0: traces[traces.length - 2], b1: traces[traces.length - 1] } : { b0: 0, b1: 0 };
  const loss = view.losses.length ? view.losses[view.losses.length - 1] : undefined;

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <div className="widget-panels">
        <FitFigure info={info} current={current} words={words} />
        <SurfaceFigure info={info} traces={traces} words={words} />
      </div>
      <LossChart
        series={[{ key: 'loss', label: 'MSE', color: 'var(--accent)', values: view.losses }]}
        label={t.widget.lossChart}
        empty={t.widget.lossChartEmpty}
        maxX={values.steps}
        reference={info ? { value: info.minLoss, label: words.minLoss(formatNumber(info.minLoss, 4)) } : undefined}
      />
      <FitTable info={info} current={current} loss={loss} words={words} />
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
