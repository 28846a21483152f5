import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { forward, initWeights, type MlpShape } from '../../src/ml/mlp-playground/mlp';
import { gridActivations, planeGrid, unpackWeights } from '../../src/ml/mlp-playground/grid';
import { MLP_PLAYGROUND_PARAMS, type PlaygroundInfo, type PlaygroundParams } from '../../src/ml/mlp-playground/contract';
import { createMlpPlayground } from '../../src/ml/mlp-playground/trainer';
import { featureRows, type Feature } from '../../src/ml/mlp-playground/data';
import { defaults } from '../../src/state/params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the playground grid', () => {
  it('places cells from the bottom-left corner to the top-right, one feature value each', () => {
    const grid = planeGrid(['x1', 'x2', 'x1x2'], 3, 2, [-6, 6]);
    expect([...grid.inputs[0]]).toEqual([-6, 0, 6, -6, 0, 6]);
    expect([...grid.inputs[1]]).toEqual([-6, -6, -6, 6, 6, 6]);
    expect([...grid.inputs[2]]).toEqual([36, -0, -36, -36, 0, 36]);
  });

  it('unpacks weights in the order W1, b1, W2, b2 and rejects a wrong count', () => {
    const w = unpackWeights([2, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect([...w.W[0]]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...w.b[0]]).toEqual([7, 8, 9]);
    expect([...w.W[1]]).toEqual([10, 11, 12]);
    expect([...w.b[1]]).toEqual([13]);
    expect(() => unpackWeights([2, 3, 1], [1, 2, 3])).toThrow(/13 weights/);
  });

  for (const [activation, task] of [
    ['tanh', 'classification'],
    ['relu', 'regression'],
    ['sigmoid', 'classification'],
    ['linear', 'classification'],
  ] as const) {
    it(`gives every neuron the value the point-by-point forward pass gives (${activation}, ${task})`, () => {
      const features: Feature[] = ['x1', 'x2', 'x1Squared', 'sinX2'];
      const shape: MlpShape = { sizes: [4, 5, 3, 1], activation, task };
      const weights = initWeights(shape, 7);
      weights.b = weights.b.map((b) => b.map((_, j) => 0.1 * (j + 1)));
      const grid = planeGrid(features, 7, 5, [-6, 6]);
      const layers = gridActivations(shape, weights, grid);
      const cells = 7 * 5;
      const X = new Float32Array(cells * 4);
      for (let c = 0; c < cells; c++) for (let f = 0; f < 4; f++) X[c * 4 + f] = grid.inputs[f][c];
      const reference = forward(shape, weights, X);
      for (let l = 1; l < reference.length; l++) {
        const size = shape.sizes[l];
        for (let j = 0; j < size; j++) {
          for (let c = 0; c < cells; c++) expect(layers[l][j][c]).toBeCloseTo(reference[l][c * size + j], 5);
        }
      }
    });
  }
});

describe('the playground trainer reports its weights', () => {
  it('packs W and b so the page reproduces the test loss the network recorded', () => {
    const params: PlaygroundParams = {
      ...defaults(MLP_PLAYGROUND_PARAMS),
      dataset: 'spiral',
      features: ['x1', 'x2', 'x1x2', 'sinX2'],
      layers: [5, 3],
      lr: 0.03,
      batch: 10,
    };
    const model = createMlpPlayground(params, 4);
    let testLoss = NaN;
    for (let e = 0; e < 4; e++) {
      const record = model.step();
      testLoss = record.dataSync()[1];
      record.dispose();
    }
    const info = model.info as PlaygroundInfo;
    expect(info.features).toEqual(['x1', 'x2', 'x1x2', 'sinX2']);
    const state = model.state!();
    const weights = unpackWeights(info.shape.sizes, state.dataSync());
    state.dispose();
    const p = forward(info.shape, weights, featureRows(info.test, info.features)).at(-1)!;
    let ce = 0;
    info.test.forEach((point, i) => (ce -= point.label ? Math.log(p[i]) : Math.log(1 - p[i])));
    expect(ce / info.test.length).toBeCloseTo(testLoss, 4);
    model.dispose();
  });

  it('trains on the learner’s own points, split by the training share', () => {
    const data = [-3, -3, 0, -2, -3, 0, -3, -2, 0, 3, 3, 1, 2, 3, 1, 3, 2, 1, 4, 4, 1, -4, -4, 0];
    const model = createMlpPlayground(
      { ...defaults(MLP_PLAYGROUND_PARAMS), dataset: 'plane', trainShare: 0.5, layers: [2], lr: 0.3, batch: 2 },
      1,
      data,
    );
    const info = model.info as PlaygroundInfo;
    expect(info.shape.task).toBe('classification');
    expect(info.train).toHaveLength(4);
    expect(info.test).toHaveLength(4);
    const all = [...info.train, ...info.test].map((p) => [p.x1, p.x2, p.label].join()).sort();
    const given = Array.from({ length: 8 }, (_, i) => data.slice(3 * i, 3 * i + 3).join()).sort();
    expect(all).toEqual(given);
    const first = model.step();
    const firstLoss = first.dataSync()[0];
    first.dispose();
    let last = firstLoss;
    for (let e = 0; e < 60; e++) {
      const r = model.step();
      last = r.dataSync()[0];
      r.dispose();
    }
    expect(last).toBeLessThan(firstLoss / 2);
    model.dispose();
  });
});
