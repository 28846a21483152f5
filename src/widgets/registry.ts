/** Directive name → the widget's React component, loaded only when a page uses it. */
import { lazy, type ComponentType } from 'react';
import type { Params } from '../state/params';

export interface WidgetProps {
  /** Unique on the page; also the prefix of this widget's keys in a shared URL. */
  id: string;
  /** The directive's attributes: initial values that override the table's defaults. */
  initial: Params;
}

export const WIDGETS: Record<string, ComponentType<WidgetProps>> = {
  'linear-regression': lazy(() => import('./linear-regression/LinearRegressionWidget')),
  'gd-variants': lazy(() => import('./gd-variants/GdVariantsWidget')),
  'logistic-regression': lazy(() => import('./logistic-regression/LogisticRegressionWidget')),
  svm: lazy(() => import('./svm/SvmWidget')),
  metrics: lazy(() => import('./metrics/MetricsWidget')),
  'optimizer-race': lazy(() => import('./optimizer-race/OptimizerRaceWidget')),
  normalization: lazy(() => import('./normalization/NormalizationWidget')),
  'mlp-playground': lazy(() => import('./mlp-playground/MlpPlaygroundWidget')),
  overfitting: lazy(() => import('./overfitting/OverfittingWidget')),
};
