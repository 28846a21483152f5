/**
 * Parameter tables of every widget, by directive name. Pure data: the Markdown build step and the tests
 * import it without React.
 */
import type { ParamSpec } from '../state/params.ts';
import { GD_VARIANTS_PARAMS } from './gd-variants/params.ts';
import { LINEAR_REGRESSION_PARAMS } from './linear-regression/params.ts';
import { MLP_PLAYGROUND_PARAMS } from './mlp-playground/params.ts';
import { LOGISTIC_REGRESSION_PARAMS } from './logistic-regression/params.ts';
import { OPTIMIZER_RACE_PARAMS } from './optimizer-race/params.ts';
import { NORMALIZATION_PARAMS } from './normalization/params.ts';
import { OVERFITTING_PARAMS } from './overfitting/params.ts';
import { SVM_PARAMS } from './svm/params.ts';
import { METRICS_PARAMS } from './metrics/params.ts';

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
