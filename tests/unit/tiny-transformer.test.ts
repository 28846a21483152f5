/**
 * The tiny transformer: the tasks' sequences, the sinusoidal encoding against its formula, the causal mask,
 * the whole model's gradient against finite differences, and the trainer (reversal learnt with positions,
 * not without; the same seed gives the same run; every tensor freed).
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { TINY_TRANSFORMER_PARAMS, type TinyTransformerParams } from '../../src/ml/tiny-transformer/contract';
import { answer, SEP, sequence, sinusoidalEncoding } from '../../src/ml/tiny-transformer/tasks';
import { batchOf, createTinyTransformer } from '../../src/ml/tiny-transformer/trainer';
import { CausalTransformer, transformerParameters, type TransformerShape } from '../../src/ml/tiny-transformer/transformer';
import { defaults } from '../../src/state/params';
import { useBackend } from '../bench/backends';

const PARAMS = (overrides: Partial<TinyTransformerParams> = {}) => ({
  ...(defaults(TINY_TRANSFORMER_PARAMS) as TinyTransformerParams),
  ...overrides,
});

describe('tasks', () => {
  it('writes input, separator, answer; trains on the answer’s digits', () => {
    expect(answer('reverse', [3, 1, 2])).toEqual([2, 1, 3]);
    expect(answer('sort', [3, 1, 2, 1])).toEqual([1, 1, 2, 3]);
    expect(sequence('reverse', [3, 1, 2])).toEqual([3, 1, 2, SEP, 2, 1, 3]);
    const batch = batchOf('reverse', [[3, 1, 2]]);
    expect(Array.from(batch.tokens)).toEqual([3, 1, 2, SEP, 2, 1]);
    expect(Array.from(batch.labels)).toEqual([2, 1, 3]);
  });

  it('encodes positions as sin(pos / 10000^(2i/d)) and cos(…)', () => {
    const pe = sinusoidalEncoding(5, 4);
    expect(pe[0]).toBe(0);
    expect(pe[1]).toBe(1);
    expect(pe[3 * 4 + 0]).toBeCloseTo(Math.sin(3), 6);
    expect(pe[3 * 4 + 1]).toBeCloseTo(Math.cos(3), 6);
    expect(pe[3 * 4 + 2]).toBeCloseTo(Math.sin(3 / 100), 6);
    expect(pe[3 * 4 + 3]).toBeCloseTo(Math.cos(3 / 100), 6);
  });
});

describe('the causal transformer', () => {
  const SHAPE: TransformerShape = { vocabulary: 11, positions: 6, width: 8, heads: 2, layers: 2, position: 'learned' };

  it('counts its parameters as the formula does', async () => {
    await useBackend('cpu')();
    const model = new CausalTransformer(SHAPE, 1);
    expect(model.variables.reduce((n, v) => n + v.size, 0)).toBe(transformerParameters(SHAPE));
    model.dispose();
  });

  it('gives exact zeros above the diagonal, rows that sum to 1', async () => {
    await useBackend('wasm')();
    const model = new CausalTransformer(SHAPE, 2);
    const tokens = tf.tensor2d([[1, 2, 3, 10, 4, 5]], [1, 6], 'int32');
    const { weights } = model.forward(tokens, true);
    for (const w of weights) {
      const values = w.arraySync()[0];
      for (const head of values)
        head.forEach((row, i) => {
          row.forEach((v, j) => j > i && expect(v).toBe(0));
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        });
    }
    tf.dispose([tokens, ...weights]);
    model.dispose();
  });

  it('has the gradient finite differences give', async () => {
    await useBackend('cpu')();
    const shape: TransformerShape = { vocabulary: 5, positions: 4, width: 4, heads: 2, layers: 1, position: 'sinusoidal' };
    const model = new CausalTransformer(shape, 3);
    const tokens = tf.tensor2d([[0, 3, 1, 4]], [1, 4], 'int32');
    const probe = tf.randomNormal([1, 4, 5], 0, 1, 'float32', 9);
    const loss = () => tf.sum(tf.mul(model.forward(tokens).logits, probe)) as tf.Scalar;
    const { grads } = tf.variableGrads(loss, model.variables);
    const eps = 1e-2;
    for (const v of model.variables) {
      const g = grads[v.name].dataSync();
      const values = v.dataSync().slice();
      for (const i of [0, Math.floor(values.length / 2), values.length - 1]) {
        const at = (delta: number) => {
          const moved = values.slice();
          moved[i] += delta;
          v.assign(tf.tensor(moved, v.shape));
          return tf.tidy(() => loss().dataSync()[0]);
        };
        const numeric = (at(eps) - at(-eps)) / (2 * eps);
        v.assign(tf.tensor(values, v.shape));
        expect(Math.abs(numeric - g[i])).toBeLessThan(2e-2 * Math.max(1, Math.abs(g[i])));
      }
    }
    tf.dispose([tokens, probe, ...Object.values(grads)]);
    model.dispose();
  });
});

describe('the trainer', () => {
  function run(params: TinyTransformerParams, steps: number, seed = 1) {
    const model = createTinyTransformer(params, seed);
    let record: number[] = [];
    for (let i = 0; i < steps; i++) record = tf.tidy(() => Array.from(model.step().dataSync()));
    return { model, record };
  }

  it('learns to reverse with positions; without them it cannot', async () => {
    await useBackend('wasm')();
    const withPositions = run(PARAMS(), 300);
    withPositions.model.dispose();
    expect(withPositions.record[1]).toBeGreaterThan(0.9);
    const without = run(PARAMS({ position: 'none' }), 300);
    without.model.dispose();
    expect(without.record[1]).toBeLessThan(0.4);
    // Sorting depends only on which digits occur: without positions it still gets most digits right, though
    // whole answers stay mostly wrong (lesson 12's answer box).
    const sorting = run(PARAMS({ task: 'sort', position: 'none' }), 300);
    sorting.model.dispose();
    expect(sorting.record[1]).toBeGreaterThan(0.6);
    expect(sorting.record[1]).toBeGreaterThan(without.record[1] + 0.3);
    expect(sorting.record[2]).toBeLessThan(0.3);
  }, 180_000);

  it('reproduces a run from its seed, sends the attention maps and the answer, and frees every tensor', async () => {
    await useBackend('wasm')();
    const before = tf.memory().numTensors;
    const a = run(PARAMS({ length: 5 }), 5, 4);
    const state = tf.tidy(() => a.model.state!().dataSync());
    expect(state).toHaveLength(1 * 2 * 10 * 10 + 5);
    // [loss, accuracy, sequenceAccuracy, entropy of layer 1 head 1, head 2]: bits over at most 2L = 10 positions.
    expect(a.model.traceNames).toEqual(['accuracy', 'sequenceAccuracy', 'entropy-l1h1', 'entropy-l1h2']);
    expect(a.record).toHaveLength(5);
    a.record.slice(3).forEach((bits) => {
      expect(bits).toBeGreaterThan(0);
      expect(bits).toBeLessThanOrEqual(Math.log2(10) + 1e-6);
    });
    // The learner's own input: the model's greedy answer and its attention, or a clear refusal.
    const own = (await a.model.request!('answer', [1, 2, 3, 4, 5])).value as Float32Array;
    expect(own).toHaveLength(state.length);
    Array.from(own.subarray(200)).forEach((d) => expect(Number.isInteger(d) && d >= 0 && d <= 10).toBe(true));
    await expect(a.model.request!('answer', [1, 2])).rejects.toThrow(/5 digits/);
    a.model.dispose();
    const b = run(PARAMS({ length: 5 }), 5, 4);
    b.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(b.record).toEqual(a.record);
  }, 60_000);
});
