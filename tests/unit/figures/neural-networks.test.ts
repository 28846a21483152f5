/**
 * Every number lesson 06 (content/06-neural-networks/{en,zh}.md) quotes, recomputed from the playground's
 * own model: its data sets, split and initial weights, its trainer (one step is one epoch of mini-batch
 * SGD on the direct-kernel path, as in the browser) and its plain-number forward and backward passes.
 *
 * These run on the wasm backend, the browser's, whatever FIGURES_BACKEND says: the spiral and the large
 * learning rates are chaotic, and the text quotes the browser's run (it says so); the default run's figures
 * are the same on cpu. An epoch's figures are the losses recorded after it, as the widget's table shows.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fromTrack, toTrack } from '../../../src/controls/slider-scale';
import {
  MLP_PLAYGROUND_PARAMS,
  PLAYGROUND_POINTS,
  type PlaygroundInfo,
  type PlaygroundParams,
} from '../../../src/ml/mlp-playground/contract';
import { featureRows, FEATURES, makePlaygroundData, PLAYGROUND_RANGE } from '../../../src/ml/mlp-playground/data';
import { unpackWeights } from '../../../src/ml/mlp-playground/grid';
import {
  activate,
  derivativeFromOutput,
  forward,
  lossAndGradients,
  type MlpShape,
  type MlpWeights,
} from '../../../src/ml/mlp-playground/mlp';
import { createMlpPlayground } from '../../../src/ml/mlp-playground/trainer';
import { defaults, type NumberSpec } from '../../../src/state/params';
import { useBackend } from '../../bench/backends';
import { train } from './train';

const DEFAULTS = defaults(MLP_PLAYGROUND_PARAMS) as PlaygroundParams;
const LR_SPEC = MLP_PLAYGROUND_PARAMS.find((p) => p.key === 'lr') as NumberSpec;
const ALL_FEATURES = [...FEATURES];

interface Playground {
  info: PlaygroundInfo;
  /** After epoch k + 1. */
  train: number[];
  test: number[];
  /** The weights after the epochs asked for. */
  weights: Map<number, MlpWeights>;
}

function play(settings: Partial<PlaygroundParams>, epochs: number, keepWeightsAt: number[] = []): Playground {
  const params = { ...DEFAULTS, ...settings } as PlaygroundParams;
  const packed = new Map<number, Float32Array>();
  const result = train(createMlpPlayground, params, epochs, {
    after: (done, model) => {
      if (keepWeightsAt.includes(done)) packed.set(done, model.state!().dataSync() as Float32Array);
    },
  });
  const info = result.info as PlaygroundInfo;
  const weights = new Map([...packed].map(([k, flat]) => [k, unpackWeights(info.shape.sizes, flat)]));
  return { info, train: result.losses, test: result.traces.map((t) => t[0]), weights };
}

/** The first epoch (1-based) after which the values are below the threshold, 0 if never. */
const firstBelow = (values: number[], threshold: number) => values.findIndex((v) => v < threshold) + 1;
const slider = (value: number) => fromTrack(LR_SPEC, toTrack(LR_SPEC, value));
const parameters = (sizes: number[]) => sizes.slice(1).reduce((sum, size, l) => sum + sizes[l] * size + size, 0);

/** The predicted probabilities on a set of points, and how many land on the wrong side of 0.5. */
function outputs(run: Playground, epoch: number, points: PlaygroundInfo['train']) {
  const p = forward(run.info.shape, run.weights.get(epoch)!, featureRows(points, run.info.features)).at(-1)!;
  const wrong = Array.from(p).filter((v, i) => (v > 0.5 ? 1 : 0) !== points[i].label);
  return {
    p,
    wrong: wrong.length,
    confidentlyWrong: Array.from(p).filter((v, i) => (v > 0.5 ? 1 : 0) !== points[i].label && Math.max(v, 1 - v) > 0.99).length,
  };
}

