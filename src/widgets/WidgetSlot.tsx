import { Component, Suspense, useRef, type ReactNode } from 'react';
import { useLang, useStrings } from '../i18n/LangContext';
import type { Params } from '../state/params';
import { isWidgetId } from './catalog';
import { PresentContext, PublishLinkContext } from './present/context';
import { PresentAside, PresentBar, PresentFormula } from './present/PresentParts';
import { usePresentMode } from './present/usePresentMode';
import { WIDGETS } from './registry';

class WidgetErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * Where a `::name{…}` directive stands in a lesson: loads the widget and keeps a failure local to it. It is
 * also the widget's present mode (present/usePresentMode.ts): the same element becomes a full-screen dialog
 * around the same widget, which keeps its run; the frames' Present button and the P key open it.
 */
export function WidgetSlot({ name, id, params }: { name: string; id: string; params: string }) {
  const t = useStrings();
  const lang = useLang();
  const slot = useRef<HTMLDivElement>(null);
  const present = usePresentMode(slot, id);
  const Widget = isWidgetId(name) ? WIDGETS[name].component : undefined;
  const failed = (
    <div className="widget widget-failed" role="alert" data-widget={name} data-state="error">
      {t.widget.widgetFailed}
    </div>
  );
  const titleId = `${id}--present-title`;
  const dialog = present.presenting
    ? { role: 'dialog', 'aria-modal': true, 'aria-labelledby': titleId, tabIndex: -1, 'data-fullscreen': present.fullscreen }
    : {};
  // The id sits on this wrapper, present from the first render, so a link to #id finds it before the
  // widget's own code has loaded. Present mode's parts come and go around the widget; the widget's place
  // among the children never changes, so React keeps it (and its run) as it is.
  return (
    <div
      ref={slot}
      className={present.presenting ? 'widget-slot presenting' : 'widget-slot'}
      id={id}
      onKeyDown={present.onSlotKeyDown}
      {...dialog}
    >
      {present.presenting && (
        <PresentBar
          titleId={titleId}
          title={isWidgetId(name) ? WIDGETS[name].title[lang] : name}
          fullscreen={present.fullscreen}
          onFullscreen={present.toggleFullscreen}
          onClose={present.close}
        />
      )}
      <div className="widget-slot-stage">
        {present.presenting && <PresentFormula source={present.formula} />}
        <PresentContext.Provider value={present.controls}>
          <PublishLinkContext.Provider value={present.publishLink}>
            {Widget ? (
              <WidgetErrorBoundary fallback={failed}>
                <Suspense
                  fallback={
                    <div className="widget widget-loading" data-widget={name} data-state="loading">
                      {t.loading}
                    </div>
                  }
                >
                  <Widget id={id} initial={JSON.parse(params) as Params} />
                </Suspense>
              </WidgetErrorBoundary>
            ) : (
              failed
            )}
          </PublishLinkContext.Provider>
        </PresentContext.Provider>
      </div>
      {present.presenting && <PresentAside link={present.link} />}
      {present.presenting && (
        <p className="present-toast" role="status" data-toast>
          {present.toast}
        </p>
      )}
    </div>
  );
}
