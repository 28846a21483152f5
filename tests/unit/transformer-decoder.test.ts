/**
 * The plain-JS decoder with its key/value cache gives CausalTransformer.forward's logits position by
 * position, including after its window slides; and the model is causal: a later token never changes an
 * earlier position's logits.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CachedDecoder } from '../../src/ml/tiny-transformer/decoder';
import { CausalTransformer, type TransformerShape } from '../../src/ml/tiny-transformer/transformer';
import { useBackend } from '../bench/backends';

const SHAPE: TransformerShape = { vocabulary: 11, positions: 6, width: 16, heads: 2, layers: 2, position: 'learned' };

function logitsOf(model: CausalTransformer, tokens: number[]): number[][] {
  return tf.tidy(() => {
    const { logits } = model.forward(tf.tensor2d([tokens], [1, tokens.length], 'int32'));
    const values = Array.from(logits.dataSync());
    return tokens.map((_, t) => values.slice(t * SHAPE.vocabulary, (t + 1) * SHAPE.vocabulary));
  });
}

function expectClose(a: ArrayLike<number>, b: ArrayLike<number>) {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i], 4);
}

describe('the cached decoder', () => {
  beforeAll(useBackend('cpu'));
  let model: CausalTransformer;
  beforeAll(() => {
    model = new CausalTransformer(SHAPE, 7);
    // Trained weights are not needed, but zero biases would hide a bias left out: make them non-zero.
    tf.tidy(() => model.variables.forEach((v, i) => v.assign(tf.add(v, tf.randomNormal(v.shape, 0, 0.1, 'float32', 100 + i)))));
  });
  afterAll(() => model.dispose());

  it.each(['learned', 'sinusoidal', 'none'] as const)('matches the tfjs forward pass token by token (%s positions)', (position) => {
    const m = position === 'learned' ? model : new CausalTransformer({ ...SHAPE, position }, 3);
    const tokens = [3, 1, 4, 1, 5, 9];
    const expected = logitsOf(m, tokens);
    const decoder = new CachedDecoder(m.readWeights());
    expectClose(decoder.reset([3]), expected[0]);
    for (let t = 1; t < tokens.length; t++) expectClose(decoder.push(tokens[t]), expected[t]);
    if (m !== model) m.dispose();
  });

  it('reset on a context reads it all at once', () => {
    const decoder = new CachedDecoder(model.readWeights());
    expectClose(decoder.reset([2, 7, 1, 8]), logitsOf(model, [2, 7, 1, 8])[3]);
  });

  it('the last token’s attention: one distribution per layer and head over the context, as the tfjs weights', () => {
    const tokens = [4, 2, 0, 6];
    const decoder = new CachedDecoder(model.readWeights());
    decoder.reset(tokens);
    const { weights } = tf.tidy(() => model.forward(tf.tensor2d([tokens], [1, 4], 'int32'), true));
    const T = tokens.length;
    weights.forEach((w, layer) => {
      const values = w.dataSync();
      for (let head = 0; head < SHAPE.heads; head++) {
        const row = Array.from(values.slice((head * T + T - 1) * T, (head * T + T) * T));
        const ours = decoder.lastAttention.slice((layer * SHAPE.heads + head) * T, (layer * SHAPE.heads + head + 1) * T);
        expectClose(ours, row);
        expect(ours.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      }
    });
    tf.dispose(weights);
  });

  it('when the window is full it keeps the latest half and goes on as a fresh pass over them', () => {
    const decoder = new CachedDecoder(model.readWeights());
    decoder.reset([1, 2, 3, 4, 5, 6]);
    const logits = decoder.push(7);
    expect(decoder.context).toEqual([4, 5, 6, 7]);
    expectClose(logits, logitsOf(model, [4, 5, 6, 7])[3]);
  });

  it('is causal: changing a later token leaves every earlier position’s logits unchanged', () => {
    const a = logitsOf(model, [3, 1, 4, 1, 5, 9]);
    const b = logitsOf(model, [3, 1, 4, 8, 0, 2]);
    for (let t = 0; t < 3; t++) expectClose(a[t], b[t]);
    expect(Math.abs(a[3][0] - b[3][0])).toBeGreaterThan(1e-4);
  });
});