/** The share of the first hidden layer's outputs on the training points beyond ±0.99. */
function saturation(run: Playground, epoch: number): number {
  const h = forward(run.info.shape, run.weights.get(epoch)!, featureRows(run.info.train, run.info.features))[1];
  return Array.from(h).filter((a) => Math.abs(a) > 0.99).length / h.length;
}

beforeAll(useBackend('wasm'));
// A few runs take hundreds of epochs (the spiral a thousand); the default 5 s is too short on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

describe('neurons, layers and the loss in closed form', () => {
  it('tanh(z) = 2σ(2z) − 1; slopes at most 1 (tanh) and 0.25 (sigmoid), from the output alone', () => {
    for (const z of [-2, -0.3, 0, 0.7, 3]) expect(activate('tanh', z)).toBeCloseTo(2 * activate('sigmoid', 2 * z) - 1, 12);
    expect(derivativeFromOutput('tanh', activate('tanh', 0))).toBe(1);
    expect(derivativeFromOutput('sigmoid', activate('sigmoid', 0))).toBe(0.25);
    expect(derivativeFromOutput('tanh', 0.5)).toBe(1 - 0.25);
  });

  it('the default network (2, 4, 2, 1) has 25 parameters; the spiral copy (7, 8 × 6, 1) has 64 + 5·72 + 9 = 433', () => {
    expect(parameters([2, 4, 2, 1])).toBe(25);
    expect(parameters([7, 8, 8, 8, 8, 8, 8, 1])).toBe(64 + 5 * 72 + 9);
    expect(64 + 5 * 72 + 9).toBe(433);
  });

  it('a model that answers 0.5 everywhere scores ln 2 ≈ 0.693', () => {
    expect(Math.LN2.toFixed(3)).toBe('0.693');
  });

  it('the playground: 500 points in [−6, 6]², half for training; batches of 10 make 25 updates an epoch; lr 0.03, tanh, layers 4 and 2', () => {
    expect(PLAYGROUND_POINTS).toBe(500);
    expect(PLAYGROUND_RANGE).toEqual([-6, 6]);
    for (const p of makePlaygroundData('circle', 500, 0, 1)) expect(Math.max(Math.abs(p.x1), Math.abs(p.x2))).toBeLessThanOrEqual(6);
    const { trainShare, batch, lr, activation, layers, features, dataset } = DEFAULTS;
    expect({ trainShare, batch, lr, activation, layers, features, dataset }).toEqual({
      trainShare: 0.5,
      batch: 10,
      lr: 0.03,
      activation: 'tanh',
      layers: [4, 2],
      features: ['x1', 'x2'],
      dataset: 'circle',
    });
    expect((500 * 0.5) / 10).toBe(25);
  });
});

