/**
 * The trained tiny GPT in tfjs's file format: model.json (its sizes and vocabulary as the topology, and the
 * weights manifest) and one weights file, the variables in the order the model creates them. Where the worker
 * has IndexedDB it also keeps a copy there for the serving lesson. `loadTinyGpt` rebuilds the model from them.
 */
import * as tf from '@tensorflow/tfjs';
import type { SavedModel } from '../shared/saved-model';
import { CausalTransformer } from '../tiny-transformer/transformer';
import { TINY_GPT_FILES, TINY_GPT_FORMAT, TINY_GPT_STORED_URL, type TinyGptTopology } from './export-names';

const weightName = (i: number) => `w${i}`;

export async function exportTinyGpt(model: CausalTransformer, topology: Omit<TinyGptTopology, 'format' | 'shape'>) {
  const modelTopology: TinyGptTopology = { format: TINY_GPT_FORMAT, shape: model.shape, ...topology };
  const { data, specs } = await tf.io.encodeWeights(model.variables.map((tensor, i) => ({ name: weightName(i), tensor })));
  const generatedBy = `TensorFlow.js tfjs v${tf.version.tfjs}`;
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: modelTopology as unknown as object,
    format: TINY_GPT_FORMAT,
    generatedBy,
    weightSpecs: specs,
    weightData: data,
  };
  const modelJson = JSON.stringify({
    modelTopology,
    format: TINY_GPT_FORMAT,
    generatedBy,
    weightsManifest: [{ paths: [`./${TINY_GPT_FILES.weights}`], weights: specs }],
  });
  let stored = false;
  const handler = typeof indexedDB !== 'undefined' ? tf.io.getSaveHandlers(TINY_GPT_STORED_URL)[0] : undefined;
  if (handler?.save) {
    try {
      await handler.save(artifacts);
      stored = true;
    } catch {
      // Private windows may refuse IndexedDB: the download still works.
    }
  }
  const value: SavedModel = { modelJson, weights: data, stored };
  return { value, transfer: [data] };
}

/** The saved files back as tfjs's artifacts (what tf.io's loaders return). */
export function artifactsFromFiles(modelJson: string, weights: ArrayBuffer): tf.io.ModelArtifacts {
  const json = JSON.parse(modelJson) as {
    modelTopology: object;
    format?: string;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  return {
    modelTopology: json.modelTopology,
    format: json.format,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: weights,
  };
}

/** Rebuilds a saved tiny GPT; its weights are copied into the new model's variables. */
export function loadTinyGpt(artifacts: tf.io.ModelArtifacts): { model: CausalTransformer; topology: TinyGptTopology } {
  const topology = artifacts.modelTopology as TinyGptTopology | undefined;
  if (!topology || topology.format !== TINY_GPT_FORMAT) throw new Error('not a saved tiny GPT');
  if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error('the saved tiny GPT has no weights');
  const tensors = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  const model = new CausalTransformer(topology.shape, 1);
  try {
    model.variables.forEach((variable, i) => {
      const saved = tensors[weightName(i)];
      if (!saved || !tf.util.arraysEqual(saved.shape, variable.shape)) throw new Error(`the saved weight ${weightName(i)} does not fit`);
      variable.assign(saved);
    });
  } catch (error) {
    model.dispose();
    throw error;
  } finally {
    tf.dispose(Object.values(tensors));
  }
  return { model, topology };
}
