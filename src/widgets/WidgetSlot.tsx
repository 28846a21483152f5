import { Component, Suspense, type ReactNode } from 'react';
import { useStrings } from '../i18n/LangContext';
import type { Params } from '../state/params';
import { isWidgetId } from './catalog';
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

/** Where a `::name{…}` directive stands in a lesson: loads the widget and keeps a failure local to it. */
export function WidgetSlot({ name, id, params }: { name: string; id: string; params: string }) {
  const t = useStrings();
  const Widget = isWidgetId(name) ? WIDGETS[name].component : undefined;
  const failed = (
    <div className="widget widget-failed" role="alert" data-widget={name} data-state="error">
      {t.widget.widgetFailed}
    </div>
  );
  // The id sits on this wrapper, present from the first render, so a link to #id finds it before the
  // widget's own code has loaded.
  return (
    <div className="widget-slot" id={id}>
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
    </div>
  );
}