describe('the worked example: x = (1, 2), y = 1, two ReLU neurons, a sigmoid output', () => {
  const shape: MlpShape = { sizes: [2, 2, 1], activation: 'relu', task: 'classification' };
  const weights: MlpWeights = {
    W: [Float32Array.of(1, 1, 0.5, -1), Float32Array.of(0.5, 1)],
    b: [Float32Array.of(0, 0), Float32Array.of(-1)],
  };
  const x = Float32Array.of(1, 2);

  it('forward: z⁽¹⁾ = (2, −1), a⁽¹⁾ = (2, 0), z⁽²⁾ = 0, ŷ = 0.5, loss ln 2', () => {
    const a = forward(shape, weights, x);
    expect(Array.from(a[1])).toEqual([2, 0]);
    expect(a[2][0]).toBe(0.5);
    expect(lossAndGradients(shape, weights, x, [1]).loss).toBeCloseTo(Math.LN2, 12);
  });

  it('backward: ∂L/∂W⁽²⁾ = (−1, 0), ∂L/∂b⁽²⁾ = −0.5, ∂L/∂W⁽¹⁾ = [[−0.25, 0], [−0.5, 0]], ∂L/∂b⁽¹⁾ = (−0.25, 0)', () => {
    const { dW, db } = lossAndGradients(shape, weights, x, [1]);
    expect(Array.from(dW[1]).map((v) => v + 0)).toEqual([-1, 0]);
    expect(Array.from(db[1])).toEqual([-0.5]);
    expect(Array.from(dW[0]).map((v) => v + 0)).toEqual([-0.25, 0, -0.5, 0]);
    expect(Array.from(db[0]).map((v) => v + 0)).toEqual([-0.25, 0]);
  });

  it('a finite-difference check gives the same nine numbers to three decimals', () => {
    const { dW, db } = lossAndGradients(shape, weights, x, [1]);
    const analytic = [...dW[0], ...db[0], ...dW[1], ...db[1]];
    const h = 1e-4;
    const numeric = analytic.map((_, index) => {
      const nudged = (delta: number) => {
        const copy: MlpWeights = {
          W: weights.W.map((w) => Float64Array.from(w) as unknown as Float32Array),
          b: weights.b.map((b) => Float64Array.from(b) as unknown as Float32Array),
        };
        const slots = [...copy.W[0].keys()].map((k) => [copy.W[0], k] as const);
        slots.push(...[...copy.b[0].keys()].map((k) => [copy.b[0], k] as const));
        slots.push(...[...copy.W[1].keys()].map((k) => [copy.W[1], k] as const));
        slots.push(...[...copy.b[1].keys()].map((k) => [copy.b[1], k] as const));
        const [array, k] = slots[index];
        array[k] += delta;
        return lossAndGradients(shape, copy, x, [1]).loss;
      };
      return (nudged(h) - nudged(-h)) / (2 * h);
    });
    expect(analytic.length).toBe(9);
    numeric.forEach((v, i) => expect(v.toFixed(3)).toBe(analytic[i].toFixed(3)));
  });

  it('one step at η = 0.5: W⁽²⁾ = (1, 1), b⁽²⁾ = −0.75, first column (1.125, 0.75), b⁽¹⁾ = (0.125, 0); then ŷ = σ(2) ≈ 0.881, loss about 0.127', () => {
    const { dW, db } = lossAndGradients(shape, weights, x, [1]);
    const step = (w: Float32Array, g: Float64Array) => Float32Array.from(w, (v, k) => v - 0.5 * g[k]);
    const next: MlpWeights = {
      W: [step(weights.W[0], dW[0]), step(weights.W[1], dW[1])],
      b: [step(weights.b[0], db[0]), step(weights.b[1], db[1])],
    };
    expect(Array.from(next.W[1])).toEqual([1, 1]);
    expect(next.b[1][0]).toBe(-0.75);
    expect([next.W[0][0], next.W[0][2]]).toEqual([1.125, 0.75]);
    expect(Array.from(next.b[0])).toEqual([0.125, 0]);
    const a = forward(shape, next, x);
    expect(a[1][0]).toBe(2.75);
    expect(a[1][1]).toBe(0);
    expect(a[2][0].toFixed(3)).toBe('0.881');
    expect(lossAndGradients(shape, next, x, [1]).loss.toFixed(3)).toBe('0.127');
  });

  it('the quiz: a tanh neuron with a = 0.5, weight 2 and δ = −0.4 gets −0.6', () => {
    expect(-0.4 * 2 * derivativeFromOutput('tanh', 0.5)).toBeCloseTo(-0.6, 12);
  });
});

