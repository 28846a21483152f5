/**
 * Parameter tables of every widget, by directive name. Pure data: the Markdown build step and the tests
 * import it without React.
 */
import type { ParamSpec } from '../state/params.ts';
import { GD_VARIANTS_PARAMS } from '../ml/gd-variants/contract.ts';
import { LINEAR_REGRESSION_PARAMS } from '../ml/linear-regression/contract.ts';
import { MLP_PLAYGROUND_PARAMS } from '../ml/mlp-playground/contract.ts';
import { LOGISTIC_REGRESSION_PARAMS } from '../ml/logistic-regression/contract.ts';
import { OPTIMIZER_RACE_PARAMS } from '../ml/optimizer-race/contract.ts';
import { NORMALIZATION_PARAMS } from '../ml/normalization/contract.ts';
import { OVERFITTING_PARAMS } from '../ml/overfitting/contract.ts';
import { SVM_PARAMS } from '../ml/svm/contract.ts';
import { METRICS_PARAMS } from '../ml/metrics/contract.ts';

export const WIDGET_SPECS: Record<string, readonly ParamSpec[]> = {
  'linear-regression': LINEAR_REGRESSION_PARAMS,
  'gd-variants': GD_VARIANTS_PARAMS,
  'optimizer-race': OPTIMIZER_RACE_PARAMS,
  normalization: NORMALIZATION_PARAMS,
  'logistic-regression': LOGISTIC_REGRESSION_PARAMS,
  svm: SVM_PARAMS,
  metrics: METRICS_PARAMS,
  'mlp-playground': MLP_PLAYGROUND_PARAMS,
  overfitting: OVERFITTING_PARAMS,
};
