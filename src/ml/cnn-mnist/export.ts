/**
 * The trained CNN in tfjs's standard format: model.json (the Keras topology and the weights manifest) and
 * one weights.bin, which any tfjs program loads with tf.loadLayersModel and tensorflowjs_converter turns into
 * a Keras model. Where the worker has IndexedDB it also keeps a copy there, under STORED_MODEL_URL, for the
 * serving lesson to load.
 */
import * as tf from '@tensorflow/tfjs';
import type { SavedModel } from '../shared/saved-model';
import { STORED_MODEL_URL, WEIGHTS_FILE } from './export-names';

export async function exportModel(model: tf.LayersModel): Promise<{ value: SavedModel; transfer: Transferable[] }> {
  let artifacts: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (saved) => {
      artifacts = saved;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(saved) };
    }),
  );
  const { modelTopology, format, generatedBy, convertedBy, weightSpecs, weightData } = artifacts! as tf.io.ModelArtifacts;
  const weights = tf.io.CompositeArrayBuffer.join(weightData);
  const modelJson = JSON.stringify({
    modelTopology,
    format,
    generatedBy,
    convertedBy,
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: weightSpecs }],
  });
  let stored = false;
  if (typeof indexedDB !== 'undefined') {
    try {
      await model.save(STORED_MODEL_URL);
      stored = true;
    } catch {
      // Private windows may refuse IndexedDB: the download still works.
    }
  }
  return { value: { modelJson, weights, stored }, transfer: [weights] };
}
