/**
 * Every number lesson 07 (content/07-loss-regularization/{en,zh}.md) quotes, recomputed: the widget's figures
 * from its own trainer with the settings the text states (the defaults, seed 1, 3,000 steps unless it says
 * otherwise) on both backends the course trains on, cpu and wasm, so a figure is quoted at a precision
 * both give; the hand calculations with the widget's tfjs-free math. Nothing is parsed from the Markdown:
 * each expectation is the value written in the text, so a change on either side fails here.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, useBackend } from '../../bench/backends';
import {
  OVERFITTING_PARAMS,
  TRACE_NEW_DATA,
  TRACE_THETA,
  TRACE_TRAIN,
  TRACE_VALIDATION,
  type OverfittingParams,
} from '../../../src/ml/overfitting/contract';
import { expectedMse } from '../../../src/ml/overfitting/expected-error';
import {
  makeOverfittingData,
  mse,
  predict,
  ridgeFit,
  UNLUCKY_VALIDATION,
  VALIDATION_POINTS,
  type Dataset1D,
} from '../../../src/ml/overfitting/math';
import { createOverfitting } from '../../../src/ml/overfitting/trainer';
import { bestStep, stopStep } from '../../../src/ml/shared/early-stopping';
import { defaults } from '../../../src/state/params';

const DEFAULTS = defaults(OVERFITTING_PARAMS);
/** The figure as the text prints it: `digits` decimals. */
const fixed = (value: number, digits: number) => (value + 0).toFixed(digits);

interface Run {
  /** Per step (1-based: index s − 1), all measured before that step's update. */
  train: number[];
  validation: number[];
  newData: number[];
  /** The training objective: MSE + penalty. */
  loss: number[];
  theta: number[][];
}

/** Trains the widget's model from the defaults with `overrides`, reading back every 250 steps as the worker batches. */
function train(
  overrides: Partial<OverfittingParams>,
  steps = DEFAULTS.steps,
  live?: (step: number) => Partial<OverfittingParams> | undefined,
): Run {
  const model = createOverfitting({ ...DEFAULTS, ...overrides }, DEFAULTS.seed);
  const run: Run = { train: [], validation: [], newData: [], loss: [], theta: [] };
  for (let done = 0; done < steps;) {
    const records: tf.Tensor1D[] = [];
    while (records.length < 250 && done < steps) {
      const change = live?.(done + 1);
      if (change) model.setLive(change);
      records.push(model.step());
      done++;
    }
    const stacked = tf.stack(records);
    const flat = stacked.dataSync();
    const width = flat.length / records.length;
    tf.dispose([stacked, ...records]);
    for (let r = 0; r < records.length; r++) {
      const row = Array.from(flat.subarray(r * width, (r + 1) * width));
      run.loss.push(row[0]);
      run.train.push(row[1 + TRACE_TRAIN]);
      run.validation.push(row[1 + TRACE_VALIDATION]);
      run.newData.push(row[1 + TRACE_NEW_DATA]);
      run.theta.push(row.slice(1 + TRACE_THETA));
    }
  }
  model.dispose();
  return run;
}

const weights = (theta: number[]) => theta.slice(1);
const norm = (theta: number[]) => Math.hypot(...weights(theta));
const at = <T>(series: T[], step: number) => series[step - 1];
const last = <T>(series: T[]) => series[series.length - 1];

