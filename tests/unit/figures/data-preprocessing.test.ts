/**
 * Every number lesson 08 (content/08-data-preprocessing/{en,zh}.md) quotes, recomputed from the
 * normalization widget's own model: its data, scalings, conditioning and least-squares answer (plain
 * TypeScript), its tfjs trainer on the cpu backend, and the widget's own reading of a run ("within 1 % at
 * step n", "out at step n": run-summary.ts). The split and leakage examples are computed by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromTrack, toTrack } from '../../../src/controls/slider-scale';
import { NORMALIZATION_PARAMS, type NormalizationInfo, type NormalizationParams } from '../../../src/ml/normalization/contract';
import {
  conditioning,
  leastSquares,
  makeNormalizationData,
  mse,
  N_POINTS,
  scaleProblem,
  toOriginalUnits,
  TRUE_MODEL,
  X1_RANGE,
  X2_RANGE,
  type Scaling,
} from '../../../src/ml/normalization/math';
import { createNormalization } from '../../../src/ml/normalization/trainer';
import { fitStandardizer } from '../../../src/ml/shared/preprocessing';
import { defaults, type NumberSpec } from '../../../src/state/params';
import { runSummary, type RunSummary } from '../../../src/widgets/normalization/run-summary';
import { setFiguresBackend, train } from './train';

const DEFAULTS = defaults(NORMALIZATION_PARAMS) as NormalizationParams;
const LR_SPEC = NORMALIZATION_PARAMS.find((p) => p.key === 'lr') as NumberSpec;
const slider = (value: number) => fromTrack(LR_SPEC, toTrack(LR_SPEC, value));

interface Race {
  info: NormalizationInfo;
  raw: RunSummary;
  scaled: RunSummary;
}

/** Trains both runs as the widget does and reads them as its table does. */
function race(settings: Partial<NormalizationParams>, steps?: number): Race {
  const params = { ...DEFAULTS, ...settings };
  const result = train(createNormalization, params, steps ?? params.steps);
  const info = result.info as NormalizationInfo;
  const width = result.traces[0].length;
  const initial = [info.startLoss, info.startLoss, ...info.runs[0].start, ...info.runs[1].start, 0, 0];
  const traces = [...initial, ...result.traces.flat()];
  expect(traces.length).toBe(width * (result.traces.length + 1));
  return { info, raw: runSummary(traces, width, 0, info.nearOptimum), scaled: runSummary(traces, width, 1, info.nearOptimum) };
}

const problem = (scaling: Scaling, outlier = false) => scaleProblem(makeNormalizationData(1, 0.5, outlier), scaling);

beforeAll(setFiguresBackend);

describe('the data and the two scalings', () => {
  it('50 examples, x₁ on [0, 5], x₂ on [0, 0.25] (twenty times smaller), y = 1 + 0.6x₁ + 12x₂ + ε, noise 0.5; lr 0.08, 400 steps', () => {
    expect(N_POINTS).toBe(50);
    expect(X1_RANGE).toEqual([0, 5]);
    expect(X2_RANGE).toEqual([0, 0.25]);
    expect(X1_RANGE[1] / X2_RANGE[1]).toBe(20);
    expect(TRUE_MODEL).toEqual([0.6, 12, 1]);
    expect([0.6 * 5, 12 * 0.25]).toEqual([3, 3]);
    expect([DEFAULTS.noise, DEFAULTS.lr, DEFAULTS.steps, DEFAULTS.scaling]).toEqual([0.5, 0.08, 400, 'standardize']);
  });

  it('standardization: σ divides by n; the scaled column has mean 0 and variance 1', () => {
    const fit = fitStandardizer([[2], [4], [6], [8]]);
    expect(fit.mean[0]).toBe(5);
    expect(fit.std[0]).toBeCloseTo(Math.sqrt(5), 12);
    const z = problem('standardize').x1;
    const mean = z.reduce((a, b) => a + b) / z.length;
    expect(mean).toBeCloseTo(0, 12);
    expect(z.reduce((a, b) => a + b * b, 0) / z.length).toBeCloseTo(1, 12);
  });

  it('scaling changes neither the predictions a linear model can make nor its lowest loss', () => {
    const losses = (['raw', 'standardize', 'minmax'] as const).map((s) => mse(problem(s), leastSquares(problem(s))));
    expect(losses[1]).toBeCloseTo(losses[0], 10);
    expect(losses[2]).toBeCloseTo(losses[0], 10);
  });
});

