/**
 * Every number lesson 05 (content/05-svm/{en,zh}.md) quotes, recomputed from the SVM widget's own model:
 * its presets, feature maps (linear and random Fourier features), its tfjs trainer on the cpu backend, and
 * its support-vector and band-width read-outs, which the widget applies to the weights after each step.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makePreset } from '../../../src/ml/shared/classification-data';
import { SVM_PARAMS, type SvmInfo, type SvmParams } from '../../../src/ml/svm/contract';
import {
  decisionValues,
  featureMatrix,
  featuresOf,
  lambdaFor,
  linearFeatures,
  marginWidth,
  randomFourierFeatures,
  RFF_DIMENSION,
  signedLabel,
  subgradient,
  supportVectors,
} from '../../../src/ml/svm/math';
import { createSvm } from '../../../src/ml/svm/trainer';
import { defaults } from '../../../src/state/params';
import { setFiguresBackend, train } from './train';

const DEFAULTS = defaults(SVM_PARAMS) as SvmParams;

interface Snapshot {
  /** J and the training accuracy reported by this step (measured before its update). */
  J: number;
  accuracy: number;
  /** The model after the step, and what the widget shows for it. */
  w: number[];
  b: number;
  width: number;
  supportVectors: number;
  /** Points strictly inside the band (y f < 1). */
  inside: number;
  f: Float64Array;
}

interface SvmRun {
  info: SvmInfo;
  divergedAt?: number;
  at(step: number): Snapshot;
}

function run(settings: Partial<SvmParams>, steps?: number): SvmRun {
  const params = { ...DEFAULTS, ...settings };
  const result = train(createSvm, params, steps ?? params.steps);
  const info = result.info as SvmInfo;
  const Z = featureMatrix(info.features, info.points);
  return {
    info,
    divergedAt: result.divergedAt,
    at(step) {
      const [accuracy, b, ...w] = result.traces[step - 1];
      const f = decisionValues(Z, info.features.dimension, w, b);
      const margins = Array.from(f, (v, i) => signedLabel(info.points.label[i]) * v);
      return {
        J: result.losses[step - 1],
        accuracy,
        w,
        b,
        width: marginWidth(w),
        supportVectors: supportVectors(f, info.points.label).reduce((a, v) => a + v, 0),
        inside: margins.filter((m) => m < 1).length,
        f,
      };
    },
  };
}

/** The subgradient descent of math.ts (the trainer's formula in plain numbers), for other draws. */
function descend(settings: Partial<SvmParams>, seed: number, steps: number) {
  const params = { ...DEFAULTS, ...settings };
  const points = makePreset(params.preset, params.n, seed);
  const map = params.kernel === 'rbf' ? randomFourierFeatures(params.gamma, seed) : linearFeatures();
  const Z = featureMatrix(map, points);
  const lambda = lambdaFor(points.x1.length, params.C);
  let w = new Array<number>(map.dimension).fill(0);
  let b = 0;
  for (let k = 0; k < steps; k++) {
    const g = subgradient(Z, map.dimension, points.label, w, b, lambda);
    w = w.map((wk, j) => wk - params.lr * g.gw[j]);
    b -= params.lr * g.gb;
  }
  const f = decisionValues(Z, map.dimension, w, b);
  return Array.from(f).filter((v, i) => signedLabel(points.label[i]) * v > 0).length / f.length;
}

beforeAll(setFiguresBackend);

describe('the margin and the hinge loss in closed form', () => {
  it('the quiz: y = −1, f = 0.5, ‖w‖ = 2 gives hinge loss 1.5 and distance 0.25', () => {
    expect(Math.max(0, 1 - -1 * 0.5)).toBe(1.5);
    expect(0.5 / 2).toBe(0.25);
  });

  it('J starts at exactly 1; λ = 1/(NC); the band M = 2/‖w‖', () => {
    const points = makePreset('separable', 30, 1);
    const Z = featureMatrix(linearFeatures(), points);
    const f = decisionValues(Z, 2, [0, 0], 0);
    expect(Array.from(f, (v, i) => Math.max(0, 1 - signedLabel(points.label[i]) * v)).reduce((a, b) => a + b) / 60).toBe(1);
    expect(lambdaFor(60, 1)).toBe(1 / 60);
    expect(marginWidth([0.6, 0.8])).toBe(2);
  });

  it('the RBF kernel is e⁻¹ ≈ 0.37 at distance 1/√γ; γ = 10 reaches about 1/√10 ≈ 0.3', () => {
    expect(Math.exp(-1).toFixed(2)).toBe('0.37');
    expect((1 / Math.sqrt(10)).toFixed(1)).toBe('0.3');
  });
});

