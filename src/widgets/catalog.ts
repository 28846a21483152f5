/**
 * The catalog: every widget's model contract, in the gallery's order. It is the one list of widget ids —
 * `WidgetId`, the union every map of widgets is keyed by (the page's registry, the worker's models and
 * painters), so a widget missing from any of them is a compile error. Pure data: the Markdown build step and
 * the worker import it without React or tfjs.
 */
import type { ParamSpec } from '../state/params.ts';
import { CNN_MNIST } from '../ml/cnn-mnist/contract.ts';
import { TINY_TRANSFORMER } from '../ml/tiny-transformer/contract.ts';
import { GD_VARIANTS } from '../ml/gd-variants/contract.ts';
import { LINEAR_REGRESSION } from '../ml/linear-regression/contract.ts';
import { LOGISTIC_REGRESSION } from '../ml/logistic-regression/contract.ts';
import { METRICS } from '../ml/metrics/contract.ts';
import { MLP_PLAYGROUND } from '../ml/mlp-playground/contract.ts';
import { NORMALIZATION } from '../ml/normalization/contract.ts';
import { OPTIMIZER_RACE } from '../ml/optimizer-race/contract.ts';
import { OVERFITTING } from '../ml/overfitting/contract.ts';
import { SVM } from '../ml/svm/contract.ts';

export const CATALOG = [
  LINEAR_REGRESSION,
  GD_VARIANTS,
  OPTIMIZER_RACE,
  NORMALIZATION,
  LOGISTIC_REGRESSION,
  SVM,
  METRICS,
  MLP_PLAYGROUND,
  OVERFITTING,
  CNN_MNIST,
  TINY_TRANSFORMER,
] as const;

export type WidgetId = (typeof CATALOG)[number]['id'];

export const WIDGET_IDS: readonly WidgetId[] = CATALOG.map((contract) => contract.id);

export function isWidgetId(name: string): name is WidgetId {
  return (WIDGET_IDS as readonly string[]).includes(name);
}

/** Each widget's parameter table, by id. */
export const WIDGET_SPECS = Object.fromEntries(
  CATALOG.map((contract): [WidgetId, readonly ParamSpec[]] => [contract.id, contract.params]),
) as Record<WidgetId, readonly ParamSpec[]>;