describe('the first playground (circle, 4 and 2 tanh neurons, lr 0.03)', () => {
  let circle: Playground;
  beforeAll(() => {
    circle = play({}, 300, [300]);
  });

  it('epoch 1: 0.708 training, 0.698 test', () => {
    expect(circle.train[0].toFixed(3)).toBe('0.708');
    expect(circle.test[0].toFixed(3)).toBe('0.698');
  });

  it('the test loss is below 0.1 around epoch 58 and below 0.05 around 87; after 300, about 0.006 and 0.015', () => {
    expect(firstBelow(circle.test, 0.1)).toBe(58);
    expect(firstBelow(circle.test, 0.05)).toBe(87);
    expect(circle.train[299].toFixed(3)).toBe('0.006');
    expect(circle.test[299].toFixed(3)).toBe('0.015');
  });

  it('sigmoid: still about 0.41 after 300 (test 0.51)', () => {
    const sigmoid = play({ activation: 'sigmoid' }, 300);
    expect(sigmoid.train[299].toFixed(2)).toBe('0.41');
    expect(sigmoid.test[299].toFixed(2)).toBe('0.51');
  });

  it('sigmoid at 0.479 (the slider nearest 16 × 0.03): test below 0.1 by about epoch 48, as fast as tanh (58); at 0.12, about 172', () => {
    expect(slider(16 * 0.03)).toBe(0.479);
    expect(0.25 ** 2).toBe(1 / 16);
    expect(firstBelow(play({ activation: 'sigmoid', lr: 0.479 }, 60).test, 0.1)).toBe(48);
    expect(slider(4 * 0.03)).toBe(0.12);
    expect(firstBelow(play({ activation: 'sigmoid', lr: 0.12 }, 200).test, 0.1)).toBe(172);
  });

  it('ReLU: test about 0.02 by epoch 300, after training near 0.3 (test near 0.45) from about epoch 40 to 190', () => {
    const relu = play({ activation: 'relu' }, 300);
    expect(relu.test[299].toFixed(2)).toBe('0.02');
    for (const loss of relu.train.slice(39, 190)) expect(Math.abs(loss - 0.3)).toBeLessThan(0.035);
    for (const loss of relu.test.slice(39, 190)) expect(Math.abs(loss - 0.45)).toBeLessThan(0.035);
  });

  it('Linear (none) stops at 0.689, as does a network with no hidden layer', () => {
    expect(play({ activation: 'linear' }, 300).train[299].toFixed(3)).toBe('0.689');
    expect(play({ layers: [] }, 300).train[299].toFixed(3)).toBe('0.689');
  });

  it('quiz 4: at 0.03 about a quarter of the first layer’s outputs lie beyond ±0.99 after 300 epochs', () => {
    expect(Math.round((saturation(circle, 300) * 100) / 5) * 5).toBe(25);
  });
});

describe('what a hidden layer buys: XOR with no hidden layer', () => {
  const xor: Partial<PlaygroundParams> = { dataset: 'xor', layers: [] };

  it('from the third epoch on: training 0.690, test near 0.71', () => {
    const none = play(xor, 300);
    for (const loss of none.train.slice(2)) expect(loss.toFixed(3)).toBe('0.690');
    for (const loss of none.test.slice(2)) expect(loss.toFixed(2)).toBe('0.71');
  });

  it('with x₁x₂: test below 0.1 within 3 epochs, about 0.011 by epoch 200', () => {
    const product = play({ ...xor, features: ['x1', 'x2', 'x1x2'] }, 200);
    expect(firstBelow(product.test, 0.1)).toBeLessThanOrEqual(3);
    expect(product.test[199].toFixed(3)).toBe('0.011');
  });

  it('a hidden layer of 4: test about 0.28 by epoch 100, 0.11 by 300; of 8: below 0.1 by epoch 95', () => {
    const four = play({ ...xor, layers: [4] }, 300);
    expect(four.test[99].toFixed(2)).toBe('0.28');
    expect(four.test[299].toFixed(2)).toBe('0.11');
    expect(firstBelow(play({ ...xor, layers: [8] }, 100).test, 0.1)).toBe(95);
  });

  it('the hidden layer with Linear (none): back at 0.689 (test about 0.71), with 4 neurons or 8', () => {
    for (const size of [4, 8]) {
      const linear = play({ ...xor, layers: [size], activation: 'linear' }, 300);
      expect(linear.train[299].toFixed(3)).toBe('0.689');
      expect(linear.test[299].toFixed(2)).toBe('0.71');
    }
  });

  it('one hidden neuron leaves the test loss near 0.6 after 500 epochs', () => {
    expect(play({ ...xor, layers: [1] }, 500).test[499].toFixed(1)).toBe('0.6');
  });

  it('the circle with no hidden layer: 0.689 (test 0.708); with x₁² and x₂²: test below 0.1 by epoch 34, about 0.018 by 300', () => {
    const plain = play({ layers: [] }, 300);
    expect(plain.train[299].toFixed(3)).toBe('0.689');
    expect(plain.test[299].toFixed(3)).toBe('0.708');
    const squares = play({ layers: [], features: ['x1', 'x2', 'x1Squared', 'x2Squared'] }, 300);
    expect(firstBelow(squares.test, 0.1)).toBe(34);
    expect(squares.test[299].toFixed(3)).toBe('0.018');
  });
});

