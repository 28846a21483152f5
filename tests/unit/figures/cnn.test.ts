/**
 * Every number lesson 10 (content/10-cnn/{en,zh}.md) quotes that is not from a training run, recomputed
 * with the widget's own tfjs-free helpers. Nothing is parsed from the Markdown: each expectation is the
 * value written in the text, so a change on either side fails here.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { mnistIdx } from '../../support/mnist-idx';
import {
  cnnLayers,
  convOutputSide,
  convParams,
  denseHiddenUnits,
  denseLayers,
  denseParams,
  POOL,
  totalParams,
  type CnnShape,
} from '../../../src/ml/cnn-mnist/architecture';
import { CNN_MNIST_PARAMS, SHARD_DIGITS, type CnnMnistParams } from '../../../src/ml/cnn-mnist/contract';
import { packDigits } from '../../../src/ml/cnn-mnist/data';
import { createCnnMnist } from '../../../src/ml/cnn-mnist/trainer';
import { defaults } from '../../../src/state/params';
import { useBackend } from '../../bench/backends';
import { convolve, maxPool, pixelArithmetic, softmax, type FeatureMap } from '../../../src/ml/cnn-mnist/forward';
import { cellCount, confusionMatrix, matrixAccuracy } from '../../../src/ml/mnist/confusion';
import { SHARD_SIZE, TEST_COUNT, TRAIN_SHARDS } from '../../../src/ml/mnist/manifest';
import { boundingBox, centreOfMass, FIT, FRAME, prepareDrawing } from '../../../src/ml/mnist/prepare-drawing';

const DEFAULT: CnnShape = { filters1: 8, filters2: 16, kernel: 5, padding: 'valid' };
const SAME: CnnShape = { ...DEFAULT, padding: 'same' };

const sides = (shape: CnnShape) => cnnLayers(shape).map((layer) => layer.shape[0]);
const paramsOf = (shape: CnnShape) => Object.fromEntries(cnnLayers(shape).map((layer) => [layer.name, layer.params]));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The side of the input patch one output pixel depends on, for layers listed from the input up. */
function receptiveField(layers: { kernel: number; stride: number }[]): number {
  return layers.reduceRight((field, layer) => (field - 1) * layer.stride + layer.kernel, 1);
}

describe('why not a dense layer', () => {
  it('784 inputs; conv1 gives 24·24·8 = 4,608 numbers from 208 parameters; a dense layer with as many outputs needs 3,617,280', () => {
    expect(28 * 28).toBe(784);
    expect(24 * 24 * 8).toBe(4608);
    expect(paramsOf(DEFAULT).conv1).toBe(208);
    expect(convParams(5, 1, 8)).toBe(5 * 5 * 1 * 8 + 8);
    expect(denseParams(784, 4608)).toBe(784 * 4608 + 4608);
    expect(denseParams(784, 4608)).toBe(3_617_280);
  });
});

describe('the worked example: a 4 × 4 image, a 3 × 3 kernel, bias −3', () => {
  // X and K exactly as printed, row-major; one channel in, one filter out (kernel index (i·3 + j)·1·1 + 0).
  const X: FeatureMap = { side: 4, channels: 1, values: Float32Array.from([1, 2, 0, 0, 0, 3, 1, 0, 0, 1, 3, 1, 0, 0, 2, 4]) };
  const K = Float32Array.from([1, 0, -1, 0, 1, 0, -1, 0, 1]);
  const b = Float32Array.from([-3]);

  it('z₀,₀ = 7 − 3 = 4, written out term by term', () => {
    const top = pixelArithmetic(X, K, b, 3, 0, 1, 0, 0, 0);
    expect(Array.from(top.channels[0].patch)).toEqual([1, 2, 0, 0, 3, 1, 0, 1, 3]);
    // row 0: 1·1 + 2·0 + 0·(−1); row 1: 0·0 + 3·1 + 1·0; row 2: 0·(−1) + 1·0 + 3·1
    expect(1 * 1 + 2 * 0 + 0 * -1 + (0 * 0 + 3 * 1 + 1 * 0) + (0 * -1 + 1 * 0 + 3 * 1)).toBe(7);
    expect(top.channels[0].sum).toBe(7);
    expect(top.preActivation).toBe(4);
    expect(top.output).toBe(4);
  });

  it('Z = [[4, 0], [−1, 7]], A = ReLU(Z) = [[4, 0], [0, 7]]; 2 × 2 max pooling gives 7', () => {
    const Z = [0, 1].flatMap((y) => [0, 1].map((x) => pixelArithmetic(X, K, b, 3, 0, 1, y, x, 0).preActivation));
    expect(Z).toEqual([4, 0, -1, 7]);
    const A = convolve(X, K, b, 3, 0, 1);
    expect(A.side).toBe(2);
    expect(Array.from(A.values)).toEqual([4, 0, 0, 7]);
    expect(Array.from(maxPool(A).values)).toEqual([7]);
  });

  it('the output side 4 − 3 + 1 = 2, and the kernel has 3·3 + 1 = 10 parameters', () => {
    expect(convOutputSide(4, 3, 0)).toBe(2);
    expect(convParams(3, 1, 1)).toBe(10);
  });

  it('with padding P = 1: a 4 × 4 output whose top-left value is 1·1 + 1·3 − 3 = 1', () => {
    expect(convOutputSide(4, 3, 1)).toBe(4);
    const padded = convolve(X, K, b, 3, 1, 1);
    expect(padded.side).toBe(4);
    expect(padded.values[0]).toBe(1);
    expect(pixelArithmetic(X, K, b, 3, 1, 1, 0, 0, 0).preActivation).toBe(1 * 1 + 1 * 3 - 3);
  });

  it('convolution proper (kernel flipped) and cross-correlation agree for this kernel, as it is symmetric under a half turn', () => {
    expect(Array.from(K).reverse()).toEqual(Array.from(K));
  });
});