describe('conditioning', () => {
  it('raw: λ_max ≈ 18.6, λ_min ≈ 0.0114, κ ≈ 1632; η below 2/18.6 ≈ 0.107; at 0.08 the flat direction shrinks by 0.9991 a step', () => {
    const raw = conditioning(problem('raw'));
    expect(raw.lambdaMax.toFixed(1)).toBe('18.6');
    expect(raw.lambdaMin.toFixed(4)).toBe('0.0114');
    expect(Math.round(raw.condition)).toBe(1632);
    expect(raw.criticalLr.toFixed(3)).toBe('0.107');
    expect((1 - 0.08 * raw.lambdaMin).toFixed(4)).toBe('0.9991');
  });

  it('a feature twenty times smaller gives a direction about 400 times flatter', () => {
    expect(20 ** 2).toBe(400);
  });

  it('standardized: ρ ≈ −0.12, eigenvalues 2(1 ∓ |ρ|) and 2, κ ≈ 1.28 (the table: 1.278), limit 2/2.24 ≈ 0.89 (0.891)', () => {
    const z = problem('standardize');
    const rho = z.x1.reduce((s, v, i) => s + v * z.x2[i], 0) / z.x1.length;
    expect(rho.toFixed(2)).toBe('-0.12');
    const scaled = conditioning(z);
    expect(scaled.lambdaMax).toBeCloseTo(2 * (1 + Math.abs(rho)), 10);
    expect(scaled.lambdaMin).toBeCloseTo(2 * (1 - Math.abs(rho)), 10);
    expect(scaled.lambdaMax.toFixed(2)).toBe('2.24');
    expect(scaled.lambdaMin.toFixed(2)).toBe('1.76');
    expect(scaled.condition).toBeCloseTo((1 + Math.abs(rho)) / (1 - Math.abs(rho)), 10);
    expect(scaled.condition.toFixed(3)).toBe('1.278');
    expect(scaled.criticalLr.toFixed(3)).toBe('0.891');
  });

  it('min–max: κ about 27, stable up to 0.652', () => {
    const minmax = conditioning(problem('minmax'));
    expect(Math.round(minmax.condition)).toBe(27);
    expect(minmax.criticalLr.toFixed(3)).toBe('0.652');
  });
});

describe('the first widget (lr 0.08)', () => {
  let first: Race;
  beforeAll(() => {
    first = race({}, 5000);
  });

  it('both start at 2.003; the standardized run is within 1 % of L* ≈ 0.2198 at step 24, its b never leaving ȳ ≈ 4.10', () => {
    expect(first.info.startLoss.toFixed(3)).toBe('2.003');
    expect(first.info.runs[0].minLoss.toFixed(4)).toBe('0.2198');
    expect(first.scaled.reachedAt).toBe(24);
    const ybar = makeNormalizationData(1, 0.5, false).y.reduce((a, b) => a + b) / 50;
    expect(ybar.toFixed(2)).toBe('4.10');
    expect(first.info.runs[1].start[2]).toBeCloseTo(ybar, 10);
    expect(first.scaled.theta[2]).toBeCloseTo(ybar, 4);
  });

  it('after 400 steps the raw run’s loss is still 0.695 and w₂ about 3.8 of the 12.8 it needs', () => {
    const at400 = race({});
    expect(at400.raw.loss.toFixed(3)).toBe('0.695');
    expect(at400.raw.theta[1].toFixed(1)).toBe('3.8');
    expect(first.info.runs[0].best[1].toFixed(1)).toBe('12.8');
  });

  it('the raw run gets within 1 % at step 3341, about 140 times later', () => {
    expect(first.raw.reachedAt).toBe(3341);
    expect(Math.round(3341 / 24 / 10) * 10).toBe(140);
  });

  it('when the 5000 steps are up, in the original units: raw about 0.671x₁ + 12.7x₂ + 0.857, standardized 0.672x₁ + 12.8x₂ + 0.838', () => {
    // The raw run's θ is already in the original units.
    const rawAt = first.raw.theta;
    expect([rawAt[0].toFixed(3), rawAt[1].toFixed(1), rawAt[2].toFixed(3)]).toEqual(['0.671', '12.7', '0.857']);
    const scaled = toOriginalUnits(problem('standardize'), first.scaled.theta);
    expect([scaled[0].toFixed(3), scaled[1].toFixed(1), scaled[2].toFixed(3)]).toEqual(['0.672', '12.8', '0.838']);
  });

  it('min–max on the right: within 1 % at step 367', () => {
    expect(race({ scaling: 'minmax' }).scaled.reachedAt).toBe(367);
  });
});