describe('the two spirals', () => {
  it('the default network on the spirals: test still about 0.72 after 500 epochs', () => {
    expect(play({ dataset: 'spiral' }, 500).test[499].toFixed(2)).toBe('0.72');
  });

  it('all seven features and six layers of 8: test below 0.1 within about 100 epochs, bottoming near 0.06 around 100; training below 0.01 by about 120 and 0.0002 by 1,000; test past 0.1 by 1,000', () => {
    const big = play({ dataset: 'spiral', features: ALL_FEATURES, layers: [8, 8, 8, 8, 8, 8] }, 1000);
    expect(firstBelow(big.test, 0.1)).toBeLessThanOrEqual(100);
    const lowest = Math.min(...big.test);
    expect(lowest.toFixed(2)).toBe('0.06');
    expect(Math.abs(big.test.indexOf(lowest) + 1 - 100)).toBeLessThanOrEqual(15);
    expect(Math.abs(firstBelow(big.train, 0.01) - 120)).toBeLessThanOrEqual(20);
    expect(big.train[999].toFixed(4)).toBe('0.0002');
    expect(big.test[999]).toBeGreaterThan(0.1);
    // Spikes back up along the way.
    expect(big.train.some((loss, k) => k > 0 && loss > 2 * big.train[k - 1])).toBe(true);
  }, 60_000);

  it('six layers on x₁, x₂ only: test never below about 0.2 in 500 epochs', () => {
    const lean = play({ dataset: 'spiral', layers: [8, 8, 8, 8, 8, 8] }, 500);
    expect(Math.min(...lean.test)).toBeGreaterThan(0.2);
    expect(Math.min(...lean.test).toFixed(1)).toBe('0.2');
  });

  it('seven features with layers of 8 and 8: test stays above about 0.23; with 4 and 2, above about 0.25', () => {
    const eight = play({ dataset: 'spiral', features: ALL_FEATURES, layers: [8, 8] }, 500);
    expect(Math.min(...eight.test)).toBeGreaterThan(0.23);
    expect(Math.min(...eight.test)).toBeLessThan(0.25);
    const small = play({ dataset: 'spiral', features: ALL_FEATURES }, 500);
    expect(Math.min(...small.test)).toBeGreaterThan(0.25);
    expect(Math.min(...small.test)).toBeLessThan(0.27);
  });
});

describe('the classic exercise: the spirals from x₁ and x₂ with two layers of 8', () => {
  const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
  /** Test accuracy after each epoch (the model's second trace), per seed 1 … 10. */
  const runs = (settings: Partial<PlaygroundParams>, epochs: number) =>
    SEEDS.map((seed) =>
      train(createMlpPlayground, { ...DEFAULTS, dataset: 'spiral', layers: [8, 8], ...settings, seed } as PlaygroundParams, epochs, {
        seed,
      }).traces.map((t) => t[1]),
    );
  /** The mean over the seeds at each epoch, in percent to one decimal. */
  const means = (accuracies: number[][], epochs: number[]) =>
    epochs.map((e) => ((100 * accuracies.reduce((sum, run) => sum + run[e - 1], 0)) / accuracies.length).toFixed(1));
  let playground: number[][];
  beforeAll(() => {
    playground = runs({ loss: 'squared', init: 'playground' }, 2000);
  }, 900_000);

  it('Glorot’s limits for 2 → 8, 8 → 8 and 8 → 1 are ±0.77, ±0.61 and ±0.82', () => {
    expect([2 + 8, 8 + 8, 8 + 1].map((fans) => Math.sqrt(6 / fans).toFixed(2))).toEqual(['0.77', '0.61', '0.82']);
  });

  it('TensorFlow Playground’s output and start, first data: past 90 % around epoch 800, 96.8 % at epoch 1,000', () => {
    const first = playground[0];
    expect(Math.abs(first.findIndex((a) => a >= 0.9) + 1 - 800)).toBeLessThanOrEqual(25);
    expect((100 * first[999]).toFixed(1)).toBe('96.8');
  });

  it('over the first ten seeds: 79.8 / 91.8 / 95.3 % with TensorFlow Playground’s choices, 72.5 / 83.0 / 89.6 % with the course’s', () => {
    expect(means(playground, [500, 1000, 2000])).toEqual(['79.8', '91.8', '95.3']);
    expect(means(runs({}, 2000), [500, 1000, 2000])).toEqual(['72.5', '83.0', '89.6']);
  }, 900_000);

  it('by epoch 1,000 each change alone helps: 86.6 % with the tanh output alone, 85.4 % with the start alone', () => {
    expect(means(runs({ loss: 'squared' }, 1000), [1000])).toEqual(['86.6']);
    expect(means(runs({ init: 'playground' }, 1000), [1000])).toEqual(['85.4']);
  }, 900_000);
});

