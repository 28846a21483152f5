/**
 * The serving worker's models (ml/serving/models.ts) on tfjs's cpu backend: lesson 10's saved files load back
 * through `loadFiles` with identical predictions, and the network trained here learns the digits.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportModel } from '../../src/ml/cnn-mnist/export';
import { buildCnn } from '../../src/ml/cnn-mnist/models';
import { loadFiles, predictClasses, trainHere, type DigitsMessage } from '../../src/ml/serving/models';
import { createRng } from '../../src/ml/shared/random';

/** Digits that are a class's own stripe pattern plus noise, so a little training separates them. */
function digits(count: number, seed: number): DigitsMessage {
  const rng = createRng(seed);
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * 784);
  for (let i = 0; i < count; i++) {
    const label = Math.floor(rng() * 10);
    labels[i] = label;
    for (let p = 0; p < 784; p++) images[i * 784 + p] = Math.floor(p / 78.4) === label ? 200 + rng() * 55 : rng() * 60;
  }
  return { labels, images, count };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('serving models', () => {
  it('save → load gives identical predictions', async () => {
    const model = buildCnn({ filters1: 4, filters2: 8, kernel: 5, padding: 'same' }, 3);
    const test = digits(40, 2);
    const all = Array.from({ length: 40 }, (_, i) => i);
    const before = predictClasses(model, test, all);
    const { value } = await exportModel(model);
    const loaded = await loadFiles(value.modelJson, value.weights);
    expect([...predictClasses(loaded, test, all)]).toEqual([...before]);
    const probe = tf.tensor4d(
      new Float32Array(2 * 784).map((_, i) => (i % 7) / 7),
      [2, 28, 28, 1],
    );
    const a = (model.predict(probe) as tf.Tensor).dataSync();
    const b = (loaded.predict(probe) as tf.Tensor).dataSync();
    expect([...b]).toEqual([...a]);
  });

  it('the network trained here learns the digits, at least as well as the one trained less', async () => {
    const train = digits(2000, 5);
    const test = digits(300, 6);
    const { stable, less } = await trainHere(train, 1, () => {});
    const all = Array.from({ length: test.count }, (_, i) => i);
    const accuracy = (m: tf.LayersModel) => predictClasses(m, test, all).filter((c, i) => c === test.labels[i]).length / test.count;
    expect(accuracy(stable)).toBeGreaterThan(0.95);
    expect(accuracy(stable)).toBeGreaterThanOrEqual(accuracy(less));
  }, 60_000);
});
