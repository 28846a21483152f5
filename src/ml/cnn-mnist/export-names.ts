/** Names of the saved CNN's files and its IndexedDB copy, and what the worker sends back, without tfjs. */
export const STORED_MODEL_URL = 'indexeddb://course-cnn-mnist';
export const MODEL_FILE = 'model.json';
export const WEIGHTS_FILE = 'cnn-mnist.weights.bin';

export interface SavedModel {
  modelJson: string;
  weights: ArrayBuffer;
  /** Whether the browser's IndexedDB now holds a copy. */
  stored: boolean;
}
