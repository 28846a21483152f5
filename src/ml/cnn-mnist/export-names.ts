/** Names of the saved CNN's files and its IndexedDB copy, without tfjs. */
import type { SavedModelFiles } from '../shared/saved-model';

export const STORED_MODEL_URL = 'indexeddb://course-cnn-mnist';
export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'cnn-mnist.weights.bin';
export const CNN_FILES: SavedModelFiles = { model: MODEL_FILE, weights: WEIGHTS_FILE };