for (const backend of BACKENDS) {
  describe(`the widget's figures on ${backend}`, () => {
    const cache = new Map<string, Run>();
    /** One run per setting, shared by the tests that quote it. */
    const run = (overrides: Partial<OverfittingParams> = {}) => {
      const key = JSON.stringify(overrides);
      if (!cache.has(key)) cache.set(key, train(overrides));
      return cache.get(key)!;
    };
    beforeAll(useBackend(backend));

    it('the note: n = 12, σ = 0.2, 40 validation points, degree 12, Adam at 0.05, 3,000 steps; the unlucky set is 8 points in (−0.7, 0.7)', () => {
      expect([DEFAULTS.n, DEFAULTS.noise, VALIDATION_POINTS, DEFAULTS.degree, DEFAULTS.lr, DEFAULTS.steps]).toEqual([
        12, 0.2, 40, 12, 0.05, 3000,
      ]);
      expect([DEFAULTS.penalty, DEFAULTS.unluckyValidation, DEFAULTS.seed]).toEqual(['none', false, 1]);
      expect(UNLUCKY_VALIDATION).toEqual({ points: 8, range: [-0.7, 0.7] });
    });

    it('the cubic: flat after about 300 steps at training 0.028, validation 0.090, new data 0.098', () => {
      const cubic = run({ degree: 3 });
      expect(fixed(last(cubic.train), 3)).toBe('0.028');
      expect(fixed(last(cubic.validation), 3)).toBe('0.090');
      expect(fixed(last(cubic.newData), 3)).toBe('0.098');
      expect(fixed(at(cubic.train, 300), 3)).toBe('0.028');
      expect(Math.abs(at(cubic.validation, 300) - last(cubic.validation))).toBeLessThan(0.001);
    });

    it('degree 12: step 100 at 0.046 / 0.112; validation lowest at step 179 (0.104, training 0.033); new data lowest at step 194 (0.110), 0.111 at step 179', () => {
      const plain = run();
      expect(fixed(at(plain.train, 100), 3)).toBe('0.046');
      expect(fixed(at(plain.validation, 100), 3)).toBe('0.112');
      expect(bestStep(plain.validation)).toBe(179);
      expect(fixed(at(plain.validation, 179), 3)).toBe('0.104');
      expect(fixed(at(plain.train, 179), 3)).toBe('0.033');
      expect(bestStep(plain.newData)).toBe(194);
      expect(fixed(at(plain.newData, 194), 3)).toBe('0.110');
      expect(fixed(at(plain.newData, 179), 3)).toBe('0.111');
    });

    it('degree 12 at step 3,000: training 0.013 (a third of σ² = 0.04), validation 0.50 (nearly five times its best), new data 0.48', () => {
      const plain = run();
      expect(fixed(last(plain.train), 3)).toBe('0.013');
      expect(last(plain.train) / 0.2 ** 2).toBeCloseTo(1 / 3, 1);
      expect(fixed(last(plain.validation), 2)).toBe('0.50');
      const ratio = last(plain.validation) / at(plain.validation, 179);
      expect(ratio).toBeGreaterThan(4.5);
      expect(ratio).toBeLessThan(5);
      expect(fixed(last(plain.newData), 2)).toBe('0.48');
    });

    it('degree 1 underfits (training 0.116, validation 0.302); the cubic has the lowest validation loss of the three; n = 40 gives 0.027 / 0.052', () => {
      const line = run({ degree: 1 });
      expect(fixed(last(line.train), 3)).toBe('0.116');
      expect(fixed(last(line.validation), 3)).toBe('0.302');
      const cubic = Math.min(...run({ degree: 3 }).validation);
      expect(cubic).toBeLessThan(Math.min(...run().validation));
      expect(cubic).toBeLessThan(Math.min(...line.validation));
      const more = run({ n: 40 });
      expect(fixed(last(more.train), 3)).toBe('0.027');
      expect(fixed(last(more.validation), 3)).toBe('0.052');
    });

    it('patience: a bump from 0.524 (step 2) to 0.634 (step 12) while training falls 0.492 → 0.273, below 0.524 again only at step 18', () => {
      const { validation, train: trainMse } = run();
      expect(fixed(at(validation, 2), 3)).toBe('0.524');
      expect(fixed(at(validation, 12), 3)).toBe('0.634');
      expect(Math.max(...validation.slice(1, 18))).toBe(at(validation, 12));
      expect(fixed(at(trainMse, 2), 3)).toBe('0.492');
      expect(fixed(at(trainMse, 12), 3)).toBe('0.273');
      const below = validation.findIndex((v, i) => i > 1 && v < at(validation, 2)) + 1;
      expect(below).toBe(18);
    });

    it('patience up to 15 keeps step 2, hardly better than the start (patience 10: stop at 12); 16 or more stops at 179 + patience and keeps 179; patience 100 without restoring: step 279 at 0.115', () => {
      const { validation } = run();
      for (let patience = 1; patience <= 15; patience++) expect(stopStep(validation, patience)! - patience).toBe(2);
      // The step-2 model is hardly better on new data than the flat line θ = 0 measured at step 1.
      expect(at(run().newData, 2)).toBeGreaterThan(0.9 * at(run().newData, 1));
      expect(stopStep(validation, 10)).toBe(12);
      for (const patience of [16, 50, 100, 300, 1000, 2800]) expect(stopStep(validation, patience)).toBe(179 + patience);
      expect(bestStep(validation)).toBe(179);
      expect(stopStep(validation, 100)).toBe(279);
      expect(fixed(at(validation, 279), 3)).toBe('0.115');
    });

    it('‖w‖₂ is 2.6 at step 179 and 15.0 at step 3,000; then w₄ ≈ 7.5, w₅ ≈ −7.3', () => {
      const { theta } = run();
      expect(fixed(norm(at(theta, 179)), 1)).toBe('2.6');
      expect(fixed(norm(last(theta)), 1)).toBe('15.0');
      expect(fixed(last(theta)[4], 1)).toBe('7.5');
      expect(fixed(last(theta)[5], 1)).toBe('-7.3');
    });

    it('the unlucky set: validation falls at every step to 588 (0.054), 0.070 at step 3,000; patience 1 keeps 588', () => {
      const unlucky = run({ unluckyValidation: true });
      for (let step = 2; step <= 588; step++) expect(at(unlucky.validation, step)).toBeLessThan(at(unlucky.validation, step - 1));
      expect(bestStep(unlucky.validation)).toBe(588);
      expect(fixed(at(unlucky.validation, 588), 3)).toBe('0.054');
      expect(fixed(last(unlucky.validation), 3)).toBe('0.070');
      expect(stopStep(unlucky.validation, 1)).toBe(589);
    });

    it('the unlucky set: new data as before, lowest at step 194 (0.110); 0.21 at step 588 (almost twice; nearly four times its validation score), 0.48 at 3,000; −2.8 at x = −1', () => {
      const unlucky = run({ unluckyValidation: true });
      expect(bestStep(unlucky.newData)).toBe(194);
      expect(fixed(at(unlucky.newData, 194), 3)).toBe('0.110');
      expect(fixed(at(unlucky.newData, 588), 2)).toBe('0.21');
      const twice = at(unlucky.newData, 588) / at(unlucky.newData, 194);
      expect(twice).toBeGreaterThan(1.8);
      expect(twice).toBeLessThan(2);
      const four = at(unlucky.newData, 588) / at(unlucky.validation, 588);
      expect(four).toBeGreaterThan(3.6);
      expect(four).toBeLessThan(4);
      expect(fixed(last(unlucky.newData), 2)).toBe('0.48');
      expect(fixed(predict(at(unlucky.theta, 588), -1), 1)).toBe('-2.8');
      // The same training as the default run: only the validation points differ.
      expect(unlucky.train).toEqual(run().train);
    });

    it('L2 at λ = 0.001: validation low 0.108 at step 170, ends at 0.126; training 0.024; penalty 0.010; ‖w‖₂ 3.2; on the exact minimum', () => {
      const l2 = run({ penalty: 'l2', lambda: 0.001 });
      expect(bestStep(l2.validation)).toBe(170);
      expect(fixed(at(l2.validation, 170), 3)).toBe('0.108');
      expect(fixed(last(l2.validation), 3)).toBe('0.126');
      expect(fixed(last(l2.train), 3)).toBe('0.024');
      expect(fixed(last(l2.loss) - last(l2.train), 3)).toBe('0.010');
      expect(fixed(norm(last(l2.theta)), 1)).toBe('3.2');
      const exact = ridgeFit(makeOverfittingData(12, 0.2, 1).train, 12, 0.001)!;
      for (let x = -1; x <= 1; x += 0.1) expect(Math.abs(predict(last(l2.theta), x) - predict(exact, x))).toBeLessThan(0.01);
    });

    it('λ sweep: 0.003 → 0.031 / 0.114 (the lowest), 0.01 → 0.045 / 0.131, 0.1 → 0.135 / 0.28 (‖w‖₂ 0.9), 0.0003 → 0.020 / 0.170; new data ranks them alike', () => {
      // The validation figure at λ = 0.1 is 0.2786 on cpu and 0.2784 on wasm: two decimals.
      const quoted: [number, string, string][] = [
        [0.003, '0.031', '0.114'],
        [0.01, '0.045', '0.131'],
        [0.1, '0.135', '0.28'],
        [0.0003, '0.020', '0.170'],
      ];
      for (const [lambda, trainMse, validation] of quoted) {
        const r = run({ penalty: 'l2', lambda });
        expect(fixed(last(r.train), 3), `λ ${lambda}`).toBe(trainMse);
        expect(fixed(last(r.validation), validation.length - 2), `λ ${lambda}`).toBe(validation);
      }
      expect(fixed(norm(last(run({ penalty: 'l2', lambda: 0.1 }).theta)), 1)).toBe('0.9');
      const lambdas = [0.0003, 0.001, 0.003, 0.01, 0.1];
      const order = (series: (r: Run) => number[]) =>
        lambdas
          .map((lambda) => ({ lambda, v: last(series(run({ penalty: 'l2', lambda }))) }))
          .sort((a, b) => a.v - b.v)
          .map((e) => e.lambda);
      expect(order((r) => r.validation)).toEqual([0.003, 0.001, 0.01, 0.0003, 0.1]);
      expect(order((r) => r.newData)).toEqual(order((r) => r.validation));
    });

    it('L2 switched on live at step 2,000 (validation 0.38): back near 0.13 within about a hundred steps', () => {
      const live = train({}, 2100, (step) => (step === 2001 ? { penalty: 'l2' } : undefined));
      expect(fixed(at(live.validation, 2000), 2)).toBe('0.38');
      expect(fixed(at(live.validation, 2100), 2)).toBe('0.13');
    });

    it('L1 at λ = 0.001: by step 1,500 w₁ ≈ 2.6, w₃ ≈ −2.9, w₈ ≈ −0.4, w₁₁ ≈ 1.5, the rest within a few hundredths of 0; ends at validation 0.14, training 0.021', () => {
      const l1 = run({ penalty: 'l1', lambda: 0.001 });
      const w = weights(at(l1.theta, 1500));
      expect([w[0], w[2], w[7], w[10]].map((v) => fixed(v, 1))).toEqual(['2.6', '-2.9', '-0.4', '1.5']);
      w.forEach((v, k) => {
        if (![0, 2, 7, 10].includes(k)) expect(Math.abs(v), `w${k + 1}`).toBeLessThan(0.05);
      });
      expect(fixed(last(l1.validation), 2)).toBe('0.14');
      expect(fixed(last(l1.train), 3)).toBe('0.021');
    });

    it('from step 1,500 the count of weights near 0 (|wₖ| < 0.01) is mostly 6 or 7 under L1, 1 under L2 at the same λ', () => {
      const counts = (r: Run) => r.theta.slice(1500).map((theta) => weights(theta).filter((v) => Math.abs(v) < 0.01).length);
      const l1 = counts(run({ penalty: 'l1', lambda: 0.001 }));
      const share = (low: number) => l1.filter((c) => c === low || c === low + 1).length / l1.length;
      expect(share(6)).toBeGreaterThan(0.5);
      for (const low of [3, 4, 5, 7, 8, 9]) expect(share(low), `${low} or ${low + 1}`).toBeLessThan(share(6));
      const l2 = counts(run({ penalty: 'l2', lambda: 0.001 }));
      expect(l2.filter((c) => c === 1).length).toBeGreaterThan(0.95 * l2.length);
    });

    it('L1 at λ = 0.1: only w₁ survives, ŷ ≈ −0.17 + 1.0x, training 0.12, validation 0.28', () => {
      const l1 = run({ penalty: 'l1', lambda: 0.1 });
      const theta = last(l1.theta);
      expect(fixed(theta[0], 2)).toBe('-0.17');
      expect(fixed(theta[1], 1)).toBe('1.0');
      weights(theta)
        .slice(1)
        .forEach((v) => expect(Math.abs(v)).toBeLessThan(0.02));
      expect(fixed(last(l1.train), 2)).toBe('0.12');
      expect(fixed(last(l1.validation), 2)).toBe('0.28');
    });
  });
}