describe('learning the kernels', () => {
  it('each first-layer weight is used at 24·24 = 576 positions', () => {
    expect(convOutputSide(28, 5, 0) ** 2).toBe(576);
  });
});

describe('padding, stride and the output size', () => {
  it('on 28: F 5 P 0 → 24; F 5 P 2 → 28 (same); F 3 P 1 S 2 → 14; F 5 P 0 S 2 → 12', () => {
    expect(convOutputSide(28, 5, 0, 1)).toBe(24);
    expect(convOutputSide(28, 5, (5 - 1) / 2, 1)).toBe(28);
    expect(Math.floor((28 - 3 + 2) / 2)).toBe(Math.floor(27 / 2));
    expect(convOutputSide(28, 3, 1, 2)).toBe(14);
    expect(Math.floor((28 - 5) / 2)).toBe(Math.floor(23 / 2));
    expect(convOutputSide(28, 5, 0, 2)).toBe(12);
  });

  it('with F 5, S 2 on 28 the kernel starts at 0, 2, …, 22, covers up to column 26, and column 27 is never read', () => {
    const starts = Array.from({ length: convOutputSide(28, 5, 0, 2) }, (_, i) => i * 2);
    expect(starts[0]).toBe(0);
    expect(starts.at(-1)).toBe(22);
    expect(starts.at(-1)! + 5 - 1).toBe(26);
  });

  it('parameters: conv1 208, conv2 5·5·8·16 + 16 = 3,216, whatever the image size', () => {
    expect(convParams(5, 1, 8)).toBe(208);
    expect(convParams(5, 8, 16)).toBe(5 * 5 * 8 * 16 + 16);
    expect(convParams(5, 8, 16)).toBe(3216);
  });
});

describe('pooling', () => {
  it('2 × 2, stride 2 is the size formula with F = 2, S = 2: 24 → 12, 8 → 4, 11 → 5', () => {
    expect(POOL).toBe(2);
    expect(convOutputSide(24, 2, 0, 2)).toBe(Math.floor(22 / 2) + 1);
    expect(convOutputSide(24, 2, 0, 2)).toBe(12);
    expect(convOutputSide(8, 2, 0, 2)).toBe(4);
    expect(convOutputSide(11, 2, 0, 2)).toBe(5);
    expect(Math.floor(11 / POOL)).toBe(5);
  });

  it('a 5 × 5 kernel after pooling spans 10 × 10 of the map before it', () => {
    expect(
      receptiveField([
        { kernel: 2, stride: 2 },
        { kernel: 5, stride: 1 },
      ]),
    ).toBe(10);
  });

  it('a conv2 output pixel sees a 14 × 14 patch of the digit, a conv1 pixel 5 × 5', () => {
    const conv = { kernel: 5, stride: 1 };
    const pool = { kernel: 2, stride: 2 };
    expect(receptiveField([conv])).toBe(5);
    expect(receptiveField([conv, pool, conv])).toBe(14);
  });

  it('max pooling of 1, 5, 3, 2 is 5 (the quiz), and a maximum that moves within its block leaves the output unchanged', () => {
    const map = (values: number[]): FeatureMap => ({ side: 2, channels: 1, values: Float32Array.from(values) });
    expect(maxPool(map([1, 5, 3, 2])).values[0]).toBe(5);
    expect(maxPool(map([5, 1, 3, 2])).values[0]).toBe(5);
  });
});

