/**
 * One epoch of TensorFlow Playground's default training (250 training points, batch 10 → 25 updates,
 * learning rate 0.03, tanh, plain SGD) on the three networks of issue 5's benchmark, in Node: the
 * playground's step on kernels called directly (ml/mlp-playground/kernel-sgd.ts, with each runner), the hand-written
 * backward pass through the engine (network.ts), and optimizer.minimize. The browser figures, drawing
 * included, belong to the playground widget's benchmark.
 */
import * as tf from '@tensorflow/tfjs';
import { bench, describe } from 'vitest';
import { initWeights, type MlpShape } from '../../src/ml/mlp-playground/mlp';
import type { TensorInfo } from '@tensorflow/tfjs';
import { KernelRunner } from '../../src/ml/tfjs/kernel-runner';
import { MlpKernelSgd } from '../../src/ml/mlp-playground/kernel-sgd';
import { MlpNetwork } from '../../src/ml/mlp-playground/network';
import { WasmKernelRunner } from '../../src/ml/tfjs/wasm-kernel-runner';
import { createMlpPlayground } from '../../src/ml/mlp-playground/trainer';
import { MLP_PLAYGROUND_PARAMS, type PlaygroundParams } from '../../src/ml/mlp-playground/contract';
import { FEATURES } from '../../src/ml/mlp-playground/data';
import { defaults } from '../../src/state/params';
import type { TrainableModel } from '../../src/ml/tfjs/trainable';
import { createRng, gaussian } from '../../src/ml/shared/random';
import { BACKENDS, useBackend } from './backends';

const POINTS = 250;
const BATCH = 10;
const NETWORKS: [string, number[], Partial<PlaygroundParams>][] = [
  ['(a) circle: 2 inputs, hidden 4, 2', [2, 4, 2, 1], { dataset: 'circle', features: ['x1', 'x2'], layers: [4, 2] }],
  [
    '(b) spiral: 7 inputs, six hidden layers of 8',
    [7, 8, 8, 8, 8, 8, 8, 1],
    { dataset: 'spiral', features: FEATURES, layers: [8, 8, 8, 8, 8, 8] },
  ],
  ['(c) spiral: 2 inputs, two hidden layers of 8', [2, 8, 8, 1], { dataset: 'spiral', features: ['x1', 'x2'], layers: [8, 8] }],
];

/** The playground's own trainer: one step is one epoch, train and test losses read back after it. */
function playground(params: Partial<PlaygroundParams>) {
  let model: TrainableModel | null = null;
  return () => {
    model ??= createMlpPlayground(
      { ...defaults(MLP_PLAYGROUND_PARAMS), noise: 0, trainShare: 0.5, batch: 10, lr: 0.03, activation: 'tanh', ...params },
      1,
    );
    const record = model.step();
    record.dataSync();
    record.dispose();
  };
}

function data(inputs: number) {
  const rng = createRng(5);
  const X = Float32Array.from({ length: POINTS * inputs }, () => gaussian(rng));
  const y = Float32Array.from({ length: POINTS }, (_, i) => (X[i * inputs] ** 2 + X[i * inputs + 1] ** 2 < 1 ? 1 : 0));
  return { X: tf.tensor2d(X, [POINTS, inputs]), y: tf.tensor1d(y) };
}

/** The playground's SGD step on kernels called directly; each call trains one epoch and reads a weight back. */
function kernelTrainer(sizes: number[], direct: boolean) {
  const shape: MlpShape = { sizes, activation: 'tanh', task: 'classification' };
  let state: { net: MlpKernelSgd; batches: TensorInfo[][] } | null = null;
  return () => {
    if (!state) {
      const runner = direct ? new WasmKernelRunner() : new KernelRunner();
      const rng = createRng(5);
      const X = Float32Array.from({ length: POINTS * sizes[0] }, () => gaussian(rng));
      const y = Float32Array.from({ length: POINTS }, (_, i) => (X[i * sizes[0]] ** 2 + X[i * sizes[0] + 1] ** 2 < 1 ? 1 : 0));
      state = {
        net: new MlpKernelSgd(runner, shape, initWeights(shape, 1)),
        batches: Array.from({ length: POINTS / BATCH }, (_, i) => [
          runner.upload(X.subarray(i * BATCH * sizes[0], (i + 1) * BATCH * sizes[0]), [1, BATCH, sizes[0]]),
          runner.upload(y.subarray(i * BATCH, (i + 1) * BATCH), [1, BATCH, 1]),
        ]),
      };
    }
    for (const [X, y] of state.batches) state.net.step(X, y, 0.03);
    state.net.weights();
  };
}

/**
 * A network, optimizer and batches made once; each call trains one epoch and reads a weight back.
 * 'by-hand': gradients() + tfjs's SGD; 'autodiff': optimizer.minimize.
 */
function trainer(sizes: number[], how: 'by-hand' | 'autodiff') {
  const shape: MlpShape = { sizes, activation: 'tanh', task: 'classification' };
  let state: { network: MlpNetwork; optimizer: tf.Optimizer; batches: (readonly [tf.Tensor2D, tf.Tensor1D])[] } | null = null;
  return () => {
    if (!state) {
      const { X, y } = data(sizes[0]);
      state = {
        network: new MlpNetwork(shape, initWeights(shape, 1)),
        optimizer: tf.train.sgd(0.03),
        batches: Array.from({ length: POINTS / BATCH }, (_, i) => {
          return [tf.slice(X, [i * BATCH, 0], [BATCH, -1]) as tf.Tensor2D, tf.slice(y, [i * BATCH], [BATCH]) as tf.Tensor1D] as const;
        }),
      };
    }
    const { network, optimizer, batches } = state;
    for (const [xb, yb] of batches) {
      if (how === 'by-hand') {
        const { dW, db } = tf.tidy(() => network.gradients(xb, yb));
        optimizer.applyGradients([
          ...network.W.map((W, l) => ({ name: W.name, tensor: dW[l] })),
          ...network.b.map((b, l) => ({ name: b.name, tensor: db[l] })),
        ]);
        tf.dispose([...dW, ...db]);
      } else {
        optimizer.minimize(() => network.loss(xb, yb));
      }
    }
    // One read-back per epoch, as the worker does per tick.
    network.b[0].dataSync();
  };
}

for (const backend of BACKENDS) {
  for (const [name, sizes, params] of NETWORKS) {
    describe(`one Playground epoch (25 steps of 10), ${name}, ${backend}`, () => {
      bench('kernels called directly, registered kernels', kernelTrainer(sizes, false), { setup: useBackend(backend), time: 1000 });
      if (backend === 'wasm')
        bench('kernels called directly, wasm kernels with recycled buffers', kernelTrainer(sizes, true), {
          setup: useBackend(backend),
          time: 1000,
        });
      bench('hand-written backward pass, tfjs SGD optimizer', trainer(sizes, 'by-hand'), { setup: useBackend(backend), time: 1000 });
      bench('optimizer.minimize (autodiff)', trainer(sizes, 'autodiff'), { setup: useBackend(backend), time: 1000 });
      bench('the playground trainer (with train and test loss)', playground(params), { setup: useBackend(backend), time: 1000 });
    });
  }
}
