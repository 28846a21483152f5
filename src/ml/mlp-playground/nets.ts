/**
 * The two ways the playground trains its MLP: plain SGD on tfjs kernels called directly (kernel-sgd.ts,
 * the fast path that TensorFlow Playground's own settings use), and Adam through the engine with tfjs's
 * optimizer applying the hand-written gradients of network.ts. Both walk the training batches in the
 * same order every epoch, as the Playground does.
 */
import * as tf from '@tensorflow/tfjs';
import { KernelRunner } from '../tfjs/kernel-runner';
import { outputKind, outputTarget, type MlpShape, type MlpWeights, type Regularization } from './mlp';
import { MlpKernelSgd } from './kernel-sgd';
import { MlpNetwork } from './network';
import { WasmKernelRunner } from '../tfjs/wasm-kernel-runner';
import { disposeOptimizer, setLearningRate } from '../tfjs/optimizer-handling';

export interface TrainingRows {
  /**
   * Feature rows (row-major, `columns` each) of every training point, in the order batches take them, then
   * of every test point: the first `trainCount` rows are trained on, all are evaluated.
   */
  all: Float32Array;
  /** The labels of the same rows. */
  labels: Float32Array;
  trainCount: number;
  columns: number;
  batch: number;
}

export interface LiveSettings {
  lr: number;
  regularization: Regularization;
  regRate: number;
}

export interface PlaygroundNet {
  /** One pass over the training batches. */
  epoch(settings: LiveSettings): void;
  /** The output's pre-activation z for every row of `rows.all`. */
  logits(): Float32Array;
  weights(): MlpWeights;
  dispose(): void;
}

/** Each training batch's feature rows and labels, in order; the last batch may be smaller. */
function batchRows({ all, labels, trainCount, columns: d, batch }: TrainingRows): [Float32Array, Float32Array][] {
  return Array.from({ length: Math.ceil(trainCount / batch) }, (_, i) => {
    const [start, end] = [i * batch, Math.min(trainCount, (i + 1) * batch)];
    return [all.subarray(start * d, end * d), labels.subarray(start, end)];
  });
}

export function kernelSgdNet(shape: MlpShape, initial: MlpWeights, rows: TrainingRows): PlaygroundNet {
  const runner = WasmKernelRunner.available() ? new WasmKernelRunner() : new KernelRunner();
  const net = new MlpKernelSgd(runner, shape, initial);
  const d = rows.columns;
  // Rank 3, [1, rows, columns]: the shape the backends' matMul kernels take.
  const matrix = (values: Float32Array, columns: number) => runner.upload(values, [1, values.length / columns, columns]);
  const kind = outputKind(shape);
  const batches = batchRows(rows).map(([X, y]) => [
    matrix(X, d),
    matrix(
      y.map((label) => outputTarget(kind, label)),
      1,
    ),
  ]);
  const all = matrix(rows.all, d);
  return {
    epoch({ lr, regularization, regRate }) {
      for (const [X, y] of batches) net.step(X, y, lr, regularization, regRate);
    },
    logits: () => net.logits(all),
    weights: () => net.weights(),
    dispose() {
      net.dispose();
      for (const info of [all, ...batches.flat()]) runner.free(info);
      runner.dispose();
    },
  };
}

/**
 * The engine path: the hand-written gradients of network.ts applied by one of tfjs's optimizers. Adam always
 * trains this way; plain SGD too where the direct-kernel path was not tested with the tfjs in use.
 */
export function engineNet(
  shape: MlpShape,
  initial: MlpWeights,
  rows: TrainingRows,
  optimizerName: 'sgd' | 'adam',
  lr: number,
): PlaygroundNet {
  const network = new MlpNetwork(shape, initial);
  const optimizer = optimizerName === 'adam' ? tf.train.adam(lr) : tf.train.sgd(lr);
  const d = rows.columns;
  const batches = batchRows(rows).map(([X, y]) => [tf.tensor2d(X, [y.length, d]), tf.tensor1d(y)] as const);
  const all = tf.tensor2d(rows.all, [rows.all.length / d, d]);
  let rate = lr;
  return {
    epoch({ lr: next, regularization, regRate }) {
      if (next !== rate) setLearningRate(optimizer, (rate = next));
      for (const [X, y] of batches) {
        const { dW, db } = tf.tidy(() => network.gradients(X, y, regularization, regRate));
        optimizer.applyGradients([
          ...network.W.map((W, l) => ({ name: W.name, tensor: dW[l] })),
          ...network.b.map((b, l) => ({ name: b.name, tensor: db[l] })),
        ]);
        tf.dispose([...dW, ...db]);
      }
    },
    logits: () => tf.tidy(() => network.forward(all).at(-1)!.dataSync() as Float32Array).slice(),
    weights: () => ({ W: network.W.map((W) => Float32Array.from(W.dataSync())), b: network.b.map((b) => Float32Array.from(b.dataSync())) }),
    dispose() {
      network.dispose();
      disposeOptimizer(optimizer);
      tf.dispose([all, ...batches.flat()]);
    },
  };
}
