/**
 * The neural-network playground's model: an MLP on the chosen input features of a playground data set,
 * trained like TensorFlow Playground trains (mini-batches in a fixed order, one epoch per step) by plain SGD
 * or Adam (nets.ts). Each step is one epoch and records the training and test loss after it,
 * as the Playground reports them.
 */
import * as tf from '@tensorflow/tfjs-core';
import { dataLossFromOutput, initWeights, type Activation, type MlpShape, type Regularization } from './mlp';
import { packWeights } from './grid';
import { adamNet, kernelSgdNet, type LiveSettings, type TrainingRows } from './nets';
import {
  CLASSIFICATION_SETS,
  FEATURES,
  featureRows,
  isRegression,
  makePlaygroundData,
  REGRESSION_SETS,
  splitTrainTest,
  type Feature,
  type PlaygroundPoint,
  type PlaygroundSet,
} from './data';
import type { ModelFactory, Params, TrainableModel } from '../tfjs/trainable';

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
  const rows: TrainingRows = {
    all: featureRows([...train, ...test], config.features),
    labels: Float32Array.from([...train, ...test], (p) => p.label),
    trainCount: train.length,
    columns: config.features.length,
    batch: config.batch,
  };
  const initial = initWeights(shape, seed);
  const net = config.optimizer === 'adam' ? adamNet(shape, initial, rows, config.lr) : kernelSgdNet(shape, initial, rows);
  const live: LiveSettings = { lr: config.lr, regularization: config.regularization, regRate: config.regRate };
  // The Playground reports the data loss, without the penalty.
  const losses = () => {
    const z = net.logits();
    return [dataLossFromOutput(shape.task, z, rows.labels, 0, train.length), dataLossFromOutput(shape.task, z, rows.labels, train.length)];
  };

  return {
    traceNames: ['testLoss'],
    initialTrace: [losses()[1]],
    info: { train, test, features: config.features, shape } satisfies PlaygroundInfo,
    step() {
      net.epoch(live);
      return tf.tensor1d(losses());
    },
    state: () => tf.tensor1d(packWeights(net.weights())),
    setLive(next: Params) {
      if (next.lr !== undefined) live.lr = next.lr;
      if (next.regularization !== undefined) live.regularization = REGULARIZATIONS[Math.round(next.regularization)] ?? 'none';
      if (next.regRate !== undefined) live.regRate = next.regRate;
    },
    dispose: () => net.dispose(),
  };
};
