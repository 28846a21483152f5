/** What a widget's folder registers on the page side (its index.ts), beside its model's contract. */
import type { ComponentType } from 'react';
import type { Lang, Params } from '../state/params';
import type { WidgetId } from './catalog';
import { withRunSettings } from './shared/with-run-settings';

export interface WidgetProps {
  /** Unique on the page; also the prefix of this widget's keys in a shared URL. */
  id: string;
  /** The directive's attributes: initial values that override the table's defaults. */
  initial: Params;
}

export interface WidgetRegistration<Id extends WidgetId = WidgetId> {
  id: Id;
  /** Lazy: a page loads a widget's code only when it shows the widget. */
  component: ComponentType<WidgetProps>;
  /** Its heading, in every language. */
  title: Record<Lang, string>;
}

/** Each widget gets a store of its current settings around it, which its charts read (state/run-settings.ts). */
export function defineWidget<Id extends WidgetId>(registration: WidgetRegistration<Id>): WidgetRegistration<Id> {
  return { ...registration, component: withRunSettings(registration.component) };
}
