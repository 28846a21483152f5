/** What a worker sends back when asked to save its model, without tfjs: tfjs's model.json and one weights file. */
export interface SavedModel {
  modelJson: string;
  weights: ArrayBuffer;
  /** Whether the browser's IndexedDB now holds a copy (for the serving lesson). */
  stored: boolean;
}

/** The files a saved model downloads as. */
export interface SavedModelFiles {
  model: string;
  weights: string;
}
