import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { percentText } from '../../controls/format';
import { PlayControls } from '../../controls/PlayControls';
import { useLang, useStrings } from '../../i18n/LangContext';
import { traceIndex } from '../../ml/shared/contract';
import { TINY_TRANSFORMER } from '../../ml/tiny-transformer/contract';
import type { WidgetProps } from '../registration';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { OwnInput } from './OwnInput';
import { TransformerCurves } from './TransformerCurves';
import { TINY_TRANSFORMER_STRINGS } from './strings';

const ACCURACY = traceIndex(TINY_TRANSFORMER, 'accuracy');
const SEQUENCE = traceIndex(TINY_TRANSFORMER, 'sequenceAccuracy');

export default function TinyTransformerWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = TINY_TRANSFORMER_STRINGS[lang];
  const { values, shareUrl, view, change, shell, controls, trainer } = useWidgetRun(TINY_TRANSFORMER, id, initial);
  const info = view.info;
  const width = view.traceWidth;
  const last = width && view.traces.length >= width ? view.traces.length - width : -1;
  const accuracy = last >= 0 ? view.traces[last + ACCURACY] : NaN;
  const sequence = last >= 0 ? view.traces[last + SEQUENCE] : NaN;
  const L = info?.length ?? 0;
  const mapsSize = info ? info.layers * info.heads * 4 * L * L : 0;
  const state = view.state && info && view.state.length === mapsSize + L ? view.state : null;

  return (
    <WidgetShell
      {...shell}
      lr={values.lr}
      figures={{
        'data-accuracy': Number.isFinite(accuracy) ? accuracy : '',
        'data-sequence-accuracy': Number.isFinite(sequence) ? sequence : '',
      }}
    >
      <p className="cnn-summary" data-summary>
        {s.accuracy} <strong>{Number.isFinite(accuracy) ? percentText(accuracy, lang) : '—'}</strong>
        {info && ` · ${s.parameters(info.parameters)}`}
      </p>
      <TransformerCurves
        losses={view.losses}
        traces={view.traces}
        width={width}
        maxX={values.steps}
        layers={info?.layers ?? values.layers}
        heads={info?.heads ?? values.heads}
        t={t.widget}
        s={s}
      />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel specs={TINY_TRANSFORMER.params} values={values} lang={lang} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
      {info && state && <OwnInput info={info} task={values.task} step={view.step} example={state} request={trainer.request} s={s} />}
    </WidgetShell>
  );
}
