/**
 * The catalog: every widget's contract, in the gallery's order. It is the one list of widget ids — `WidgetId`,
 * the union the page's registry is keyed by — and says which widgets train a model in the worker
 * (`TrainedWidgetId`, the key of the worker's models and painters) and which compute on the page only
 * (`PAGE_ONLY`), so a widget missing from any map it belongs in is a compile error. Pure data: the Markdown
 * build step and the worker import it without React or tfjs.
 */
import type { ParamSpec } from '../state/params.ts';
import { ATTENTION_CALCULATOR } from '../ml/attention/contract.ts';
import { COMPUTE_COST } from '../ml/compute-cost/contract.ts';
import { CNN_MNIST } from '../ml/cnn-mnist/contract.ts';
import { TINY_TRANSFORMER } from '../ml/tiny-transformer/contract.ts';
import { TINY_GPT } from '../ml/language-model/contract.ts';
import { GD_VARIANTS } from '../ml/gd-variants/contract.ts';
import { LINEAR_REGRESSION } from '../ml/linear-regression/contract.ts';
import { LOGISTIC_REGRESSION } from '../ml/logistic-regression/contract.ts';
import { METRICS } from '../ml/metrics/contract.ts';
import { MLP_PLAYGROUND } from '../ml/mlp-playground/contract.ts';
import { NORMALIZATION } from '../ml/normalization/contract.ts';
import { OPTIMIZER_RACE } from '../ml/optimizer-race/contract.ts';
import { OVERFITTING } from '../ml/overfitting/contract.ts';
import { RECOMMENDER } from '../ml/recommender/contract.ts';
import { SVM } from '../ml/svm/contract.ts';
import { SEQUENCE } from '../ml/sequence/contract.ts';
import { SCALING } from '../ml/scaling/contract.ts';
import { SERVING } from '../ml/serving/contract.ts';

export const CATALOG = [
  SCALING,
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
  SEQUENCE,
  ATTENTION_CALCULATOR,
  TINY_TRANSFORMER,
  TINY_GPT,
  RECOMMENDER,
  SERVING,
  COMPUTE_COST,
] as const;

export type WidgetId = (typeof CATALOG)[number]['id'];

export const WIDGET_IDS: readonly WidgetId[] = CATALOG.map((contract) => contract.id);

export function isWidgetId(name: string): name is WidgetId {
  return (WIDGET_IDS as readonly string[]).includes(name);
}

/**
 * Widgets that compute on the page and train nothing: no model in the worker, no step, no loss. Their
 * contract has an empty trace (`defineContract<never>()`), their component `usePageWidget` and
 * `PageWidgetShell`. Parameters, directives, links and their notices work as for any widget. `serving` trains
 * nothing in the training worker either: it runs a serving worker of its own (engine/serving.worker.ts).
 */
export const PAGE_ONLY = ['attention-calculator', 'serving', 'compute-cost'] as const satisfies readonly WidgetId[];

export type PageOnlyWidgetId = (typeof PAGE_ONLY)[number];

/** The widgets that train a model in the worker: the worker's models (and painters) are keyed by these. */
export type TrainedWidgetId = Exclude<WidgetId, PageOnlyWidgetId>;

export function isPageOnly(name: string): name is PageOnlyWidgetId {
  return (PAGE_ONLY as readonly string[]).includes(name);
}

export function isTrainedWidgetId(name: string): name is TrainedWidgetId {
  return isWidgetId(name) && !isPageOnly(name);
}

/** The trained widgets' contracts, in the catalog's order. */
export type TrainedContract = Extract<(typeof CATALOG)[number], { id: TrainedWidgetId }>;
export const TRAINED_CATALOG: readonly TrainedContract[] = CATALOG.filter((contract): contract is TrainedContract =>
  isTrainedWidgetId(contract.id),
);
export const TRAINED_WIDGET_IDS: readonly TrainedWidgetId[] = TRAINED_CATALOG.map((contract) => contract.id);

/** Each widget's parameter table, by id. */
export const WIDGET_SPECS = Object.fromEntries(
  CATALOG.map((contract): [WidgetId, readonly ParamSpec[]] => [contract.id, contract.params]),
) as Record<WidgetId, readonly ParamSpec[]>;
