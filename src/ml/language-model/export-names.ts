/** Names of the saved tiny GPT's files and its IndexedDB copy, and what its model.json describes, without tfjs. */
import type { SavedModelFiles } from '../shared/saved-model';
import type { TransformerShape } from '../tiny-transformer/transformer-shape';
import type { CorpusId } from './corpus';

export const TINY_GPT_STORED_URL = 'indexeddb://course-tiny-gpt';
export const TINY_GPT_FILES: SavedModelFiles = { model: 'tiny-gpt.model.json', weights: 'tiny-gpt.weights.bin' };
export const TINY_GPT_FORMAT = 'course-tiny-gpt';

/** model.json's modelTopology: not a Keras model, but everything needed to rebuild this one. */
export interface TinyGptTopology {
  format: typeof TINY_GPT_FORMAT;
  shape: TransformerShape;
  /** The vocabulary by id; the unknown token is the id after the last. */
  characters: string[];
  corpus: CorpusId;
  /** The training step the weights are from. */
  step: number;
}
