import { useMemo } from 'react';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { useLang, useStrings } from '../../i18n/LangContext';
import { RACER_TRACE, readState, SEQUENCE, stateSize } from '../../ml/sequence/contract';
import type { WidgetProps } from '../registration';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { DelaySweep } from './DelaySweep';
import { ExampleSequence } from './ExampleSequence';
import { GradientThroughTime } from './GradientThroughTime';
import { LstmInside } from './LstmInside';
import { RaceCurves } from './RaceCurves';
import { RacerPanels } from './RacerPanels';
import { RacerTable } from './RacerTable';
import { SEQUENCE_STRINGS } from './strings';

const ACCURACY = RACER_TRACE.indexOf('accuracy');

export default function SequenceWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = SEQUENCE_STRINGS[lang];
  const { values, shareUrl, view, change, shell, controls, trainer } = useWidgetRun(SEQUENCE, id, initial);
  const info = view.info;
  const width = view.traceWidth;
  const racers = info?.racers ?? [];
  const last = width && view.traces.length >= width ? view.traces.length - width : -1;
  const lstm = racers.indexOf('lstm');
  const lstmAccuracy = last >= 0 && lstm >= 0 ? view.traces[last + RACER_TRACE.length * lstm + ACCURACY] : NaN;
  // Parsed once per state message (about five a second), not on every progress message: the maps redraw when it changes.
  const flat = view.state;
  const state = useMemo(() => (info && flat && flat.length === stateSize(info) ? readState(info, flat) : null), [info, flat]);
  const noneOn = !values.rnn && !values.lstm && !values.gru;

  return (
    <WidgetShell
      {...shell}
      lr={values.lrLstm}
      divergedText={s.allOut}
      figures={{ 'data-accuracy': Number.isFinite(lstmAccuracy) ? lstmAccuracy : '' }}
    >
      <p className="widget-hint">{s.task(values.symbols, values.delay)}</p>
      {info && <ExampleSequence info={info} s={s} />}
      <RaceCurves info={info} view={view} maxX={values.steps} clip={values.clip ? values.clipNorm : null} t={t.widget} s={s} />
      <RacerTable info={info} traces={view.traces} width={width} state={state} s={s} lang={lang} />
      {noneOn && (
        <p className="widget-hint" role="status">
          {s.noneOn}
        </p>
      )}
      <PlayControls t={t.widget} {...controls} />
      <RacerPanels values={values} lang={lang} onChange={change} />
      <ParamPanel
        specs={SEQUENCE.params}
        keys={['delay', 'symbols', 'hidden', 'forgetBias', 'gain', 'optimizer', 'clip', 'clipNorm', 'batch', 'steps', 'speed']}
        values={values}
        lang={lang}
        disabled={(key) => key === 'clipNorm' && !values.clip}
        onChange={(key, v) => change({ [key]: v })}
      />
      <div className="widget-actions">
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
      {info && state && <GradientThroughTime info={info} state={state} t={t.widget} s={s} />}
      {info && state?.lstm && <LstmInside info={info} state={state} s={s} />}
      {info && <DelaySweep info={info} request={trainer.request} step={view.step} finished={trainer.budgetUsed} s={s} t={t.widget} />}
    </WidgetShell>
  );
}