describe('hand calculations', () => {
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

  it('the sigmoid table: p, cross-entropy p − y and squared error 2(p − y)p(1 − p) for y = 1', () => {
    const row = (z: number) => {
      const p = sigmoid(z);
      return [p, p - 1, 2 * (p - 1) * p * (1 - p)];
    };
    const [a, b, c] = [row(-2), row(-5), row(-10)];
    expect([fixed(a[0], 3), fixed(a[1], 3), fixed(a[2], 3)]).toEqual(['0.119', '-0.881', '-0.185']);
    expect([fixed(b[0], 4), fixed(b[1], 3), fixed(b[2], 3)]).toEqual(['0.0067', '-0.993', '-0.013']);
    expect([fixed(c[0], 6), fixed(c[1], 3), fixed(c[2], 5)]).toEqual(['0.000045', '-1.000', '-0.00009']);
  });

  it('x¹² reaches 2.4 × 10⁸ on [0, 5]', () => {
    expect(fixed(5 ** 12 / 1e8, 1)).toBe('2.4');
  });

  it('eight uniform points all land in (−0.7, 0.7) with probability 0.7⁸ ≈ 6 %', () => {
    expect(Math.round(100 * 0.7 ** 8)).toBe(6);
  });

  it('one weight with loss (w − c)²: L2 gives c/(1 + λ), L1 sign(c)·max(|c| − λ/2, 0)', () => {
    const argmin = (f: (w: number) => number) => {
      let best = 0;
      for (let w = -3; w <= 3; w += 1e-4) if (f(w) < f(best)) best = w;
      return best;
    };
    for (const [c, lambda] of [
      [2, 0.5],
      [-1, 1],
      [0.3, 1],
    ]) {
      expect(argmin((w) => (w - c) ** 2 + lambda * w ** 2)).toBeCloseTo(c / (1 + lambda), 3);
      expect(argmin((w) => (w - c) ** 2 + lambda * Math.abs(w))).toBeCloseTo(Math.sign(c) * Math.max(Math.abs(c) - lambda / 2, 0), 3);
    }
  });

  it('quiz 2: η = 0.1, λ = 0.5, w = 2 with no MSE gradient: L2 gives 1.8, the λ/2 convention 1.9, L1 1.95', () => {
    const [eta, lambda, w] = [0.1, 0.5, 2];
    expect(w - eta * 2 * lambda * w).toBeCloseTo(1.8, 12);
    expect(1 - 2 * eta * lambda).toBeCloseTo(0.9, 12);
    expect(w - eta * lambda * w).toBeCloseTo(1.9, 12);
    expect(w - eta * lambda * Math.sign(w)).toBeCloseTo(1.95, 12);
  });

  describe('4-fold cross-validation on the 12 default training points', () => {
    const { train } = makeOverfittingData(12, 0.2, 1);
    const order = [...train.x.keys()].sort((a, b) => train.x[a] - train.x[b]);
    const subset = (indices: number[]): Dataset1D => ({
      x: Float64Array.from(indices, (i) => train.x[i]),
      y: Float64Array.from(indices, (i) => train.y[i]),
    });
    /** Fold j (0-based) holds points j + 1, j + 5, j + 9 counted from the left. */
    const fold = (j: number) => [j, j + 4, j + 8].map((rank) => order[rank]);
    const scores = (degree: number) =>
      [0, 1, 2, 3].map((j) => {
        const held = fold(j);
        const fit = ridgeFit(subset(order.filter((i) => !held.includes(i))), degree)!;
        return mse(subset(held), fit);
      });
    const table: [number, string[], string][] = [
      [1, ['0.196', '0.086', '0.071', '0.289'], '0.161'],
      [3, ['0.098', '0.079', '0.014', '0.120'], '0.078'],
      [5, ['3.321', '0.061', '0.024', '0.118'], '0.881'],
    ];

    it('the table: each fold and the mean, for degrees 1, 3 and 5', () => {
      for (const [degree, folds, cv] of table) {
        const s = scores(degree);
        expect(
          s.map((v) => fixed(v, 3)),
          `degree ${degree}`,
        ).toEqual(folds);
        expect(fixed(s.reduce((a, b) => a + b) / 4, 3), `degree ${degree}`).toBe(cv);
      }
    });

    it('the leftmost point, in fold 1, is at x = −0.90', () => {
      expect(fixed(train.x[order[0]], 2)).toBe('-0.90');
    });

    it('each degree fitted to all 12 points has an expected MSE on new data of 0.29, 0.10 and 0.11', () => {
      expect([1, 3, 5].map((degree) => fixed(expectedMse(ridgeFit(train, degree)!, 0.2), 2))).toEqual(['0.29', '0.10', '0.11']);
    });
  });
});
