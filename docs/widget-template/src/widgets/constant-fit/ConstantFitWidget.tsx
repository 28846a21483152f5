import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { useLang, useStrings } from '../../i18n/LangContext';
import { CONSTANT_FIT } from '../../ml/constant-fit/contract';
import { traceIndex } from '../../ml/shared/contract';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { CONSTANT_FIT_STRINGS } from './strings';

const C = traceIndex(CONSTANT_FIT, 'c');
const WIDTH = CONSTANT_FIT.trace.length;

export default function ConstantFitWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const words = CONSTANT_FIT_STRINGS[lang];
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(CONSTANT_FIT, id, initial);
  // view.info has the contract's type (ConstantFitInfo): no cast.
  const info = view.info;
  const c = view.traces.length ? view.traces[view.traces.length - WIDTH + C] : 0;

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <p>
        {words.fitted}: <strong data-value="c">{formatNumber(c, 4)}</strong> · {words.best}:{' '}
        <strong>{info ? formatNumber(info.best, 4) : '—'}</strong>
      </p>
      <LossChart
        series={[{ key: 'loss', label: 'MSE', color: 'var(--accent)', values: view.losses }]}
        label={t.widget.lossChart}
        empty={t.widget.lossChartEmpty}
        maxX={values.steps}
        reference={info ? { value: info.minLoss, label: words.minLoss(formatNumber(info.minLoss, 4)) } : undefined}
      />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={CONSTANT_FIT.params} values={values} lang={lang} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => change({ seed: newSeed() })}>
          ⟳ {words.newData}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
