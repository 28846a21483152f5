/** The models a training worker can run, by widget id: one for every widget in the catalog. */
import { createGdVariants } from '../ml/gd-variants/trainer';
import { createLogisticRegression } from '../ml/logistic-regression/trainer';
import { createSvm } from '../ml/svm/trainer';
import { createMetrics } from '../ml/metrics/trainer';
import { createLinearRegression } from '../ml/linear-regression/trainer';
import { createMlpPlayground } from '../ml/mlp-playground/trainer';
import { createOptimizerRace } from '../ml/optimizer-race/trainer';
import { createNormalization } from '../ml/normalization/trainer';
import { createOverfitting } from '../ml/overfitting/trainer';
import type { ModelFactory } from '../ml/tfjs/trainable';
import type { WidgetId } from '../widgets/catalog';

export const MODELS: { readonly [Id in WidgetId]: ModelFactory } = {
  'linear-regression': createLinearRegression,
  'optimizer-race': createOptimizerRace,
  normalization: createNormalization,
  'gd-variants': createGdVariants,
  'logistic-regression': createLogisticRegression,
  svm: createSvm,
  metrics: createMetrics,
  'mlp-playground': createMlpPlayground,
  overfitting: createOverfitting,
};