describe('the first widget (separable, 30 points per class, C = 1, η = 0.1)', () => {
  let sep: SvmRun;
  beforeAll(() => {
    sep = run({});
  });

  it('defaults: linear kernel, 30 points per class (N = 60), C 1, γ 1, η 0.1, 1000 steps', () => {
    const { kernel, preset, n, C, gamma, lr, steps } = DEFAULTS;
    expect({ kernel, preset, n, C, gamma, lr, steps }).toEqual({
      kernel: 'linear',
      preset: 'separable',
      n: 30,
      C: 1,
      gamma: 1,
      lr: 0.1,
      steps: 1000,
    });
  });

  it('one step: w ≈ 0.1·(1, 1), b = 0, ‖w‖ ≈ 0.15, a band about 13.5 wide, all 60 circled; J reads 1 and the accuracy 0 %', () => {
    const one = sep.at(1);
    expect(one.w.map((v) => v.toFixed(1))).toEqual(['0.1', '0.1']);
    expect(one.b).toBe(0);
    expect(Math.hypot(...one.w).toFixed(2)).toBe('0.15');
    expect(one.width.toFixed(1)).toBe('13.5');
    expect(one.supportVectors).toBe(60);
    expect(Array.from(one.f).every((v, i) => signedLabel(sep.info.points.label[i]) * v > 0)).toBe(true);
    expect(one.J).toBe(1);
    expect(one.accuracy).toBe(0);
  });

  it('step 2 reads J about 0.78 and 100 %', () => {
    expect(sep.at(2).J.toFixed(2)).toBe('0.78');
    expect(sep.at(2).accuracy).toBe(1);
  });

  it('the band: about 3 after 5 steps, 2 after 20, settled at about 1.5 by step 1000 with J near 0.017 and 2 or 3 circled', () => {
    expect(Math.round(sep.at(5).width)).toBe(3);
    expect(Math.round(sep.at(20).width)).toBe(2);
    expect(sep.at(1000).width.toFixed(1)).toBe('1.5');
    expect(Math.abs(sep.at(1000).width - sep.at(500).width)).toBeLessThan(0.05);
    expect(sep.at(1000).J.toFixed(3)).toBe('0.017');
    for (const step of [996, 997, 998, 999, 1000]) expect([2, 3]).toContain(sep.at(step).supportVectors);
  });

  it('J is mostly penalty: (1/120)(2/M)² ≈ 0.015 for M ≈ 1.5; the rest is the hinge loss of the two points inside the band', () => {
    const last = sep.at(1000);
    expect(((1 / 120) * (2 / last.width) ** 2).toFixed(3)).toBe('0.015');
    expect(last.inside).toBe(2);
  });

  it('C = 0.1: about 2 wide, 12 circled, 100 %; C = 0.01: about 3.7 wide with some 45 of 60 inside', () => {
    const tenth = run({ C: 0.1 }).at(1000);
    expect(Math.round(tenth.width)).toBe(2);
    expect(tenth.supportVectors).toBe(12);
    expect(tenth.accuracy).toBe(1);
    const hundredth = run({ C: 0.01 }).at(1000);
    expect(hundredth.width.toFixed(1)).toBe('3.7');
    expect(Math.abs(hundredth.supportVectors - 45)).toBeLessThanOrEqual(1);
  });

  it('divergence needs η > 2NC: 120 at 30 per class and C = 1; with 5 per class, C = 0.01 (λ = 10) and η = 0.3 it explodes within about ten steps', () => {
    expect(2 * 60 * 1).toBe(120);
    expect(lambdaFor(10, 0.01)).toBeCloseTo(10, 12);
    const small = run({ n: 5, C: 0.01, lr: 0.3 }, 30);
    expect(small.divergedAt).toBeDefined();
    expect(small.divergedAt!).toBeLessThanOrEqual(12);
  });
});

describe('the mistake: a weight per feature called α, trained on a squared error', () => {
  it('on the four XOR points (±1 labels) every gradient of the squared error at 0 is exactly 0', () => {
    const X = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const y = [-1, 1, 1, -1];
    const residual = y.map((yi) => 0 - yi);
    const gradient = [0, 1].map((j) => X.reduce((s, x, i) => s + x[j] * residual[i], 0));
    expect(gradient).toEqual([0, 0]);
    expect(residual.reduce((a, b) => a + b, 0)).toBe(0);
  });
});

describe('the overlapping widget (C = 0.1)', () => {
  it('a band about 2.2 wide, some 23 support vectors, training accuracy about 93 %', () => {
    const over = run({ preset: 'overlapping', C: 0.1 }).at(1000);
    expect(over.width.toFixed(1)).toBe('2.2');
    expect(over.supportVectors).toBe(23);
    expect(Math.round(over.accuracy * 100)).toBe(93);
  });

  it('C = 10: about 0.7 by step 1000 and still narrowing, about 10 support vectors, accuracy 95 %', () => {
    const ten = run({ preset: 'overlapping', C: 10 }, 1500);
    expect(ten.at(1000).width.toFixed(1)).toBe('0.7');
    expect(ten.at(1500).width).toBeLessThan(ten.at(1000).width);
    expect(ten.at(1000).supportVectors).toBe(10);
    expect(ten.at(1000).accuracy).toBeCloseTo(0.95, 6);
    expect(10 / 0.1).toBe(100);
  });
});

