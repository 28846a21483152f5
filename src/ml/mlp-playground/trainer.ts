/**
 * The neural-network playground's model: an MLP on the chosen input features of a playground data set,
 * trained like TensorFlow Playground trains (mini-batches in a fixed order, one epoch per step) by plain SGD
 * or Adam (nets.ts). Each step is one epoch and records the training and test loss after it,
 * as the Playground reports them.
 */
import * as tf from '@tensorflow/tfjs';
import { accuracyFromOutput, dataLossFromOutput, initWeights, outputKind, type MlpShape } from './mlp';
import { packWeights } from './grid';
import { engineNet, kernelSgdNet, type LiveSettings, type TrainingRows } from './nets';
import { featureRows, isRegression, makePlaygroundData, splitTrainTest, type PlaygroundPoint } from './data';
import type { ModelFactory } from '../tfjs/trainable';
import { directKernelsSupported } from '../tfjs/tested-version';
import { MLP_PLAYGROUND, PLAYGROUND_POINTS, playgroundConfig, type PlaygroundInfo, type PlaygroundParams } from './contract';

/** The learner's own points, flat [x₁, x₂, label, …] with labels 0 / 1, as PlaygroundPoints. */
function ownPoints(data: number[]): PlaygroundPoint[] {
  return Array.from({ length: Math.floor(data.length / 3) }, (_, i) => ({ x1: data[3 * i], x2: data[3 * i + 1], label: data[3 * i + 2] }));
}

/**
 * `data`, when it holds at least two points, is the learner's own classification data (flat x₁, x₂, label),
 * used instead of the generated set and split the same way.
 */
export const createMlpPlayground: ModelFactory<PlaygroundParams> = (params, seed, data) => {
  const config = playgroundConfig(params);
  const own = data !== undefined && data.length >= 6;
  const points = own ? ownPoints(data) : makePlaygroundData(config.set, PLAYGROUND_POINTS, config.noise, seed);
  const { train, test } = splitTrainTest(points, config.trainShare, seed);
  const shape: MlpShape = {
    sizes: [config.features.length, ...config.hidden, 1],
    activation: config.activation,
    task: !own && isRegression(config.set) ? 'regression' : 'classification',
    loss: config.loss,
  };
  const rows: TrainingRows = {
    all: featureRows([...train, ...test], config.features),
    labels: Float32Array.from([...train, ...test], (p) => p.label),
    trainCount: train.length,
    columns: config.features.length,
    batch: config.batch,
  };
  const initial = initWeights(shape, seed, config.init);
  const net =
    config.optimizer === 'sgd' && directKernelsSupported()
      ? kernelSgdNet(shape, initial, rows)
      : engineNet(shape, initial, rows, config.optimizer, config.lr);
  const live: LiveSettings = { lr: config.lr, regularization: config.regularization, regRate: config.regRate };
  // The Playground reports the data loss, without the penalty. Then the test accuracy (0 for a regression,
  // which has none and shows none: a trace must be finite).
  const kind = outputKind(shape);
  const losses = () => {
    const z = net.logits();
    const { labels } = rows;
    const accuracy = kind === 'linear' ? 0 : accuracyFromOutput(z, labels, train.length);
    return [dataLossFromOutput(kind, z, labels, 0, train.length), dataLossFromOutput(kind, z, labels, train.length), accuracy];
  };

  return {
    traceNames: MLP_PLAYGROUND.trace,
    initialTrace: losses().slice(1),
    info: { train, test, features: config.features, shape } satisfies PlaygroundInfo,
    step() {
      net.epoch(live);
      return tf.tensor1d(losses());
    },
    state: () => tf.tensor1d(packWeights(net.weights())),
    setLive(next) {
      if (next.lr !== undefined) live.lr = next.lr;
      if (next.regularization !== undefined) live.regularization = next.regularization;
      if (next.regRate !== undefined) live.regRate = next.regRate;
    },
    dispose: () => net.dispose(),
  };
};
