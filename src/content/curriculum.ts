/**
 * The planned lesson slugs in course order (shared CURRICULUM.md), including lessons not yet written: the
 * glossary sorts terms by the lesson that introduces them and checks that each names a real one.
 */
export const CURRICULUM_ORDER: readonly string[] = [
  'intro',
  'linear-regression',
  'gradient-descent',
  'optimizers',
  'logistic-regression',
  'svm',
  'neural-networks',
  'loss-regularization',
  'data-preprocessing',
  'evaluation',
  'cnn',
  'rnn-lstm',
  'transformer-attention',
  'language-model',
  'recommender',
  'model-as-a-service',
  'scale-and-business',
];
