import type { ReactNode } from 'react';
import { useLang } from '../../i18n/LangContext';
import type { ParamNotice } from '../../state/params';
import type { PageOnlyWidgetId } from '../catalog';
import { WIDGETS } from '../registry';
import { PresentButton } from '../present/PresentButton';
import { ParamNotices } from './ParamNotices';

/**
 * The frame of a widget that computes on the page and trains nothing (catalog.ts, `PAGE_ONLY`): the same root
 * attributes as WidgetShell's (`data-widget`, `data-widget-id`, always `data-state={state}`, the widget's own
 * figures), its title, the Present button and the notices about ignored link values; no step, loss, status or
 * stats line.
 */
export function PageWidgetShell({
  name,
  id,
  notices,
  onDismissNotices,
  figures,
  state = 'idle',
  children,
}: {
  name: PageOnlyWidgetId;
  id: string;
  notices: ParamNotice[];
  onDismissNotices: () => void;
  /** The widget's figures for tests and curious users, e.g. `data-weights`, on the root. */
  figures?: Record<`data-${string}`, string | number>;
  /** `running` while a page-only widget's own worker works (the serving widget under load). */
  state?: 'idle' | 'running' | 'error';
  children: ReactNode;
}) {
  const title = WIDGETS[name].title[useLang()];
  return (
    <section
      data-widget-id={id}
      className={`widget widget-${state} widget-page-only`}
      data-widget={name}
      data-state={state}
      {...figures}
      aria-label={title}
    >
      <header className="widget-header">
        <h3 className="widget-title">{title}</h3>
        <PresentButton />
      </header>
      <ParamNotices notices={notices} onDismiss={onDismissNotices} />
      {children}
    </section>
  );
}