describe('one learning rate for two problems', () => {
  it('at 0.5: the raw run diverges at step 3 (0.5 × 18.6 ≈ 9.3), the standardized one is within 1 % at step 3', () => {
    const half = race({ lr: 0.5 });
    expect(half.raw.outAt).toBe(3);
    expect(half.scaled.reachedAt).toBe(3);
    expect((0.5 * 18.6).toFixed(1)).toBe('9.3');
  });

  it('at about 0.12 (0.123 on the slider): raw out at step 23, standardized within 1 % at step 15', () => {
    expect(slider(0.12)).toBe(0.123);
    const r = race({ lr: 0.123 });
    expect(r.raw.outAt).toBe(23);
    expect(r.scaled.reachedAt).toBe(15);
  });

  it('at 0.917, just above 0.891, the standardized run diverges too, at step 148', () => {
    expect(slider(0.917)).toBe(0.917);
    expect(race({ lr: 0.917 }).scaled.outAt).toBe(148);
  });

  it('the quiz: 1.02 (the slider nearest 1) is above both limits; factors ≈ −18 and −1.28; out at steps 2 and 33', () => {
    expect(slider(1)).toBe(1.02);
    expect(Math.round(1 - 1.02 * 18.6)).toBe(-18);
    expect((1 - 1.02 * 2.24).toFixed(2)).toBe('-1.28');
    const r = race({ lr: 1.02 });
    expect(r.raw.outAt).toBe(2);
    expect(r.scaled.outAt).toBe(33);
  });
});

