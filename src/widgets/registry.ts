/**
 * Every widget's page-side registration (its folder's index.ts: lazy component, title), by id. Keyed by the
 * catalog's union, so a widget in the catalog without a registration here does not compile.
 */
import type { WidgetId } from './catalog';
import type { WidgetRegistration } from './registration';
import scaling from './scaling';
import linearRegression from './linear-regression';
import gdVariants from './gd-variants';
import optimizerRace from './optimizer-race';
import normalization from './normalization';
import logisticRegression from './logistic-regression';
import svm from './svm';
import metrics from './metrics';
import mlpPlayground from './mlp-playground';
import overfitting from './overfitting';
import cnnMnist from './cnn-mnist';
import sequence from './sequence';
import tinyTransformer from './tiny-transformer';
import tinyGpt from './tiny-gpt';
import attentionCalculator from './attention-calculator';
import serving from './serving';
import computeCost from './compute-cost';
import matrixFactorization from './matrix-factorization';

export const WIDGETS: { readonly [Id in WidgetId]: WidgetRegistration<Id> } = {
  scaling: scaling,
  'linear-regression': linearRegression,
  'gd-variants': gdVariants,
  'optimizer-race': optimizerRace,
  normalization: normalization,
  'logistic-regression': logisticRegression,
  svm: svm,
  metrics: metrics,
  'mlp-playground': mlpPlayground,
  overfitting: overfitting,
  'cnn-mnist': cnnMnist,
  sequence: sequence,
  'tiny-transformer': tinyTransformer,
  'tiny-gpt': tinyGpt,
  'attention-calculator': attentionCalculator,
  serving: serving,
  'compute-cost': computeCost,
  'matrix-factorization': matrixFactorization,
};
