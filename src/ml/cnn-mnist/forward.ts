/**
 * The CNN's and the dense network's forward pass in plain JavaScript, from the flat weights the worker
 * sends: the page computes one digit's feature maps, class probabilities and the arithmetic of one output
 * pixel itself (about 0.3 M multiply-adds, well under a millisecond) instead of asking the worker. Checked
 * against tfjs's predict in tests/unit/cnn-mnist.test.ts.
 */
import { IMAGE_SIDE, paddingOf, POOL, slotValues, type CnnShape, type StateLayout } from './architecture';

/** An image of height × width × channels, channels last (as tfjs stores it). */
export interface FeatureMap {
  side: number;
  channels: number;
  values: Float32Array;
}

export interface CnnActivations {
  input: FeatureMap;
  conv1: FeatureMap;
  pool1: FeatureMap;
  conv2: FeatureMap;
  pool2: FeatureMap;
  logits: Float32Array;
  probabilities: Float32Array;
}

export function imageMap(pixels: Uint8Array): FeatureMap {
  return { side: IMAGE_SIDE, channels: 1, values: Float32Array.from(pixels, (v) => v / 255) };
}

/** Valid or zero-padded correlation with stride 1, then ReLU, as tf.layers.conv2d computes it. */
export function convolve(
  input: FeatureMap,
  kernel: Float32Array,
  bias: Float32Array,
  size: number,
  pad: number,
  outChannels: number,
): FeatureMap {
  const side = input.side - size + 2 * pad + 1;
  const values = new Float32Array(side * side * outChannels);
  const cin = input.channels;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const out = (y * side + x) * outChannels;
      for (let k = 0; k < outChannels; k++) values[out + k] = bias[k];
      for (let i = 0; i < size; i++) {
        const row = y + i - pad;
        if (row < 0 || row >= input.side) continue;
        for (let j = 0; j < size; j++) {
          const col = x + j - pad;
          if (col < 0 || col >= input.side) continue;
          const at = (row * input.side + col) * cin;
          for (let c = 0; c < cin; c++) {
            const v = input.values[at + c];
            if (v === 0) continue;
            const w = ((i * size + j) * cin + c) * outChannels;
            for (let k = 0; k < outChannels; k++) values[out + k] += v * kernel[w + k];
          }
        }
      }
      for (let k = 0; k < outChannels; k++) if (values[out + k] < 0) values[out + k] = 0;
    }
  }
  return { side, channels: outChannels, values };
}

/** 2 × 2 max pooling with stride 2; an odd last row or column is dropped (tfjs's `valid` pooling). */
export function maxPool(input: FeatureMap): FeatureMap {
  const side = Math.floor(input.side / POOL);
  const { channels } = input;
  const values = new Float32Array(side * side * channels);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++)
      for (let c = 0; c < channels; c++) {
        let best = -Infinity;
        for (let i = 0; i < POOL; i++)
          for (let j = 0; j < POOL; j++) best = Math.max(best, input.values[((y * POOL + i) * input.side + x * POOL + j) * channels + c]);
        values[(y * side + x) * channels + c] = best;
      }
  return { side, channels, values };
}

/** outputs = inputs · kernel + bias, kernel laid out [inputs, outputs]. */
export function affine(inputs: Float32Array, kernel: Float32Array, bias: Float32Array, relu = false): Float32Array {
  const outputs = Float32Array.from(bias);
  for (let i = 0; i < inputs.length; i++) {
    const v = inputs[i];
    if (v === 0) continue;
    for (let o = 0; o < outputs.length; o++) outputs[o] += v * kernel[i * outputs.length + o];
  }
  if (relu) for (let o = 0; o < outputs.length; o++) outputs[o] = Math.max(0, outputs[o]);
  return outputs;
}

export function softmax(logits: Float32Array): Float32Array {
  const top = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - top));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export function forwardCnn(shape: CnnShape, layout: StateLayout, state: Float32Array, pixels: Uint8Array): CnnActivations {
  const [k1, b1, k2, b2, kd, bd] = layout.cnn.map((slot) => slotValues(state, slot));
  const pad = paddingOf(shape.kernel, shape.padding);
  const input = imageMap(pixels);
  const conv1 = convolve(input, k1, b1, shape.kernel, pad, shape.filters1);
  const pool1 = maxPool(conv1);
  const conv2 = convolve(pool1, k2, b2, shape.kernel, pad, shape.filters2);
  const pool2 = maxPool(conv2);
  const logits = affine(pool2.values, kd, bd);
  return { input, conv1, pool1, conv2, pool2, logits, probabilities: softmax(logits) };
}

export function forwardDense(layout: StateLayout, state: Float32Array, pixels: Uint8Array): Float32Array | null {
  if (!layout.dense.length) return null;
  const [kh, bh, kd, bd] = layout.dense.map((slot) => slotValues(state, slot));
  return softmax(affine(affine(imageMap(pixels).values, kh, bh, true), kd, bd));
}

/** One output pixel of a convolution, written out: each input channel's patch times its kernel, summed, plus the bias. */
export interface PixelArithmetic {
  /** Per input channel: the F × F patch and the F × F kernel slice, row by row. */
  channels: { patch: Float32Array; kernel: Float32Array; sum: number }[];
  bias: number;
  /** Σ over channels + bias, before ReLU. */
  preActivation: number;
  output: number;
}

export function pixelArithmetic(
  input: FeatureMap,
  kernel: Float32Array,
  bias: Float32Array,
  size: number,
  pad: number,
  outChannels: number,
  y: number,
  x: number,
  k: number,
): PixelArithmetic {
  const channels = Array.from({ length: input.channels }, (_, c) => {
    const patch = new Float32Array(size * size);
    const weights = new Float32Array(size * size);
    let sum = 0;
    for (let i = 0; i < size; i++)
      for (let j = 0; j < size; j++) {
        const row = y + i - pad;
        const col = x + j - pad;
        const inside = row >= 0 && row < input.side && col >= 0 && col < input.side;
        const v = inside ? input.values[(row * input.side + col) * input.channels + c] : 0;
        const w = kernel[((i * size + j) * input.channels + c) * outChannels + k];
        patch[i * size + j] = v;
        weights[i * size + j] = w;
        sum += v * w;
      }
    return { patch, kernel: weights, sum };
  });
  const preActivation = channels.reduce((total, channel) => total + channel.sum, bias[k]);
  return { channels, bias: bias[k], preActivation, output: Math.max(0, preActivation) };
}
