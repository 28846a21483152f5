/**
 * The neural-network playground's model: an MLP on the chosen input features of a playground data set,
 * trained like TensorFlow Playground trains (mini-batches in a fixed order, one epoch per step), with the
 * backward pass written by hand (mlp-network.ts) and tfjs's SGD or Adam applying it. Each step is one
 * epoch and records the training and test loss after it, as the Playground reports them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initWeights, type Activation, type MlpShape, type Regularization } from './mlp';
import { MlpNetwork } from './mlp-network';
import { disposeOptimizer, setLearningRate } from './optimizer-handling';
import {
  CLASSIFICATION_SETS, FEATURES, featureRows, isRegression, makePlaygroundData, REGRESSION_SETS, splitTrainTest,
  type Feature, type PlaygroundPoint, type PlaygroundSet,
} from './playground-data';
import type { ModelFactory, Params, TrainableModel } from './trainable';

export const PLAYGROUND_POINTS = 500;
export const DATA_SETS: readonly PlaygroundSet[] = [...CLASSIFICATION_SETS, ...REGRESSION_SETS];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];
export const REGULARIZATIONS: readonly Regularization[] = ['none', 'l1', 'l2'];
export const MAX_LAYERS = 6;

export interface PlaygroundConfig {
  set: PlaygroundSet;
  noise: number;
  trainShare: number;
  batch: number;
  lr: number;
  activation: Activation;
  regularization: Regularization;
  regRate: number;
  optimizer: 'sgd' | 'adam';
  features: Feature[];
  hidden: number[];
}

/**
 * Reads the playground's flat numeric parameters: `features` is a bit mask over FEATURES (bit 0 = x₁),
 * `layers` the number of hidden layers and `n1` … `n6` their sizes.
 */
export function playgroundConfig(params: Params): PlaygroundConfig {
  const mask = Math.round(params.features ?? 3);
  const features = FEATURES.filter((_, i) => mask & (1 << i));
  const layers = Math.min(MAX_LAYERS, Math.max(0, Math.round(params.layers ?? 2)));
  return {
    set: DATA_SETS[Math.round(params.dataset ?? 0)] ?? 'circle',
    noise: params.noise ?? 0,
    trainShare: params.trainShare ?? 0.5,
    batch: Math.max(1, Math.round(params.batch ?? 10)),
    lr: params.lr ?? 0.03,
    activation: ACTIVATIONS[Math.round(params.activation ?? 1)] ?? 'tanh',
    regularization: REGULARIZATIONS[Math.round(params.regularization ?? 0)] ?? 'none',
    regRate: params.regRate ?? 0,
    optimizer: params.optimizer === 1 ? 'adam' : 'sgd',
    features: features.length > 0 ? features : ['x1', 'x2'],
    hidden: Array.from({ length: layers }, (_, l) => Math.max(1, Math.round(params[`n${l + 1}`] ?? (l === 0 ? 4 : 2)))),
  };
}

export interface PlaygroundInfo {
  train: PlaygroundPoint[];
  test: PlaygroundPoint[];
  features: Feature[];
  shape: MlpShape;
}

/** The learner's own points, flat [x₁, x₂, label, …] with labels 0 / 1, as PlaygroundPoints. */
function ownPoints(data: number[]): PlaygroundPoint[] {
  return Array.from({ length: Math.floor(data.length / 3) }, (_, i) => ({ x1: data[3 * i], x2: data[3 * i + 1], label: data[3 * i + 2] }));
}

/**
 * `data`, when it holds at least two points, is the learner's own classification data (flat x₁, x₂, label),
 * used instead of the generated set and split the same way.
 */
export const createMlpPlayground: ModelFactory = (params: Params, seed: number, data?: number[]): TrainableModel => {
  const config = playgroundConfig(params);
  const own = data !== undefined && data.length >= 6;
  const points = own ? ownPoints(data) : makePlaygroundData(config.set, PLAYGROUND_POINTS, config.noise, seed);
  const { train, test } = splitTrainTest(points, config.trainShare, seed);
  const shape: MlpShape = {
    sizes: [config.features.length, ...config.hidden, 1],
    activation: config.activation,
    task: !own && isRegression(config.set) ? 'regression' : 'classification',
  };
  const network = new MlpNetwork(shape, initWeights(shape, seed));
  const d = config.features.length;
  const Xtrain = tf.tensor2d(featureRows(train, config.features), [train.length, d]);
  const ytrain = tf.tensor1d(train.map((p) => p.label));
  const Xtest = tf.tensor2d(featureRows(test, config.features), [test.length, d]);
  const ytest = tf.tensor1d(test.map((p) => p.label));
  // The Playground walks the training points in the same order every epoch.
  const batches = Array.from({ length: Math.ceil(train.length / config.batch) }, (_, i) => {
    const size = Math.min(config.batch, train.length - i * config.batch);
    const y = tf.slice(ytrain, [i * config.batch], [size]);
    return [tf.slice(Xtrain, [i * config.batch, 0], [size, d]), y, tf.reshape(y, [size, 1]) as tf.Tensor2D] as const;
  });
  let lr = config.lr;
  let regularization = config.regularization;
  let regRate = config.regRate;
  // Plain SGD is applied by the network itself (fewer kernels); Adam by tfjs's optimizer.
  const optimizer = config.optimizer === 'adam' ? tf.train.adam(config.lr) : null;
  // The Playground reports the data loss, without the penalty.
  const loss = (X: tf.Tensor2D, y: tf.Tensor1D) => network.loss(X, y);

  return {
    traceNames: ['testLoss'],
    initialTrace: [tf.tidy(() => loss(Xtest, ytest).dataSync()[0])],
    info: { train, test, features: config.features, shape } satisfies PlaygroundInfo,
    step() {
      for (const [xb, yb, yColumn] of batches) {
        if (!optimizer) {
          network.sgdStep(xb, yColumn, lr, regularization, regRate);
          continue;
        }
        const { dW, db } = tf.tidy(() => network.gradients(xb, yb, regularization, regRate));
        optimizer.applyGradients([
          ...network.W.map((W, l) => ({ name: W.name, tensor: dW[l] })),
          ...network.b.map((b, l) => ({ name: b.name, tensor: db[l] })),
        ]);
        tf.dispose([...dW, ...db]);
      }
      return tf.tidy(() => tf.stack([loss(Xtrain, ytrain), loss(Xtest, ytest)]) as tf.Tensor1D);
    },
    state() {
      return tf.tidy(() => tf.concat(network.W.flatMap((W, l) => [tf.reshape(W, [-1]), network.b[l]])) as tf.Tensor1D);
    },
    setLive(next: Params) {
      if (next.lr !== undefined) {
        lr = next.lr;
        if (optimizer) setLearningRate(optimizer, next.lr);
      }
      if (next.regularization !== undefined) regularization = REGULARIZATIONS[Math.round(next.regularization)] ?? 'none';
      if (next.regRate !== undefined) regRate = next.regRate;
    },
    dispose() {
      network.dispose();
      tf.dispose([Xtrain, ytrain, Xtest, ytest, ...batches.flat()]);
      if (optimizer) disposeOptimizer(optimizer);
    },
  };
};