describe('the default network', () => {
  const layers = cnnLayers(DEFAULT);

  it('28×28×1 → 24×24×8 → 12×12×8 → 8×8×16 → 4×4×16 → 256 → 10', () => {
    expect(layers.map((layer) => layer.shape)).toEqual([[28, 28, 1], [24, 24, 8], [12, 12, 8], [8, 8, 16], [4, 4, 16], [256], [10]]);
    expect(sides(DEFAULT).slice(0, 5)).toEqual([28, 24, 12, 8, 4]);
    expect(5 - 1).toBe(4);
    expect(4 * 4 * 16).toBe(256);
  });

  it('208 + 3,216 + 2,570 = 5,994 parameters; the dense layer holds about 43 % of them', () => {
    expect(paramsOf(DEFAULT)).toEqual({ input: 0, conv1: 208, pool1: 0, conv2: 3216, pool2: 0, flatten: 0, dense: 2570 });
    expect(denseParams(256, 10)).toBe(256 * 10 + 10);
    expect(totalParams(layers)).toBe(5994);
    expect(208 + 3216).toBe(3424);
    expect(Math.round((2570 / 5994) * 100)).toBe(43);
  });

  it('the dense network: 795h + 10 = 5,994 gives h ≈ 7.5, rounded to 8; 784 → 8 → 10 has 6,370 parameters', () => {
    expect(784 + 1 + 10).toBe(795);
    for (const h of [1, 8, 14]) expect(totalParams(denseLayers(h))).toBe(795 * h + 10);
    expect((5994 - 10) / 795).toBeCloseTo(7.53, 2);
    expect(Math.round(((5994 - 10) / 795) * 10) / 10).toBe(7.5);
    expect(denseHiddenUnits(5994)).toBe(8);
    expect(totalParams(denseLayers(8))).toBe(6370);
    expect(784 * 8).toBe(6272);
  });

  it('multiply–adds per digit: CNN 322,560, dense network 6,352, about 51 times fewer', () => {
    const cnn = 24 * 24 * 8 * 25 + 8 * 8 * 16 * 200 + 256 * 10;
    // 200 = 5·5·8, the window of one conv2 output.
    expect(5 * 5 * 8).toBe(200);
    expect(cnn).toBe(322_560);
    const dense = 784 * 8 + 8 * 10;
    expect(dense).toBe(6352);
    expect(Math.round(cnn / dense)).toBe(51);
  });

  it('with padding same: 28 → 28 → 14 → 14 → 7, 784 to the dense layer (7,850 parameters), total 11,274; h = 14, 11,140', () => {
    expect(sides(SAME).slice(0, 5)).toEqual([28, 28, 14, 14, 7]);
    expect(7 * 7 * 16).toBe(784);
    expect(paramsOf(SAME)).toMatchObject({ conv1: 208, conv2: 3216, dense: 7850 });
    expect(totalParams(cnnLayers(SAME))).toBe(11_274);
    expect(denseHiddenUnits(11_274)).toBe(14);
    expect(795 * 14 + 10).toBe(11_140);
    expect(totalParams(denseLayers(14))).toBe(11_140);
  });
});

describe('the softmax function and cross-entropy', () => {
  it('scores (2, 1, 0) give (0.665, 0.245, 0.090); the first class costs −ln 0.665 ≈ 0.408', () => {
    const p = softmax(Float32Array.from([2, 1, 0]));
    expect(p[0]).toBeCloseTo(0.665, 3);
    expect(p[1]).toBeCloseTo(0.245, 3);
    expect(p[2]).toBeCloseTo(0.09, 3);
    expect(-Math.log(p[0])).toBeCloseTo(0.408, 3);
    // Adding the same number to every score changes nothing.
    const shifted = softmax(Float32Array.from([7, 6, 5]));
    for (let k = 0; k < 3; k++) expect(shifted[k]).toBeCloseTo(p[k], 6);
  });

  it('with two classes softmax is σ(z₁ − z₀)', () => {
    for (const [z0, z1] of [
      [0.3, 2],
      [-1, 1.5],
      [4, -2],
    ]) {
      expect(softmax(Float32Array.from([z0, z1]))[1]).toBeCloseTo(sigmoid(z1 - z0), 6);
    }
  });

  it('a uniform guess over ten classes costs ln 10 ≈ 2.303', () => {
    expect(-Math.log(0.1)).toBeCloseTo(2.303, 3);
    expect(Math.log(10)).toBeCloseTo(2.303, 3);
  });

  it('the gradient at the scores is p − 1 for the true class and p for the others (one example, n = 1)', () => {
    const z = [0.5, -1, 2];
    const y = 1;
    const loss = (scores: number[]) => -Math.log(softmax(Float32Array.from(scores))[y]);
    const p = softmax(Float32Array.from(z));
    for (let k = 0; k < 3; k++) {
      const h = 1e-4;
      const up = z.map((v, i) => (i === k ? v + h : v));
      const down = z.map((v, i) => (i === k ? v - h : v));
      expect((loss(up) - loss(down)) / (2 * h)).toBeCloseTo(p[k] - (k === y ? 1 : 0), 3);
    }
  });
});