describe('the outlier', () => {
  let bad: Race;
  beforeAll(() => {
    bad = race({ outlier: true });
  });

  it('the largest x₁, 4.84, is recorded as 48.4', () => {
    const clean = makeNormalizationData(1, 0.5, false);
    const dirty = makeNormalizationData(1, 0.5, true);
    expect(clean.x1[dirty.outlierIndex].toFixed(2)).toBe('4.84');
    expect(dirty.x1[dirty.outlierIndex].toFixed(1)).toBe('48.4');
    expect(Math.max(...clean.x1)).toBe(clean.x1[dirty.outlierIndex]);
  });

  it('min–max squeezes the other 49 values into [0, 0.099]', () => {
    const scaled = problem('minmax', true).x1;
    const index = makeNormalizationData(1, 0.5, true).outlierIndex;
    const others = Array.from(scaled).filter((_, i) => i !== index);
    expect(Math.min(...others)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...others).toFixed(3)).toBe('0.099');
  });

  it('standardization: μ₁ 2.49 → 3.36, σ₁ 1.53 → 6.61 (more than four times); the others between about −0.50 and 0.22, the outlier at 6.8', () => {
    const clean = problem('standardize').fit as { mean: number[]; std: number[] };
    const dirty = problem('standardize', true);
    const fit = dirty.fit as { mean: number[]; std: number[] };
    expect([clean.mean[0].toFixed(2), fit.mean[0].toFixed(2)]).toEqual(['2.49', '3.36']);
    expect([clean.std[0].toFixed(2), fit.std[0].toFixed(2)]).toEqual(['1.53', '6.61']);
    expect(fit.std[0] / clean.std[0]).toBeGreaterThan(4);
    const index = makeNormalizationData(1, 0.5, true).outlierIndex;
    const others = Array.from(dirty.x1).filter((_, i) => i !== index);
    expect(Math.min(...others).toFixed(2)).toBe('-0.50');
    expect(Math.max(...others).toFixed(2)).toBe('0.22');
    expect(dirty.x1[index].toFixed(1)).toBe('6.8');
  });

  it('the standardized run: condition number 1.275, within 1 % at step 16', () => {
    expect(conditioning(problem('standardize', true)).condition.toFixed(3)).toBe('1.275');
    expect(bad.scaled.reachedAt).toBe(16);
  });

  it('min–max: κ about 27 → about 70; at 0.08 the loss after 400 steps is 1.132; within 1 % at step 493', () => {
    expect(Math.round(conditioning(problem('minmax', true)).condition / 10) * 10).toBe(70);
    const minmax = race({ outlier: true, scaling: 'minmax' }, 500);
    expect(minmax.scaled.reachedAt).toBe(493);
    expect(race({ outlier: true, scaling: 'minmax' }).scaled.loss.toFixed(3)).toBe('1.132');
  });

  it('raw: diverges at step 4 even at 0.08; 2 × 48.4²/50 ≈ 94, λ_max 18.6 → 110, the limit 2/110 ≈ 0.018', () => {
    expect(bad.raw.outAt).toBe(4);
    expect(Math.round((2 * 48.4 ** 2) / 50)).toBe(94);
    const raw = conditioning(problem('raw', true));
    expect(Math.round(raw.lambdaMax)).toBe(110);
    expect(raw.criticalLr.toFixed(3)).toBe('0.018');
    expect(Math.round(48.4 ** 2 / 50)).toBe(47);
  });

  it('raw at 0.0173, the last slider value below that limit: no divergence, but its loss after 5000 steps is still 1.225', () => {
    const limit = conditioning(problem('raw', true)).criticalLr;
    expect(slider(0.0173)).toBe(0.0173);
    expect(0.0173).toBeLessThan(limit);
    const above = toTrack(LR_SPEC, 0.0173) + 1;
    expect(fromTrack(LR_SPEC, above)).toBeGreaterThan(limit);
    const slow = race({ outlier: true, lr: 0.0173, steps: 5000 }, 5000);
    expect(slow.raw.outAt).toBeNull();
    expect(slow.raw.loss.toFixed(3)).toBe('1.225');
  });

  it('the fit: L* 0.220 → 1.113; about 0.0597x₁ + 11.8x₂ + 2.44; x₁’s weight cut from 0.672 to 0.06', () => {
    expect(mse(problem('raw'), leastSquares(problem('raw'))).toFixed(3)).toBe('0.220');
    const dirty = problem('raw', true);
    const best = leastSquares(dirty);
    expect(mse(dirty, best).toFixed(3)).toBe('1.113');
    expect([best[0].toFixed(4), best[1].toFixed(1), best[2].toFixed(2)]).toEqual(['0.0597', '11.8', '2.44']);
    expect(leastSquares(problem('raw'))[0].toFixed(3)).toBe('0.672');
  });
});

describe('splits and leakage', () => {
  it('2 % of 1,000 transactions; a random test set of 150 gets 3 on average and may get none', () => {
    expect(0.02 * 150).toBe(3);
    // Hypergeometric: 20 frauds among 1,000, 150 drawn.
    let none = 1;
    for (let k = 0; k < 150; k++) none *= (980 - k) / (1000 - k);
    expect(none).toBeGreaterThan(0.02);
  });

  it('training 2, 4, 6, 8 (μ 5, σ √5 ≈ 2.24) put a test 20 at z ≈ 6.7; fitted on all five, μ 8, σ √40 ≈ 6.32, z ≈ 1.9', () => {
    const train = fitStandardizer([[2], [4], [6], [8]]);
    expect(train.std[0].toFixed(2)).toBe('2.24');
    expect(((20 - train.mean[0]) / train.std[0]).toFixed(1)).toBe('6.7');
    const all = fitStandardizer([[2], [4], [6], [8], [20]]);
    expect(all.mean[0]).toBe(8);
    expect(all.std[0]).toBeCloseTo(Math.sqrt(40), 12);
    expect(all.std[0].toFixed(2)).toBe('6.32');
    expect(((20 - all.mean[0]) / all.std[0]).toFixed(1)).toBe('1.9');
  });

  it('the quiz: 10,000 rows split 80/10/10 leave 8,000 for training', () => {
    expect(10_000 * 0.8).toBe(8000);
  });
});
