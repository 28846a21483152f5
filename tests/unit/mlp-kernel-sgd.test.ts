/**
 * The playground's SGD step on tfjs kernels called directly (ml/mlp-playground/kernel-sgd.ts), through both runners:
 * registered kernels on any backend (ml/tfjs/kernel-runner.ts) and the wasm backend's kernels called by hand with
 * recycled buffers (ml/tfjs/wasm-kernel-runner.ts). Each must move every weight by −η times the gradient that the
 * plain backpropagation formulas of ml/mlp-playground/mlp.ts give, and leave no buffer behind.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { KernelRunner } from '../../src/ml/tfjs/kernel-runner';
import {
  dataLossFromOutput,
  outputKind,
  outputTarget,
  forward,
  initWeights,
  lossAndGradients,
  type MlpShape,
  type Regularization,
} from '../../src/ml/mlp-playground/mlp';
import { MlpKernelSgd } from '../../src/ml/mlp-playground/kernel-sgd';
import { createRng, gaussian } from '../../src/ml/shared/random';
import { WasmKernelRunner } from '../../src/ml/tfjs/wasm-kernel-runner';
import { useBackend } from '../bench/backends';

const CASES: [string, MlpShape, Regularization, number][] = [
  ['tanh classifier 2-3-1', { sizes: [2, 3, 1], activation: 'tanh', task: 'classification' }, 'none', 0],
  ['sigmoid classifier 2-4-1 with L2', { sizes: [2, 4, 1], activation: 'sigmoid', task: 'classification' }, 'l2', 0.1],
  ['ReLU classifier 3-5-4-1 with L1', { sizes: [3, 5, 4, 1], activation: 'relu', task: 'classification' }, 'l1', 0.01],
  ['linear regressor 2-3-1 with L2', { sizes: [2, 3, 1], activation: 'linear', task: 'regression' }, 'l2', 0.05],
  ['tanh output on squared error 2-4-3-1', { sizes: [2, 4, 3, 1], activation: 'tanh', task: 'classification', loss: 'squared' }, 'none', 0],
];

function batch(n: number, inputs: number, seed: number) {
  const rng = createRng(seed);
  const X = Float32Array.from({ length: n * inputs }, () => gaussian(rng));
  const y = Float32Array.from({ length: n }, (_, i) => (X[i * inputs] * X[i * inputs + 1] > 0 ? 1 : 0));
  return { X, y };
}

const RUNNERS = [
  ['cpu', 'registered kernels', () => new KernelRunner()],
  ['wasm', 'registered kernels', () => new KernelRunner()],
  ['wasm', 'wasm kernels called directly', () => new WasmKernelRunner()],
] as const;

describe.each(RUNNERS)('%s backend, %s', (backend, _, makeRunner) => {
  it.each(CASES)('%s: three SGD steps equal the plain formulas, and no buffer is left', async (_, shape, regularization, rate) => {
    await useBackend(backend)();
    if (makeRunner === RUNNERS[2][2]) expect(WasmKernelRunner.available()).toBe(true);
    const lr = 0.3;
    const { X, y } = batch(6, shape.sizes[0], 3);
    let expected = initWeights(shape, 7);
    expected.b.forEach((b, l) => b.forEach((_, j) => (b[j] = 0.1 * (j + 1) * (l % 2 ? -1 : 1))));
    const before = tf.engine().backend.numDataIds();
    const runner = makeRunner();
    const net = new MlpKernelSgd(runner, shape, expected);
    const Xb = runner.upload(X, [1, y.length, shape.sizes[0]]);
    // The kernels are given what the output is trained towards: ±1 for a tanh output.
    const yb = runner.upload(
      y.map((label) => outputTarget(outputKind(shape), label)),
      [1, y.length, 1],
    );
    for (let step = 0; step < 3; step++) {
      net.step(Xb, yb, lr, regularization, rate);
      const { dW, db } = lossAndGradients(shape, expected, X, y, regularization, rate);
      expected = {
        W: expected.W.map((W, l) => W.map((w, k) => w - lr * dW[l][k])),
        b: expected.b.map((b, l) => b.map((v, k) => v - lr * db[l][k])),
      };
      const got = net.weights();
      got.W.forEach((W, l) => W.forEach((w, k) => expect(w, `step ${step} W[${l}][${k}]`).toBeCloseTo(expected.W[l][k], 5)));
      got.b.forEach((b, l) => b.forEach((v, k) => expect(v, `step ${step} b[${l}][${k}]`).toBeCloseTo(expected.b[l][k], 5)));
    }
    // The logits give the loss the plain forward pass gives.
    const z = net.logits(Xb);
    const out = forward(shape, expected, X).at(-1)!;
    const plainLoss = lossAndGradients(shape, expected, X, y).loss;
    expect(dataLossFromOutput(outputKind(shape), z, y)).toBeCloseTo(plainLoss, 5);
    if (shape.task === 'regression') z.forEach((v, i) => expect(v).toBeCloseTo(out[i], 5));
    net.dispose();
    runner.free(Xb);
    runner.free(yb);
    runner.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });
});

describe('the wasm runner’s recycled buffers', () => {
  it('hold steady over many steps, however the learning rate moves', async () => {
    await useBackend('wasm')();
    const shape: MlpShape = { sizes: [7, 8, 8, 1], activation: 'tanh', task: 'classification' };
    const { X, y } = batch(10, 7, 4);
    const runner = new WasmKernelRunner();
    const net = new MlpKernelSgd(runner, shape, initWeights(shape, 2));
    const Xb = runner.upload(X, [1, 10, 7]);
    const yb = runner.upload(y, [1, 10, 1]);
    const rate = (i: number) => 0.03 + (i % 7) * 0.01;
    // Once every rate has been seen (each uploads its constants), the count stays put.
    for (let i = 0; i < 7; i++) net.step(Xb, yb, rate(i), 'l2', 0.001);
    const settled = runner.buffers();
    for (let i = 0; i < 200; i++) net.step(Xb, yb, rate(i), 'l2', 0.001);
    expect(runner.buffers()).toBe(settled);
    net.dispose();
    runner.free(Xb);
    runner.free(yb);
    runner.dispose();
  });
});
