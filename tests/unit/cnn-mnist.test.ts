/**
 * The MNIST CNN: layer sizes and parameter counts against the lesson's formulas and tfjs's own model, the
 * wasm filter-gradient kernel against cpu, the page's plain-JavaScript forward pass against tfjs, and the
 * trainer (it learns, it reproduces, it frees its tensors, its saved files load back to the same predictions).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mnistIdx } from '../support/mnist-idx';
import {
  cnnFits,
  cnnLayers,
  convOutputSide,
  denseHiddenUnits,
  stateLayout,
  totalParams,
  type CnnShape,
} from '../../src/ml/cnn-mnist/architecture';
import { CNN_MNIST_PARAMS, type CnnMnistParams } from '../../src/ml/cnn-mnist/contract';
import { packDigits } from '../../src/ml/cnn-mnist/data';
import { forwardCnn, forwardDense, pixelArithmetic } from '../../src/ml/cnn-mnist/forward';
import { buildCnn } from '../../src/ml/cnn-mnist/models';
import type { SavedModel } from '../../src/ml/shared/saved-model';
import { createCnnMnist } from '../../src/ml/cnn-mnist/trainer';
import { ensureWasmConv2DBackpropFilter } from '../../src/ml/tfjs/conv2d-backprop-filter';
import { defaults } from '../../src/state/params';
import { useBackend } from '../bench/backends';

const SHAPES: CnnShape[] = [
  { filters1: 8, filters2: 16, kernel: 5, padding: 'valid' },
  { filters1: 4, filters2: 6, kernel: 3, padding: 'valid' },
  { filters1: 3, filters2: 5, kernel: 5, padding: 'same' },
  { filters1: 2, filters2: 3, kernel: 7, padding: 'valid' },
];

const PARAMS = (overrides: Partial<CnnMnistParams> = {}) => ({ ...(defaults(CNN_MNIST_PARAMS) as CnnMnistParams), ...overrides });

describe('architecture', () => {
  it('gives (W − F + 2P)/S + 1 and F·F·C_in·C_out + C_out', () => {
    expect(convOutputSide(28, 5, 0)).toBe(24);
    expect(convOutputSide(28, 5, 2)).toBe(28);
    expect(convOutputSide(32, 3, 0)).toBe(30);
    expect(convOutputSide(7, 3, 0, 2)).toBe(3);
    const layers = cnnLayers(SHAPES[0]);
    expect(layers.map((l) => l.shape)).toEqual([[28, 28, 1], [24, 24, 8], [12, 12, 8], [8, 8, 16], [4, 4, 16], [256], [10]]);
    expect(layers.map((l) => l.params)).toEqual([0, 5 * 5 * 1 * 8 + 8, 0, 5 * 5 * 8 * 16 + 16, 0, 0, 256 * 10 + 10]);
    expect(totalParams(layers)).toBe(5994);
    // 795·h + 10 closest to 5994: h = 8, 6370 parameters.
    expect(denseHiddenUnits(5994)).toBe(8);
  });

  it.each(SHAPES)('matches tf.layers for %o', async (shape) => {
    await useBackend('cpu')();
    const model = buildCnn(shape, 1);
    const layers = cnnLayers(shape);
    expect(model.layers.map((l) => (l.outputShape as number[]).slice(1))).toEqual(layers.slice(1).map((l) => l.shape));
    expect(model.layers.map((l) => l.countParams())).toEqual(layers.slice(1).map((l) => l.params));
    model.dispose();
  });

  it('knows when a kernel leaves no pixel', () => {
    expect(cnnFits({ filters1: 1, filters2: 1, kernel: 7, padding: 'valid' })).toBe(true);
    expect(SHAPES.every(cnnFits)).toBe(true);
  });
});

describe('wasm Conv2DBackpropFilter', () => {
  it.each([
    ['valid', 1],
    ['same', 1],
    ['same', 2],
    ['valid', 2],
  ] as const)('equals cpu’s filter gradient (padding %s, stride %i)', async (pad, stride) => {
    const grad = async (backend: 'cpu' | 'wasm') => {
      await useBackend(backend)();
      if (backend === 'wasm') ensureWasmConv2DBackpropFilter();
      return tf.tidy(() => {
        const x = tf.tensor4d(
          Float32Array.from({ length: 3 * 9 * 10 * 2 }, (_, i) => Math.sin(i * 1.3)),
          [3, 9, 10, 2],
        );
        const w = tf.tensor4d(
          Float32Array.from({ length: 3 * 3 * 2 * 4 }, (_, i) => Math.cos(i * 0.7)),
          [3, 3, 2, 4],
        );
        return tf
          .grad((f: tf.Tensor) =>
            tf
              .conv2d(x, f as tf.Tensor4D, stride, pad)
              .square()
              .sum(),
          )(w)
          .dataSync();
      });
    };
    const expected = await grad('cpu');
    const actual = await grad('wasm');
    const scale = Math.max(...expected.map(Math.abs));
    actual.forEach((v, i) => expect(Math.abs(v - expected[i]) / scale).toBeLessThan(1e-5));
  });
});

describe('the page’s forward pass', () => {
  it.each(SHAPES)('equals tfjs layer by layer for %o', async (shape) => {
    await useBackend('cpu')();
    const model = buildCnn(shape, 3);
    const digit = mnistIdx('t10k', 1);
    const layout = stateLayout(shape, null, 1);
    const state = new Float32Array(layout.size);
    model.getWeights().forEach((w, i) => state.set(w.dataSync(), layout.cnn[i].offset));
    const ours = forwardCnn(shape, layout, state, digit.images);
    const x = tf.tensor4d(
      Float32Array.from(digit.images, (v) => v / 255),
      [1, 28, 28, 1],
    );
    let out: tf.Tensor = x;
    const names = ['conv1', 'pool1', 'conv2', 'pool2'] as const;
    for (const [i, layer] of model.layers.entries()) {
      out = layer.apply(out) as tf.Tensor;
      if (i < 4) {
        const theirs = out.dataSync();
        ours[names[i]].values.forEach((v, k) => expect(v).toBeCloseTo(theirs[k], 4));
      }
    }
    const logits = out.dataSync();
    ours.logits.forEach((v, k) => expect(v).toBeCloseTo(logits[k], 4));
    expect(ours.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    model.dispose();
  });

  it('writes out one pixel of layer 2 as Σ over channels of patch × kernel, plus the bias', async () => {
    await useBackend('cpu')();
    const shape = SHAPES[0];
    const model = buildCnn(shape, 5);
    const layout = stateLayout(shape, null, 1);
    const state = new Float32Array(layout.size);
    model.getWeights().forEach((w, i) => state.set(w.dataSync(), layout.cnn[i].offset));
    const acts = forwardCnn(shape, layout, state, mnistIdx('t10k', 1).images);
    const [, , k2, b2] = layout.cnn.map((slot) => state.subarray(slot.offset, slot.offset + slot.size));
    const at = pixelArithmetic(acts.pool1, k2, b2, 5, 0, 16, 3, 4, 7);
    expect(at.channels).toHaveLength(8);
    const byHand = at.channels.reduce((sum, c) => sum + c.patch.reduce((s, p, i) => s + p * c.kernel[i], 0), at.bias);
    expect(at.preActivation).toBeCloseTo(byHand, 6);
    expect(at.output).toBeCloseTo(acts.conv2.values[(3 * 8 + 4) * 16 + 7], 5);
    model.dispose();
  });
});

describe('the trainer', () => {
  const data = () => packDigits(mnistIdx('train', 2000), mnistIdx('t10k', 500));
  beforeAll(async () => {
    await useBackend('wasm')();
  });

  function run(params: CnnMnistParams, steps: number, seed = 1) {
    const model = createCnnMnist(params, seed, data());
    const records = Array.from({ length: steps }, () => tf.tidy(() => Array.from(model.step().dataSync())));
    const state = tf.tidy(() => model.state!().dataSync().slice() as Float32Array);
    return { model, records, state };
  }

  it('learns: the loss falls and held-out accuracy rises far above chance', () => {
    const { model, records, state } = run(PARAMS({ lr: 0.003 }), 120);
    const first = records.slice(0, 10).reduce((s, r) => s + r[0], 0) / 10;
    const last = records.slice(-10).reduce((s, r) => s + r[0], 0) / 10;
    expect(last).toBeLessThan(first / 2);
    // [loss, accuracy, denseLoss, denseAccuracy, evaluatedAt, epoch]
    expect(records[0]).toHaveLength(6);
    expect(records[0][1]).toBeGreaterThanOrEqual(0); // step 0's weights, measured during step 1 (500 digits: one chunk)
    expect(records[0][4]).toBe(0);
    const end = records[records.length - 1];
    expect(end[4]).toBe(100);
    expect(end[1]).toBeGreaterThan(0.8);
    expect(end[3]).toBeGreaterThan(0.5);
    expect(end[5]).toBeCloseTo((120 * 64) / 2000, 5);
    const { layout } = model.info as { layout: ReturnType<typeof stateLayout> };
    expect(state).toHaveLength(layout.size);
    const predictions = state.subarray(layout.predictions.offset);
    const labels = mnistIdx('t10k', 500).labels;
    expect(predictions.filter((p, i) => p === labels[i]).length / 500).toBeCloseTo(end[1], 6);
    // The page's forward pass on the sent weights gives the worker's predictions.
    const dense = forwardDense(layout, state, mnistIdx('t10k', 1).images)!;
    expect(dense).toHaveLength(10);
    expect(dense.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    model.dispose();
  }, 60_000);

  it('reproduces a run from its seed, and frees every tensor', () => {
    const before = tf.memory().numTensors;
    const a = run(PARAMS(), 5, 7);
    a.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const b = run(PARAMS(), 5, 7);
    b.model.dispose();
    expect(b.records).toEqual(a.records);
  }, 60_000);

  it('saves files that load back to the same predictions', async () => {
    const model = createCnnMnist(PARAMS(), 2, data());
    for (let i = 0; i < 3; i++) tf.dispose(model.step());
    const { value } = await model.request!('save');
    const saved = value as SavedModel;
    const json = JSON.parse(saved.modelJson);
    expect(json.weightsManifest[0].paths).toEqual(['./cnn-mnist.weights.bin']);
    const loaded = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: saved.weights }),
    );
    const layout = (model.info as { layout: ReturnType<typeof stateLayout> }).layout;
    const state = tf.tidy(() => model.state!().dataSync().slice() as Float32Array);
    const digits = mnistIdx('t10k', 4);
    const theirs = tf.tidy(() =>
      (
        loaded.predict(
          tf.tensor4d(
            Float32Array.from(digits.images, (v) => v / 255),
            [4, 28, 28, 1],
          ),
        ) as tf.Tensor
      ).dataSync(),
    );
    for (let i = 0; i < 4; i++) {
      // The saved model outputs logits (the loss applies the softmax), as the page's forward pass computes them.
      const ours = forwardCnn((model.info as { cnn: CnnShape }).cnn, layout, state, digits.images.subarray(i * 784, (i + 1) * 784)).logits;
      ours.forEach((z, k) => expect(z).toBeCloseTo(theirs[i * 10 + k], 4));
    }
    loaded.dispose();
    model.dispose();
  });

  it('refuses to start without digits, with a clear message', () => {
    expect(() => createCnnMnist(PARAMS(), 1)).toThrow(/MNIST digits/);
  });
});