describe('MNIST and its preparation', () => {
  it('60,000 training digits (5 shards of 12,000, the first one by default) and 10,000 test digits, 28 × 28', () => {
    expect(TRAIN_SHARDS * SHARD_SIZE).toBe(60_000);
    expect(SHARD_SIZE).toBe(SHARD_DIGITS);
    expect(TEST_COUNT).toBe(10_000);
    expect(FRAME).toBe(28);
    expect(FIT).toBe(20);
  });

  it('a small 7 drawn in a corner of the pad comes out 20 pixels on its longer side, centred by its centre of mass', () => {
    const side = 280;
    const ink = new Uint8Array(side * side);
    const dot = (x: number, y: number) => {
      for (let dy = 0; dy < 4; dy++) for (let dx = 0; dx < 4; dx++) ink[(y + dy) * side + x + dx] = 255;
    };
    for (let x = 10; x <= 50; x++) dot(x, 10); // the bar
    for (let t = 0; t <= 60; t++) dot(Math.round(50 - (25 * t) / 60), 10 + t); // the stem, down to the left
    const prepared = prepareDrawing(ink, side, side)!;
    const box = boundingBox(prepared, FRAME, FRAME, 0)!;
    expect(Math.max(box.width, box.height)).toBe(FIT);
    const centre = centreOfMass(prepared, FRAME, FRAME)!;
    expect(Math.abs(centre.x - FRAME / 2)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(centre.y - FRAME / 2)).toBeLessThanOrEqual(0.5);
  });
});

describe('the ten-class confusion matrix', () => {
  it('row = true class, column = predicted class; accuracy = diagonal / all; 4 → 9 and 9 → 4 are different cells', () => {
    const labels = Uint8Array.from([4, 4, 4, 9, 9, 3, 5, 7]);
    const predictions = Uint8Array.from([4, 9, 9, 9, 4, 3, 3, 2]);
    const m = confusionMatrix(labels, predictions);
    expect(cellCount(m, 4, 9)).toBe(2);
    expect(cellCount(m, 9, 4)).toBe(1);
    expect(matrixAccuracy(m)).toBe(3 / 8);
    // Recall of 4: its diagonal cell over its row; precision of 9: its diagonal cell over its column.
    const row4 = Array.from({ length: 10 }, (_, p) => cellCount(m, 4, p)).reduce((a, b) => a + b);
    const column9 = Array.from({ length: 10 }, (_, t) => cellCount(m, t, 9)).reduce((a, b) => a + b);
    expect(cellCount(m, 4, 4) / row4).toBe(1 / 3);
    expect(cellCount(m, 9, 9) / column9).toBe(1 / 3);
  });
});

describe('the widget', () => {
  it('12,000 digits by default, then 24,000 … 60,000 in steps of 12,000', () => {
    expect(SHARD_DIGITS).toBe(12_000);
    expect([2, 3, 4, 5].map((n) => n * SHARD_DIGITS)).toEqual([24_000, 36_000, 48_000, 60_000]);
  });

  it('an epoch of 12,000 digits at batch 64 is 187.5 steps; 4,000 steps ≈ 21.3 epochs, ≈ 4.3 with 60,000 digits', () => {
    expect(12_000 / 64).toBe(187.5);
    expect((4000 * 64) / 12_000).toBeCloseTo(21.3, 1);
    expect((4000 * 64) / 60_000).toBeCloseTo(4.3, 1);
  });

  it('the learning rate 0.1 is about 33 times the default 0.003', () => {
    expect(0.1 / 0.003).toBeCloseTo(33.3, 1);
  });

  it('the saved weights: 5,994 float32 numbers, 23,976 bytes', () => {
    expect(totalParams(cnnLayers(DEFAULT)) * 4).toBe(23_976);
  });
});

