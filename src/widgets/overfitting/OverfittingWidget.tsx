import { useMemo } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import type { WidgetProps } from '../registration';
import { newSeed } from '../shared/useParamChange';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { earlyStopMark, newDataBest } from './early-stop-mark';
import { OVERFITTING, TRACE_NEW_DATA, TRACE_THETA, TRACE_TRAIN, TRACE_VALIDATION } from '../../ml/overfitting/contract';
import { OVERFITTING_STRINGS } from './strings';
import { ErrorTable } from './ErrorTable';
import { FitFigure } from './FitFigure';
import { LossCurves } from './LossCurves';

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
  const newData = width ? traces[last + TRACE_NEW_DATA] : NaN;
  const loss = view.losses.length ? view.losses[view.losses.length - 1] : NaN;
  // `traces` grows in place: its length says when there is a new step.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the length is the change (same array)
  const mark = useMemo(() => earlyStopMark(traces, width), [traces, traces.length, width]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- as above
  const truthPick = useMemo(() => newDataBest(traces, width), [traces, traces.length, width]);
  const kind = values.penalty;

  return (
    <WidgetShell
      {...shell}
      lr={values.lr}
      figures={{
        'data-true-error': Number.isFinite(newData) ? newData : '',
        'data-best-step': mark?.step ?? '',
        'data-best-true-error': mark?.newData ?? '',
        'data-true-best-step': truthPick?.step ?? '',
        'data-true-best-error': truthPick?.newData ?? '',
      }}
    >
      <div className="widget-panels">
        <FitFigure info={info} theta={theta} mark={mark} kind={kind} lambda={values.lambda} train={train} validation={validation} s={s} />
        <div className="panel">
          <LossCurves traces={traces} width={width} maxX={values.steps} mark={mark} truthPick={truthPick} t={t.widget} s={s} />
          <p className="widget-hint">{s.newDataHint}</p>
          <ErrorTable
            train={train}
            loss={loss}
            validation={validation}
            newData={newData}
            mark={mark}
            truthPick={truthPick}
            theta={theta}
            s={s}
          />
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
