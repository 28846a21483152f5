import { forwardRef, type ReactNode } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import type { TrainedWidgetId } from '../catalog';
import { WIDGETS } from '../registry';
import { formatNumber } from '../../controls/format';
import type { ParamNotice } from '../../state/params';
import { PresentButton } from '../present/PresentButton';
import { ParamNotices } from './ParamNotices';
import type { TrainerView } from './useTrainer';

/**
 * The frame every training widget shares: the data-* attributes tests and curious users read, the state
 * badge, notices about ignored link parameters, the status message in words, and the stats line.
 * The message is the standard one for the state: diverged, error, paused off screen, budget used. The header
 * has the Present button (present mode, widgets/present/).
 * A widget that trains nothing has PageWidgetShell instead.
 */
export const WidgetShell = forwardRef<
  HTMLDivElement,
  {
    name: TrainedWidgetId;
    id: string;
    view: TrainerView;
    /** The learning rate in use, named in the standard divergence message. */
    lr?: number;
    /** A widget whose run diverges in its own way (several learning rates) says so itself. */
    divergedText?: string;
    budgetUsed: boolean;
    pausedOffscreen: boolean;
    notices: ParamNotice[];
    onDismissNotices: () => void;
    /** The widget's headline figures beyond step and loss, e.g. `data-accuracy`, on the same root. */
    figures?: Record<`data-${string}`, string | number>;
    children: ReactNode;
  }
>(function WidgetShell(
  { name, id, view, lr, divergedText, budgetUsed, pausedOffscreen, notices, onDismissNotices, figures, children },
  ref,
) {
  const t = useStrings();
  const title = WIDGETS[name].title[useLang()];
  let text = '';
  if (view.status === 'diverged' && view.divergedAt) {
    text = divergedText ?? t.widget.diverged(view.divergedAt.step, formatNumber(lr ?? NaN), formatNumber(view.divergedAt.loss));
  } else if (view.status === 'error') text = t.widget.error(view.error ?? '');
  else if (pausedOffscreen) text = t.widget.offscreen;
  else if (budgetUsed && view.status !== 'running') text = t.widget.done(view.step);
  const lastLoss = view.losses.length ? view.losses[view.losses.length - 1] : undefined;
  const alert = view.status === 'diverged' || view.status === 'error';
  return (
    <section
      ref={ref}
      data-widget-id={id}
      className={`widget widget-${view.status}`}
      data-widget={name}
      data-state={view.status}
      data-step={view.step}
      data-loss={lastLoss ?? ''}
      {...figures}
      aria-label={title}
    >
      <header className="widget-header">
        <h3 className="widget-title">{title}</h3>
        <span className={`state-badge state-${view.status}`}>{t.widget.state[view.status]}</span>
        <span className="widget-header-end">
          <span className="widget-readout" aria-live="off">
            {t.widget.stepLabel} <strong data-readout="step">{view.step}</strong> · {t.widget.lossLabel}{' '}
            <strong data-readout="loss">{lastLoss === undefined ? '—' : formatNumber(lastLoss, 4)}</strong>
          </span>
          <PresentButton />
        </span>
      </header>
      <ParamNotices notices={notices} onDismiss={onDismissNotices} />
      {view.restarted && (
        <p className="widget-notice" role="status" data-notice="restarted">
          {t.widget.restarted}
        </p>
      )}
      {view.fallback && (
        <p className="widget-notice" role="status">
          {t.widget.fallback(view.fallback)}
        </p>
      )}
      {children}
      <p className={`widget-message${alert ? ' widget-alert' : ''}`} role={alert ? 'alert' : 'status'} data-message>
        {text}
      </p>
      <p className="widget-stats" data-stats>
        {t.widget.stats}: <span data-backend>{view.backend ?? '…'}</span> · {Math.round(view.stepsPerSecond)} {t.widget.stepsPerSecond} ·{' '}
        <span data-tensors>{view.tensors}</span> {t.widget.tensors}
      </p>
    </section>
  );
});
