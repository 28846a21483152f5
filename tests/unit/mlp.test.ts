/**
 * The MLP's gradients three ways: the backpropagation formulas in plain numbers (ml/mlp-playground/mlp.ts), the same formulas
 * as tfjs ops (network.ts), and central finite differences / tfjs's own autodiff.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accuracyFromOutput,
  dataLossFromOutput,
  outputTarget,
  probabilityFromLogit,
  activate,
  derivativeFromOutput,
  forward,
  initWeights,
  lossAndGradients,
  type Activation,
  type MlpShape,
  type MlpWeights,
  type Regularization,
} from '../../src/ml/mlp-playground/mlp';
import { MlpNetwork } from '../../src/ml/mlp-playground/network';
import { createRng, gaussian } from '../../src/ml/shared/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function batch(n: number, inputs: number, seed: number) {
  const rng = createRng(seed);
  const X = Float32Array.from({ length: n * inputs }, () => gaussian(rng));
  // Labels by the sign of x₁·x₂ (every shape here has at least two inputs).
  const y = Float32Array.from({ length: n }, (_, i) => (X[i * inputs] * X[i * inputs + 1] > 0 ? 1 : 0));
  return { X, y };
}

function perturbed(weights: MlpWeights, which: 'W' | 'b', l: number, k: number, h: number): MlpWeights {
  const copy = { W: weights.W.map((w) => Float32Array.from(w)), b: weights.b.map((b) => Float32Array.from(b)) };
  copy[which][l][k] += h;
  return copy;
}

const CASES: [string, MlpShape, Regularization, number][] = [
  ['two-layer tanh classifier', { sizes: [2, 3, 1], activation: 'tanh', task: 'classification' }, 'none', 0],
  ['two-layer sigmoid classifier with L2', { sizes: [2, 4, 1], activation: 'sigmoid', task: 'classification' }, 'l2', 0.1],
  ['deeper ReLU classifier with L1', { sizes: [3, 5, 4, 1], activation: 'relu', task: 'classification' }, 'l1', 0.01],
  ['linear-activation regressor', { sizes: [2, 3, 1], activation: 'linear', task: 'regression' }, 'l2', 0.05],
  [
    'tanh output on squared error (TensorFlow Playground’s classifier) with L2',
    { sizes: [2, 4, 3, 1], activation: 'tanh', task: 'classification', loss: 'squared' },
    'l2',
    0.01,
  ],
];

describe('activations', () => {
  it.each(['relu', 'tanh', 'sigmoid', 'linear'] as Activation[])(
    '%s: the derivative from the output matches finite differences',
    (kind) => {
      for (const z of [-1.3, -0.2, 0.4, 2.1]) {
        const h = 1e-6;
        const numeric = (activate(kind, z + h) - activate(kind, z - h)) / (2 * h);
        expect(derivativeFromOutput(kind, activate(kind, z))).toBeCloseTo(numeric, 6);
      }
    },
  );
});

describe.each(CASES)('%s', (_, shape, regularization, rate) => {
  const weights = initWeights(shape, 7);
  // Biases away from 0 so every term of the formulas is exercised.
  weights.b.forEach((b, l) => b.forEach((_, j) => (b[j] = 0.1 * (j + 1) * (l % 2 ? -1 : 1))));
  const { X, y } = batch(6, shape.sizes[0], 3);

  it('backpropagation in plain numbers matches central finite differences', () => {
    const { dW, db } = lossAndGradients(shape, weights, X, y, regularization, rate);
    const h = 1e-3;
    const loss = (w: MlpWeights) => lossAndGradients(shape, w, X, y, regularization, rate).loss;
    for (let l = 0; l < weights.W.length; l++) {
      for (let k = 0; k < weights.W[l].length; k++) {
        const numeric = (loss(perturbed(weights, 'W', l, k, h)) - loss(perturbed(weights, 'W', l, k, -h))) / (2 * h);
        expect(dW[l][k], `dW[${l}][${k}]`).toBeCloseTo(numeric, 3);
      }
      for (let k = 0; k < weights.b[l].length; k++) {
        const numeric = (loss(perturbed(weights, 'b', l, k, h)) - loss(perturbed(weights, 'b', l, k, -h))) / (2 * h);
        expect(db[l][k], `db[${l}][${k}]`).toBeCloseTo(numeric, 3);
      }
    }
  });

  it('the tfjs backward pass computes the same loss and gradients, and so does tfjs autodiff', () => {
    const reference = lossAndGradients(shape, weights, X, y, regularization, rate);
    const network = new MlpNetwork(shape, weights);
    tf.tidy(() => {
      const Xt = tf.tensor2d(X, [y.length, shape.sizes[0]]);
      const yt = tf.tensor1d(y);
      const { dW, db } = network.gradients(Xt, yt, regularization, rate);
      expect(network.loss(Xt, yt, regularization, rate).dataSync()[0]).toBeCloseTo(reference.loss, 5);
      dW.forEach((g, l) => g.dataSync().forEach((v, k) => expect(v, `dW[${l}][${k}]`).toBeCloseTo(reference.dW[l][k], 5)));
      db.forEach((g, l) => g.dataSync().forEach((v, k) => expect(v, `db[${l}][${k}]`).toBeCloseTo(reference.db[l][k], 5)));

      const auto = tf.variableGrads(() => network.loss(Xt, yt, regularization, rate), network.variables);
      network.W.forEach((W, l) =>
        auto.grads[W.name].dataSync().forEach((v, k) => expect(v, `autodiff dW[${l}][${k}]`).toBeCloseTo(reference.dW[l][k], 5)),
      );
      network.b.forEach((b, l) =>
        auto.grads[b.name].dataSync().forEach((v, k) => expect(v, `autodiff db[${l}][${k}]`).toBeCloseTo(reference.db[l][k], 5)),
      );
    });
    network.dispose();
  });

  it('the tfjs forward pass predicts what the plain one does', () => {
    const network = new MlpNetwork(shape, weights);
    // A tanh output stands for the probability (1 + o)/2.
    const squared = shape.loss === 'squared';
    const expected = forward(shape, weights, X)
      .at(-1)!
      .map((o) => (squared ? (1 + o) / 2 : o));
    tf.tidy(() => {
      network
        .predict(tf.tensor2d(X, [y.length, shape.sizes[0]]))
        .dataSync()
        .forEach((v, i) => expect(v).toBeCloseTo(expected[i], 5));
    });
    network.dispose();
  });
});

describe('the penalties', () => {
  it('L2 adds λw and L1 adds λ·sign(w) to every weight gradient, not to biases', () => {
    const shape: MlpShape = { sizes: [2, 2, 1], activation: 'tanh', task: 'classification' };
    const weights = initWeights(shape, 1);
    const { X, y } = batch(4, 2, 9);
    const plain = lossAndGradients(shape, weights, X, y);
    const l2 = lossAndGradients(shape, weights, X, y, 'l2', 0.3);
    const l1 = lossAndGradients(shape, weights, X, y, 'l1', 0.3);
    weights.W.forEach((W, l) =>
      W.forEach((w, k) => {
        expect(l2.dW[l][k] - plain.dW[l][k]).toBeCloseTo(0.3 * w, 10);
        expect(l1.dW[l][k] - plain.dW[l][k]).toBeCloseTo(0.3 * Math.sign(w), 10);
      }),
    );
    expect(l2.db).toEqual(plain.db);
    const sumSquares = weights.W.reduce((s, W) => s + W.reduce((t, w) => t + w * w, 0), 0);
    expect(l2.loss - plain.loss).toBeCloseTo((0.3 * sumSquares) / 2, 10);
  });
});

describe('TensorFlow Playground’s classifier and start', () => {
  const shape: MlpShape = { sizes: [2, 8, 8, 1], activation: 'tanh', task: 'classification', loss: 'squared' };

  it('the loss is ½(tanh z − t)² with t = ±1, and z > 0 is a vote for class 1', () => {
    // z = 0: o = 0, ½(0 − 1)² = ½ for label 1, the same for label 0 (t = −1); z = atanh(0.5): ½(0.5 − 1)² and ½(0.5 + 1)².
    const z = [0, 0, Math.atanh(0.5), Math.atanh(0.5)];
    const y = [1, 0, 1, 0];
    expect(dataLossFromOutput('tanh', z, y)).toBeCloseTo((0.5 + 0.5 + 0.125 + 1.125) / 4, 12);
    expect(outputTarget('tanh', 0)).toBe(-1);
    expect(probabilityFromLogit('tanh', Math.atanh(0.5))).toBeCloseTo(0.75, 12);
    expect(accuracyFromOutput([0.3, -2, 1, -0.1], [1, 0, 0, 1])).toBe(0.5);
  });

  it('its start draws the same numbers as Glorot’s, scaled to ±0.5, with biases 0.1', () => {
    const glorot = initWeights(shape, 11, 'glorot');
    const playground = initWeights(shape, 11, 'playground');
    playground.W.forEach((W, l) => {
      const limit = Math.sqrt(6 / (shape.sizes[l] + shape.sizes[l + 1]));
      W.forEach((w, k) => {
        expect(Math.abs(w)).toBeLessThanOrEqual(0.5);
        expect(w).toBeCloseTo((glorot.W[l][k] / limit) * 0.5, 6);
      });
      playground.b[l].forEach((b) => expect(b).toBeCloseTo(0.1, 7));
    });
  });
});