describe('the mistakes in the source articles', () => {
  it('the PyTorch CNN on 32 × 32 with padding 1: 32 → 16 → 8, so 64·8·8 = 4,096, not 64·6·6 = 2,304', () => {
    const conv = (side: number) => convOutputSide(side, 3, 1);
    const afterPadded = Math.floor(conv(Math.floor(conv(32) / 2)) / 2);
    expect(conv(32)).toBe(32);
    expect(Math.floor(conv(32) / 2)).toBe(16);
    expect(afterPadded).toBe(8);
    expect(64 * 8 * 8).toBe(4096);
    expect(64 * 6 * 6).toBe(2304);
  });

  it('the reshape to rows of 2,304 fits only for a batch size that is a multiple of 9, into 16/9 as many rows', () => {
    for (let batch = 1; batch <= 64; batch++) {
      const fits = (4096 * batch) % 2304 === 0;
      expect(fits, `batch ${batch}`).toBe(batch % 9 === 0);
    }
    expect((4096 * 9) / 2304).toBe(16);
  });

  it('without padding the same layers leave 6 × 6: 32 → 30 → 15 → 13 → 6', () => {
    const steps = [32];
    steps.push(convOutputSide(32, 3, 0));
    steps.push(Math.floor(steps[1] / 2));
    steps.push(convOutputSide(steps[2], 3, 0));
    steps.push(Math.floor(steps[3] / 2));
    expect(steps).toEqual([32, 30, 15, 13, 6]);
  });
});

describe('deeper networks', () => {
  it('LeNet-5 on digits padded to 32 × 32: 32 → 28 → 14 → 10 → 5', () => {
    const c1 = convOutputSide(32, 5, 0);
    const s2 = convOutputSide(c1, 2, 0, 2);
    const c3 = convOutputSide(s2, 5, 0);
    const s4 = convOutputSide(c3, 2, 0, 2);
    expect([32, c1, s2, c3, s4]).toEqual([32, 28, 14, 10, 5]);
  });

  it('AlexNet’s first layer: ⌊(227 − 11)/4⌋ + 1 = 55, 11·11·3·96 + 96 = 34,944 parameters; 224 would not give 55', () => {
    expect(convOutputSide(227, 11, 0, 4)).toBe(55);
    expect(Math.floor((227 - 11) / 4) + 1).toBe(55);
    expect(convParams(11, 3, 96)).toBe(34_944);
    expect(convOutputSide(224, 11, 0, 4)).not.toBe(55);
  });
});

describe('the quiz', () => {
  it('32, F 5, P 2, S 2 → ⌊31/2⌋ + 1 = 16; the distractors 17 (rounded up), 14 (no padding), 28 (no padding, stride 1)', () => {
    expect(convOutputSide(32, 5, 2, 2)).toBe(16);
    expect(32 - 5 + 2 * 2).toBe(31);
    expect(Math.ceil(31 / 2) + 1).toBe(17);
    expect(convOutputSide(32, 5, 0, 2)).toBe(14);
    expect(Math.floor(27 / 2) + 1).toBe(14);
    expect(convOutputSide(32, 5, 0, 1)).toBe(28);
  });

  it('32 filters of 3 × 3 over 16 channels: 4,640; the distractors 4,608, 320 and 4,624', () => {
    expect(convParams(3, 16, 32)).toBe(4640);
    expect(3 * 3 * 16 * 32).toBe(4608);
    expect(convParams(3, 1, 32)).toBe(320);
    expect(3 * 3 * 16 * 32 + 16).toBe(4624);
  });

  it('the CNN has fewer parameters than the dense network beside it (5,994 against 6,370)', () => {
    expect(totalParams(cnnLayers(DEFAULT))).toBeLessThan(totalParams(denseLayers(denseHiddenUnits(5994))));
  });
});

describe('a run of the widget at its defaults', () => {
  it('measures at step 200 (about one epoch): 95.2 % for the CNN, 87.5 % for the dense network', async () => {
    await useBackend('wasm')();
    const params = defaults(CNN_MNIST_PARAMS) as CnnMnistParams;
    const train = mnistIdx('train', params.digits);
    const test = mnistIdx('t10k', TEST_COUNT);
    const model = createCnnMnist(params, params.seed, packDigits(train, test));
    let record: number[] = [];
    // The evaluation of step 200's weights is done ten steps later (1,000 test digits a step).
    for (let step = 1; step <= 210; step++) record = tf.tidy(() => Array.from(model.step().dataSync()));
    model.dispose();
    const [, cnn, , dense, evaluatedAt, epoch] = record;
    expect(evaluatedAt).toBe(200);
    expect((200 * params.batch) / params.digits).toBeCloseTo(1.07, 2);
    expect(epoch).toBeCloseTo((210 * 64) / 12000, 4);
    expect(cnn).toBeCloseTo(0.952, 3);
    expect(dense).toBeCloseTo(0.875, 3);
  }, 120_000);
});
