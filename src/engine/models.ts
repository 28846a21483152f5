/** The models a training worker can run, by widget id: one for every trained widget in the catalog (not the page-only ones). */
import { CNN_MNIST } from '../ml/cnn-mnist/contract';
import { createCnnMnist } from '../ml/cnn-mnist/trainer';
import { TINY_TRANSFORMER } from '../ml/tiny-transformer/contract';
import { createTinyTransformer } from '../ml/tiny-transformer/trainer';
import { TINY_GPT } from '../ml/language-model/contract';
import { createTinyGpt } from '../ml/language-model/trainer';
import { GD_VARIANTS } from '../ml/gd-variants/contract';
import { createGdVariants } from '../ml/gd-variants/trainer';
import { LINEAR_REGRESSION } from '../ml/linear-regression/contract';
import { createLinearRegression } from '../ml/linear-regression/trainer';
import { LOGISTIC_REGRESSION } from '../ml/logistic-regression/contract';
import { createLogisticRegression } from '../ml/logistic-regression/trainer';
import { METRICS } from '../ml/metrics/contract';
import { createMetrics } from '../ml/metrics/trainer';
import { MLP_PLAYGROUND } from '../ml/mlp-playground/contract';
import { createMlpPlayground } from '../ml/mlp-playground/trainer';
import { NORMALIZATION } from '../ml/normalization/contract';
import { createNormalization } from '../ml/normalization/trainer';
import { OPTIMIZER_RACE } from '../ml/optimizer-race/contract';
import { createOptimizerRace } from '../ml/optimizer-race/trainer';
import { OVERFITTING } from '../ml/overfitting/contract';
import { createOverfitting } from '../ml/overfitting/trainer';
import type { ContractParams, ModelContract, ModelData } from '../ml/shared/contract';
import { SCALING } from '../ml/scaling/contract';
import { createScaling } from '../ml/scaling/trainer';
import { SEQUENCE } from '../ml/sequence/contract';
import { createSequenceModel } from '../ml/sequence/trainer';
import { RECOMMENDER } from '../ml/recommender/contract';
import { createRecommender } from '../ml/recommender/trainer';
import { SVM } from '../ml/svm/contract';
import { createSvm } from '../ml/svm/trainer';
import type { ModelFactory } from '../ml/tfjs/trainable';
import type { TrainedWidgetId } from '../widgets/catalog';

import { defaults, type Params } from '../state/params';

/**
 * A factory typed by its contract's table, as the worker holds it. The worker receives untyped `Params`,
 * which the page read through that same table (defaults ← directive ← link, each value checked), so they have
 * the table's types; a key the page left out takes the table's default.
 */
function entry<C extends ModelContract, D extends ModelData>(
  contract: C,
  factory: ModelFactory<ContractParams<C>, D>,
): ModelFactory<Params, ModelData> {
  const typed = factory as unknown as ModelFactory<Params, ModelData>;
  return (params, seed, data) => typed({ ...defaults(contract.params), ...params }, seed, data);
}

export const MODELS: { readonly [Id in TrainedWidgetId]: ModelFactory<Params, ModelData> } = {
  scaling: entry(SCALING, createScaling),
  'linear-regression': entry(LINEAR_REGRESSION, createLinearRegression),
  'optimizer-race': entry(OPTIMIZER_RACE, createOptimizerRace),
  normalization: entry(NORMALIZATION, createNormalization),
  'gd-variants': entry(GD_VARIANTS, createGdVariants),
  'logistic-regression': entry(LOGISTIC_REGRESSION, createLogisticRegression),
  svm: entry(SVM, createSvm),
  metrics: entry(METRICS, createMetrics),
  'mlp-playground': entry(MLP_PLAYGROUND, createMlpPlayground),
  overfitting: entry(OVERFITTING, createOverfitting),
  'matrix-factorization': entry(RECOMMENDER, createRecommender),
  'cnn-mnist': entry(CNN_MNIST, createCnnMnist),
  sequence: entry(SEQUENCE, createSequenceModel),
  'tiny-transformer': entry(TINY_TRANSFORMER, createTinyTransformer),
  'tiny-gpt': entry(TINY_GPT, createTinyGpt),
};
