/**
 * The direct-kernel path runs only on the tfjs it was tested with; on any other version the playground's
 * plain SGD takes the engine path, which must train the same network to the same weights.
 */
import * as tf from '@tensorflow/tfjs';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initWeights, type MlpShape } from '../../src/ml/mlp-playground/mlp';
import { engineNet, kernelSgdNet, type TrainingRows } from '../../src/ml/mlp-playground/nets';
import { createRng } from '../../src/ml/shared/random';
import { directKernelsSupported, TESTED_TFJS_VERSION } from '../../src/ml/tfjs/tested-version';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the tested tfjs version', () => {
  it('is the version installed (package.json pins it exactly)', () => {
    expect(tf.version_core).toBe(TESTED_TFJS_VERSION);
    expect(version_wasm).toBe(TESTED_TFJS_VERSION);
    expect(directKernelsSupported()).toBe(true);
  });

  it('refuses any other version of tfjs-core or of the wasm backend', () => {
    expect(directKernelsSupported(['4.22.0', '4.22.0'])).toBe(true);
    expect(directKernelsSupported(['4.23.0', '4.22.0'])).toBe(false);
    expect(directKernelsSupported(['4.22.0', '5.0.0'])).toBe(false);
    expect(directKernelsSupported(['4.22.0-rc.1', '4.22.0'])).toBe(false);
  });
});

describe('the engine path for plain SGD', () => {
  it('trains the playground network to the same weights as the direct-kernel path', () => {
    const shape: MlpShape = { sizes: [2, 4, 3, 1], activation: 'tanh', task: 'classification' };
    const random = createRng(7);
    const n = 40;
    const all = Float32Array.from({ length: 2 * n }, () => 2 * random() - 1);
    const labels = Float32Array.from({ length: n }, (_, i) => (all[2 * i] * all[2 * i + 1] > 0 ? 1 : 0));
    const rows: TrainingRows = { all, labels, trainCount: 30, columns: 2, batch: 8 };
    const initial = initWeights(shape, 3);
    const settings = { lr: 0.1, regularization: 'l2' as const, regRate: 0.01 };
    const direct = kernelSgdNet(shape, initial, rows);
    const engine = engineNet(shape, initial, rows, 'sgd', settings.lr);
    for (let epoch = 0; epoch < 5; epoch++) {
      direct.epoch(settings);
      engine.epoch(settings);
    }
    const [a, b] = [direct.weights(), engine.weights()];
    const moved = Math.abs(a.W[0][0] - initial.W[0][0]);
    expect(moved).toBeGreaterThan(1e-3);
    for (let l = 0; l < a.W.length; l++) {
      a.W[l].forEach((w, i) => expect(b.W[l][i]).toBeCloseTo(w, 5));
      a.b[l].forEach((w, i) => expect(b.b[l][i]).toBeCloseTo(w, 5));
    }
    direct.dispose();
    engine.dispose();
  });
});
