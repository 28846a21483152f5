/**
 * The models the serving worker serves (tfjs): a small dense network trained right in the worker on MNIST's
 * training digits (the stable version, and the same network trained less as a canary when the learner has
 * no model of their own), the CNN saved in lesson 10 (IndexedDB) or opened from its downloaded files.
 */
import * as tf from '@tensorflow/tfjs';
import { STORED_MODEL_URL } from '../cnn-mnist/export-names';
import { createRng } from '../shared/random';

export const PIXELS = 784;
export const HIDDEN = 64;
/** Training steps of the stable version and of the canary "trained less". */
export const STABLE_STEPS = 300;
export const LESS_STEPS = 15;
const BATCH = 64;

export interface DigitsMessage {
  labels: Uint8Array;
  images: Uint8Array;
  count: number;
}

export function pixelsOf(set: DigitsMessage, digits: readonly number[]): Float32Array {
  const out = new Float32Array(digits.length * PIXELS);
  digits.forEach((d, i) => {
    for (let p = 0; p < PIXELS; p++) out[i * PIXELS + p] = set.images[d * PIXELS + p] / 255;
  });
  return out;
}

function buildDense(seed: number): tf.Sequential {
  const model = tf.sequential({
    name: 'dense_mnist_served',
    layers: [
      tf.layers.flatten({ inputShape: [28, 28, 1] }),
      tf.layers.dense({ units: HIDDEN, activation: 'relu', kernelInitializer: tf.initializers.heNormal({ seed }) }),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.003), loss: 'categoricalCrossentropy' });
  return model;
}

/**
 * Trains the dense network for STABLE_STEPS minibatches of 64 (seeded), keeping a copy of the weights after
 * LESS_STEPS: returns both models.
 */
export async function trainHere(
  train: DigitsMessage,
  seed: number,
  onStep: (step: number) => void,
): Promise<{ stable: tf.LayersModel; less: tf.LayersModel }> {
  const model = buildDense(seed);
  const less = buildDense(seed);
  const rng = createRng(seed);
  for (let step = 1; step <= STABLE_STEPS; step++) {
    const digits = Array.from({ length: BATCH }, () => Math.floor(rng() * train.count));
    const labels = new Float32Array(BATCH * 10);
    digits.forEach((d, i) => (labels[i * 10 + train.labels[d]] = 1));
    const xs = tf.tensor4d(pixelsOf(train, digits), [BATCH, 28, 28, 1]);
    const ys = tf.tensor2d(labels, [BATCH, 10]);
    await model.trainOnBatch(xs, ys);
    xs.dispose();
    ys.dispose();
    if (step === LESS_STEPS) less.setWeights(model.getWeights());
    if (step % 25 === 0) {
      onStep(step);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  return { stable: model, less };
}

/** The CNN saved in lesson 10, or null when this browser has none. */
export async function loadSaved(): Promise<tf.LayersModel | null> {
  try {
    return await tf.loadLayersModel(STORED_MODEL_URL);
  } catch {
    return null;
  }
}

/** A model from its model.json text and weights (lesson 10's downloaded files). */
export async function loadFiles(modelJson: string, weights: ArrayBuffer): Promise<tf.LayersModel> {
  const json = JSON.parse(modelJson) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const specs = json.weightsManifest.flatMap((group) => group.weights);
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData: weights }));
}

export function parameterCount(model: tf.LayersModel): number {
  return model.countParams();
}

/** The predicted class of each digit, one forward pass for the whole batch. */
export function predictClasses(model: tf.LayersModel, test: DigitsMessage, digits: readonly number[]): Int32Array {
  const classes = tf.tidy(() => {
    const x = tf.tensor4d(pixelsOf(test, digits), [digits.length, 28, 28, 1]);
    return (model.predict(x) as tf.Tensor).argMax(-1);
  });
  const out = classes.dataSync() as Int32Array;
  classes.dispose();
  return out;
}