describe('the learning rate (the browser’s backend)', () => {
  let fast: Playground;
  beforeAll(() => {
    fast = play({ lr: 3 }, 1000, [300, 1000]);
  });

  it('at 3: about 25 epochs between about 0.2 and 0.7, then between about 0.4 and 0.7; still above 0.5 after 1,000', () => {
    const start = fast.train.slice(0, 25);
    expect(Math.min(...start).toFixed(1)).toBe('0.2');
    expect(Math.max(...start).toFixed(1)).toBe('0.7');
    for (const loss of fast.train.slice(25)) {
      expect(loss).toBeGreaterThan(0.35);
      expect(loss).toBeLessThan(0.75);
    }
    expect(fast.train[999]).toBeGreaterThan(0.5);
  });

  it('at 3: about a quarter of the test points (57 of 250) on the wrong side after 1,000 epochs', () => {
    expect(outputs(fast, 1000, fast.info.test).wrong).toBe(57);
    expect(Math.round((57 / 250) * 4)).toBe(1);
  });

  it('at 3: 97 % or more of the first layer’s outputs beyond ±0.99 after 300 epochs; more than half of the 500 points share one probability', () => {
    expect(saturation(fast, 300)).toBeGreaterThanOrEqual(0.97);
    const all = [...outputs(fast, 300, fast.info.train).p, ...outputs(fast, 300, fast.info.test).p];
    // Equal to six decimals (the model computes in float32, where their saturated paths give one value).
    const counts = new Map<string, number>();
    for (const p of all) counts.set(p.toFixed(6), (counts.get(p.toFixed(6)) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThan(250);
  });

  it('at 10: about 3.2 after the first epoch, never below 0.4', () => {
    const ten = play({ lr: 10 }, 1000);
    expect(ten.train[0].toFixed(1)).toBe('3.2');
    expect(Math.min(...ten.train)).toBeGreaterThan(0.4);
  });

  it('at 0.3 (0.295 on the slider): test below 0.05 by epoch 11, lowest 0.02–0.03 within 50, back to about 0.1; every training point right, 8 or 9 test points wrong, some over 99 % sure', () => {
    expect(slider(0.3)).toBe(0.295);
    const run = play({ lr: 0.295 }, 300, [300]);
    expect(firstBelow(run.test, 0.05)).toBe(11);
    const lowest = Math.min(...run.test.slice(0, 50));
    expect(lowest).toBeGreaterThanOrEqual(0.02);
    expect(lowest).toBeLessThanOrEqual(0.03);
    expect(run.test[299].toFixed(1)).toBe('0.1');
    expect(run.train[299]).toBeLessThan(0.001);
    expect(outputs(run, 300, run.info.train).wrong).toBe(0);
    const test = outputs(run, 300, run.info.test);
    expect([8, 9]).toContain(test.wrong);
    expect(test.confidentlyWrong).toBeGreaterThanOrEqual(2);
  });
});
