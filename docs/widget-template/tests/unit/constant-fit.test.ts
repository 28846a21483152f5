/** The math against finite differences and its closed form, and the trainer against the math. */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSTANT_FIT } from '../../src/ml/constant-fit/contract';
import { gradient, loss, makeData, mean } from '../../src/ml/constant-fit/math';
import { createConstantFit } from '../../src/ml/constant-fit/trainer';
import { defaults } from '../../src/state/params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('constant fit', () => {
  const y = makeData(30, 1, 7);

  it('has the gradient of its loss (central differences)', () => {
    const h = 1e-4;
    for (const c of [-1, 0.5, 3]) expect(gradient(y, c)).toBeCloseTo((loss(y, c + h) - loss(y, c - h)) / (2 * h), 3);
  });

  it('is minimised by the mean', () => {
    expect(gradient(y, mean(y))).toBeCloseTo(0, 6);
  });

  it('trains as the formulas say: c ← c − η·2(c − ȳ)', () => {
    const params = { ...defaults(CONSTANT_FIT.params), lr: 0.1, n: 30, noise: 1 };
    const model = createConstantFit(params, 7);
    let c = 0;
    for (let step = 0; step < 5; step++) {
      const [l, next] = model.step().arraySync() as number[];
      expect(l).toBeCloseTo(loss(y, c), 4);
      c -= 0.1 * gradient(y, c);
      expect(next).toBeCloseTo(c, 4);
    }
    model.dispose();
  });
});
