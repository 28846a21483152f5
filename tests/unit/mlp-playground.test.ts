import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MLP_PLAYGROUND_PARAMS, playgroundConfig, type PlaygroundInfo, type PlaygroundParams } from '../../src/ml/mlp-playground/contract';
import { FEATURES } from '../../src/ml/mlp-playground/data';
import { createMlpPlayground } from '../../src/ml/mlp-playground/trainer';
import { defaults } from '../../src/state/params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** TensorFlow Playground's own settings: 500 points, half for training, batch 10, rate 0.03, tanh, SGD, no noise. */
const PLAYGROUND: PlaygroundParams = {
  ...defaults(MLP_PLAYGROUND_PARAMS),
  noise: 0,
  trainShare: 0.5,
  batch: 10,
  lr: 0.03,
  activation: 'tanh',
  optimizer: 'sgd',
  regularization: 'none',
};
const SPIRAL_BIG: PlaygroundParams = { ...PLAYGROUND, dataset: 'spiral', features: FEATURES, layers: [8, 8, 8, 8, 8, 8] };

function epochs(params: PlaygroundParams, count: number, seed = 1) {
  const model = createMlpPlayground(params, seed);
  const rows: number[][] = [];
  for (let e = 0; e < count; e++) {
    const record = model.step();
    rows.push([...record.dataSync()]);
    record.dispose();
  }
  return { model, rows };
}

describe('the playground configuration', () => {
  it('reads data set, features (names), and the hidden layers (a list of sizes) from the parameters', () => {
    const config = playgroundConfig({ ...SPIRAL_BIG, features: ['x1', 'x1Squared', 'x1x2'], layers: [5, 3] });
    expect(config.set).toBe('spiral');
    expect(config.features).toEqual(['x1', 'x1Squared', 'x1x2']);
    expect(config.hidden).toEqual([5, 3]);
    expect(config.activation).toBe('tanh');
    expect(playgroundConfig({ ...PLAYGROUND, layers: [] }).hidden).toEqual([]);
    expect(playgroundConfig({ ...PLAYGROUND, features: [], layers: [1, 2, 3, 4, 5, 6, 7, 8, 9] }).features).toEqual(['x1', 'x2']);
    expect(playgroundConfig({ ...PLAYGROUND, layers: [1, 2, 3, 4, 5, 6, 7, 8, 9] }).hidden).toHaveLength(6);
  });
  it('builds the network the configuration names, on a 250 / 250 split', () => {
    const model = createMlpPlayground(SPIRAL_BIG, 1);
    const info = model.info as PlaygroundInfo;
    expect(info.shape.sizes).toEqual([7, 8, 8, 8, 8, 8, 8, 1]);
    expect(info.train).toHaveLength(250);
    expect(info.test).toHaveLength(250);
    model.dispose();
  });
});

describe('training, one epoch per step', () => {
  it('the spiral with all seven inputs and six layers of 8 gets its test loss below 0.1', () => {
    const { model, rows } = epochs(SPIRAL_BIG, 200);
    const first = rows.findIndex((r) => r[1] < 0.1);
    expect(first).toBeGreaterThan(0);
    expect(rows[0][1]).toBeGreaterThan(0.5);
    model.dispose();
  }, 60_000);
  it('reproduces the same losses from the same seed, and a new seed gives another run', () => {
    const a = epochs({ ...PLAYGROUND, dataset: 'circle', layers: [4, 2] }, 5);
    const b = epochs({ ...PLAYGROUND, dataset: 'circle', layers: [4, 2] }, 5);
    const c = epochs({ ...PLAYGROUND, dataset: 'circle', layers: [4, 2] }, 5, 2);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows).not.toEqual(c.rows);
    [a, b, c].forEach((run) => run.model.dispose());
  });
  it('a strong L2 penalty holds the fit back; a changed rate applies to the next epoch', () => {
    const plain = epochs({ ...PLAYGROUND, dataset: 'circle', layers: [4] }, 30);
    const penalized = epochs({ ...PLAYGROUND, dataset: 'circle', layers: [4], regularization: 'l2', regRate: 0.3 }, 30);
    expect(penalized.rows[29][0]).toBeGreaterThan(plain.rows[29][0]);
    // With a learning rate of 0 nothing moves any more: two epochs report the same losses.
    penalized.model.setLive({ lr: 0 });
    const losses = () => {
      const record = penalized.model.step();
      const values = [...record.dataSync()];
      record.dispose();
      return values;
    };
    const frozen = losses();
    expect(losses()).toEqual(frozen);
    plain.model.dispose();
    penalized.model.dispose();
  });
  it.each([
    ['Adam', 'adam'],
    ['SGD', 'sgd'],
  ] as const)('frees every tensor and buffer it made (%s)', (_, optimizer) => {
    const before = [tf.memory().numTensors, tf.engine().backend.numDataIds()];
    const { model } = epochs({ ...PLAYGROUND, dataset: 'plane', layers: [3, 3], optimizer }, 3);
    model.dispose();
    expect([tf.memory().numTensors, tf.engine().backend.numDataIds()]).toEqual(before);
  });
});