describe('the ring', () => {
  it('disc of radius 1 and ring of 1.8 to 2.6', () => {
    const points = makePreset('ring', 30, 1);
    for (let i = 0; i < 60; i++) {
      const r = Math.hypot(points.x1[i], points.x2[i]);
      if (points.label[i] === 1) expect(r).toBeLessThanOrEqual(1);
      else expect(r >= 1.8 - 1e-6 && r <= 2.6 + 1e-6).toBe(true);
    }
  });

  it('random Fourier features with D = 256 miss the kernel by about 0.05 on average over the pairs of ring points', () => {
    expect(RFF_DIMENSION).toBe(256);
    const points = makePreset('ring', 30, 1);
    const map = randomFourierFeatures(1, 1);
    const Z = featureMatrix(map, points);
    let sum = 0;
    let pairs = 0;
    for (let i = 0; i < 60; i++)
      for (let j = i + 1; j < 60; j++) {
        let dot = 0;
        for (let k = 0; k < 256; k++) dot += Z[i * 256 + k] * Z[j * 256 + k];
        const d2 = (points.x1[i] - points.x1[j]) ** 2 + (points.x2[i] - points.x2[j]) ** 2;
        sum += Math.abs(dot - Math.exp(-d2));
        pairs++;
      }
    expect((sum / pairs).toFixed(2)).toBe('0.05');
  });

  describe('RBF kernel (γ = 1, C = 1)', () => {
    let rbf: SvmRun;
    beforeAll(() => {
      rbf = run({ kernel: 'rbf', preset: 'ring' });
    });

    it('a rough circle of radius about 1.2–1.6; 100 % within about 50 steps', () => {
      const { w, b } = rbf.at(1000);
      const z = new Float32Array(256);
      const score = (x1: number, x2: number) => {
        featuresOf(rbf.info.features, x1, x2, z);
        return z.reduce((s, v, k) => s + v * w[k], b);
      };
      const radii = Array.from({ length: 36 }, (_, a) => {
        const [c, s] = [Math.cos((a * Math.PI) / 18), Math.sin((a * Math.PI) / 18)];
        let r = 0;
        while (score(r * c, r * s) > 0 && r < 3) r += 0.01;
        return r;
      });
      expect(Math.min(...radii)).toBeGreaterThanOrEqual(1.15);
      expect(Math.max(...radii)).toBeLessThanOrEqual(1.65);
      expect(rbf.at(50).accuracy).toBe(1);
      expect(rbf.at(20).accuracy).toBeLessThan(1);
    });

    it('some 16–19 points stay circled; J ends near 0.12', () => {
      for (const step of [996, 997, 998, 999, 1000]) {
        expect(rbf.at(step).supportVectors).toBeGreaterThanOrEqual(16);
        expect(rbf.at(step).supportVectors).toBeLessThanOrEqual(19);
      }
      expect(rbf.at(1000).J.toFixed(2)).toBe('0.12');
    });

    it('γ = 10: some 40–50 support vectors, J around 0.35', () => {
      const narrow = run({ kernel: 'rbf', preset: 'ring', gamma: 10 }).at(1000);
      expect(narrow.supportVectors).toBeGreaterThanOrEqual(40);
      expect(narrow.supportVectors).toBeLessThanOrEqual(50);
      expect(narrow.J.toFixed(2)).toBe('0.35');
    });
  });

  it('linear kernel: about 67 %, J around 0.8, some 50 of 60 inside the band; C = 100 does not help', () => {
    const line = run({ preset: 'ring' }).at(1000);
    expect(Math.round(line.accuracy * 100)).toBe(67);
    expect(line.J.toFixed(1)).toBe('0.8');
    expect(Math.abs(line.inside - 50)).toBeLessThanOrEqual(2);
    const hard = run({ preset: 'ring', C: 100 }).at(1000);
    expect(Math.round(hard.accuracy * 100)).toBe(67);
  });

  it('linear kernel on other draws: two thirds to three quarters', () => {
    const accuracies = Array.from({ length: 20 }, (_, i) => descend({ preset: 'ring' }, i + 2, 1000));
    const inside = accuracies.filter((a) => a >= 0.64 && a <= 0.77).length;
    expect(inside / accuracies.length).toBeGreaterThanOrEqual(0.85);
  });
});
