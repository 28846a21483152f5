/**
 * A small CNN trained on MNIST's training digits, and (when asked) a dense network of about the same size
 * trained on the same batches beside it. Both are tf.LayersModels, so the CNN saves in tfjs's standard
 * model.json + weights.bin format. Held-out accuracy is measured on every test digit, on a copy of the
 * weights taken every `evalEvery` steps, a chunk of digits per step so that no step stalls the worker.
 */
import * as tf from '@tensorflow/tfjs';
import { ensureWasmConv2DBackpropFilter } from '../tfjs/conv2d-backprop-filter';
import { disposeOptimizer, setLearningRate } from '../tfjs/optimizer-handling';
import type { ModelFactory } from '../tfjs/trainable';
import { BatchStream } from '../shared/batch-stream';
import { cnnFits, cnnLayers, denseHiddenUnits, denseLayers, slotValues, stateLayout, totalParams, type CnnShape } from './architecture';
import { CNN_MNIST, cnnShapeOf, type CnnMnistInfo, type CnnMnistParams } from './contract';
import { gatherPixels, unpackDigits, type DigitSet } from './data';
import { exportModel } from './export';
import { HeldOutEvaluation } from './held-out';
import { buildCnn, buildDense } from './models';

export const EVAL_EVERY = 100;

function makeOptimizer(name: CnnMnistParams['optimizer'], lr: number): tf.Optimizer {
  if (name === 'sgd') return tf.train.sgd(lr);
  if (name === 'momentum') return tf.train.momentum(lr, 0.9);
  return tf.train.adam(lr);
}

/** Softmax cross-entropy of a batch, and the gradients of every trainable weight. */
function lossAndGradients(model: tf.LayersModel, xs: tf.Tensor4D, ys: tf.Tensor2D) {
  return tf.variableGrads(
    () => tf.losses.softmaxCrossEntropy(ys, model.apply(xs) as tf.Tensor2D) as tf.Scalar,
    model.trainableWeights.map((weight) => weight.read() as tf.Variable),
  );
}

/** One update of `model` on the batch; returns the batch's loss and, if asked, a copy of the first kernel's gradient. */
function trainOne(model: tf.LayersModel, optimizer: tf.Optimizer, xs: tf.Tensor4D, ys: tf.Tensor2D, keepFirstGradient: boolean) {
  const { value, grads } = lossAndGradients(model, xs, ys);
  const first = keepFirstGradient ? tf.keep(grads[(model.trainableWeights[0].read() as tf.Variable).name].clone()) : null;
  optimizer.applyGradients(grads);
  tf.dispose(Object.values(grads));
  return { value, first };
}

function batchTensors(train: DigitSet, indices: Int32Array) {
  const xs = tf.tensor4d(gatherPixels(train.images, indices), [indices.length, 28, 28, 1]);
  const labels = Int32Array.from(indices, (i) => train.labels[i]);
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), 10).toFloat() as tf.Tensor2D);
  return { xs, ys };
}

function checkedData(data: Uint8Array | undefined) {
  if (!(data instanceof Uint8Array)) throw new Error('cnn-mnist needs the MNIST digits from the page');
  return unpackDigits(data);
}

export const createCnnMnist: ModelFactory<CnnMnistParams, Uint8Array> = (params, seed, data) => {
  ensureWasmConv2DBackpropFilter();
  const { train, test } = checkedData(data);
  const shape: CnnShape = cnnShapeOf(params);
  if (!cnnFits(shape)) throw new Error('these kernels leave no pixel after the second pooling: choose a smaller kernel or padding “same”');
  const layers = cnnLayers(shape);
  const hidden = params.dense ? denseHiddenUnits(totalParams(layers)) : null;
  const cnn = buildCnn(shape, seed);
  const dense = hidden === null ? null : buildDense(hidden, seed + 1);
  const optimizers = [makeOptimizer(params.optimizer, params.lr), makeOptimizer(params.optimizer, params.lr)];
  const layout = stateLayout(shape, hidden, test.count);
  const evaluation = new HeldOutEvaluation(test, [cnn, dense], shape, hidden);
  const batches = new BatchStream(train.count, seed);
  let batchSize = params.batch;
  let seen = 0;
  let step = 0;
  let filterGradient = tf.zeros(layout.filterGradient.shape);

  const info: CnnMnistInfo = {
    cnn: shape,
    layers,
    dense: hidden === null ? null : { hidden, layers: denseLayers(hidden) },
    trainCount: train.count,
    testCount: test.count,
    evalEvery: EVAL_EVERY,
    layout,
  };

  evaluation.start(0);
  return {
    traceNames: CNN_MNIST.trace,
    initialTrace: [-1, 0, -1, -1, 0],
    info,
    step() {
      const { xs, ys } = batchTensors(train, batches.next(batchSize));
      const { value: loss, first } = trainOne(cnn, optimizers[0], xs, ys, true);
      filterGradient.dispose();
      filterGradient = first!;
      const denseLoss = dense ? trainOne(dense, optimizers[1], xs, ys, false).value : tf.scalar(0);
      tf.dispose([xs, ys]);
      step += 1;
      seen += batchSize;
      evaluation.advance();
      if (step % EVAL_EVERY === 0) evaluation.start(step);
      const [accuracy, denseAccuracy] = evaluation.accuracies;
      const record = tf.tidy(() =>
        tf.concat([
          tf.stack([loss, tf.scalar(accuracy), denseLoss, tf.scalar(denseAccuracy)]),
          tf.tensor1d([evaluation.evaluatedAt, seen / train.count]),
        ]),
      ) as tf.Tensor1D;
      tf.dispose([loss, denseLoss]);
      return record;
    },
    state() {
      const values = new Float32Array(layout.size);
      cnn.getWeights().forEach((weight, i) => values.set(weight.dataSync(), layout.cnn[i].offset));
      dense?.getWeights().forEach((weight, i) => values.set(weight.dataSync(), layout.dense[i].offset));
      values.set(filterGradient.dataSync(), layout.filterGradient.offset);
      slotValues(values, layout.predictions).set(evaluation.predictions);
      values[layout.evaluatedAt.offset] = evaluation.evaluatedAt;
      return tf.tensor1d(values);
    },
    setLive(next) {
      if (next.lr !== undefined) optimizers.forEach((optimizer) => setLearningRate(optimizer, next.lr!));
      if (next.batch !== undefined) batchSize = next.batch;
    },
    request(name) {
      if (name === 'save') return exportModel(cnn);
      return Promise.reject(new Error(`cnn-mnist has no request “${name}”`));
    },
    dispose() {
      evaluation.dispose();
      tf.dispose(filterGradient);
      cnn.dispose();
      dense?.dispose();
      optimizers.forEach(disposeOptimizer);
    },
  };
};
