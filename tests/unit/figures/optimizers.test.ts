/**
 * Every number lesson 03 (content/03-optimizers/{en,zh}.md) quotes, recomputed from the optimizer race's own
 * model (tfjs's optimizers on the cpu backend, the race's surfaces and out-of-bounds rule) with the settings
 * the text states. "Below 10⁻³ at step n" reads the gap f − f* the race reports for step n (measured before
 * that step's update), as its chart does; "out at step n" is the step after which the racer is marked out.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fromTrack, toTrack } from '../../../src/controls/slider-scale';
import {
  OPTIMIZER_RACE_PARAMS,
  RACERS,
  type OptimizerRaceInfo,
  type OptimizerRaceParams,
  type RacerName,
} from '../../../src/ml/optimizer-race/contract';
import { BOWL, ROSENBROCK, SADDLE } from '../../../src/ml/optimizer-race/surfaces';
import { createOptimizerRace } from '../../../src/ml/optimizer-race/trainer';
import { defaults, type NumberSpec } from '../../../src/state/params';
import { setFiguresBackend, train } from './train';

const DEFAULTS = defaults(OPTIMIZER_RACE_PARAMS) as OptimizerRaceParams;
const ROSENBROCK_WIDGET: Partial<OptimizerRaceParams> = { surface: 'rosenbrock', ...ROSENBROCK.preset };
const SADDLE_WIDGET: Partial<OptimizerRaceParams> = { surface: 'saddle', lrSgd: 0.05, lrMomentum: 0.01, lrRmsprop: 0.02, lrAdam: 0.05 };

interface Racer {
  /** gap[k]: f − f* reported for step k + 1 (before its update). */
  gap: number[];
  /** The point after step k + 1. */
  x: number[];
  y: number[];
  out: boolean[];
}

/** Runs the race with only the named racers (they do not interact) and splits the trace per racer. */
function race(settings: Partial<OptimizerRaceParams>, only: RacerName[] = [...RACERS], steps?: number): Record<RacerName, Racer> {
  const params = { ...DEFAULTS, ...settings } as OptimizerRaceParams;
  for (const name of RACERS) params[name] = only.includes(name);
  // A race whose every racer is out diverges (its loss is ∞); the records go on, frozen, which is all we read.
  const result = train(createOptimizerRace, params, steps ?? params.steps, { keepGoing: true });
  const info = result.info as OptimizerRaceInfo;
  const racers = {} as Record<RacerName, Racer>;
  info.racers.forEach((name, i) => {
    racers[name] = {
      gap: result.traces.map((t) => t[4 * i]),
      x: result.traces.map((t) => t[4 * i + 1]),
      y: result.traces.map((t) => t[4 * i + 2]),
      out: result.traces.map((t) => t[4 * i + 3] === 1),
    };
  });
  return racers;
}

/** The first step whose reported gap is below the threshold (0 if none). */
const below = (racer: Racer, threshold = 1e-3) => racer.gap.findIndex((g) => g < threshold) + 1;
/** The step after which the racer is out (0 if never). */
const outAt = (racer: Racer) => racer.out.indexOf(true) + 1;
/** The slider's setting nearest to a value (log scale, 200 steps from 10⁻⁴ to 1). */
const slider = (value: number) => {
  const spec = OPTIMIZER_RACE_PARAMS.find((p) => p.key === 'lrSgd') as NumberSpec;
  return fromTrack(spec, toTrack(spec, value));
};
const sliderAbove = (value: number) => {
  const spec = OPTIMIZER_RACE_PARAMS.find((p) => p.key === 'lrSgd') as NumberSpec;
  let track = toTrack(spec, value);
  while (fromTrack(spec, track) <= value) track++;
  return fromTrack(spec, track);
};

beforeAll(setFiguresBackend);

describe('the bowl f = (x² + 100y²)/2 and the update rules in closed form', () => {
  it('curvatures 1 and 100, condition number 100; SGD is stable below 2/100 = 0.02, where x shrinks by more than 0.98 a step', () => {
    expect(BOWL.grad(1, 1)).toEqual([1, 100]);
    expect(2 / 100).toBe(0.02);
    expect(1 - 0.02).toBe(0.98);
  });

  it('momentum: an alternating part a/(1 + μ) ≈ 0.53a, a steady one b/(1 − μ) = 10b, ratio (1 + μ)/(1 − μ) = 19', () => {
    const mu = 0.9;
    // Sum the unrolled velocity for a long alternating and a long steady gradient.
    let alternating = 0;
    let steady = 0;
    for (let t = 0; t < 400; t++) {
      alternating = mu * alternating + (t % 2 === 0 ? 1 : -1);
      steady = mu * steady + 1;
    }
    expect(Math.abs(alternating).toFixed(2)).toBe('0.53');
    expect(steady).toBeCloseTo(10, 10);
    expect((1 + mu) / (1 - mu)).toBeCloseTo(19, 12);
  });

  it('effective step η/(1 − μ) = 0.1, more than five times 0.018; Momentum’s limit 2(1 + μ)/100 = 0.038', () => {
    expect(0.01 / (1 - 0.9)).toBeCloseTo(0.1, 12);
    expect(Math.floor(0.1 / 0.018)).toBe(5);
    expect((2 * (1 + 0.9)) / 100).toBeCloseTo(0.038, 12);
  });

  it('RMSProp remembers about 1/(1 − ρ) = 10 steps; its first step is η/√(1 − ρ) ≈ 3.16η, 0.158 at η = 0.05', () => {
    expect(1 / (1 - 0.9)).toBeCloseTo(10, 12);
    expect((1 / Math.sqrt(0.1)).toFixed(2)).toBe('3.16');
    expect((0.05 / Math.sqrt(0.1)).toFixed(3)).toBe('0.158');
  });

  it('RMSProp’s hops between (±0.025, ∓0.025) sit at f ≈ 0.03; at η = 0.1, twice the hop, about 0.13', () => {
    expect(BOWL.f(0.025, 0.025).toFixed(2)).toBe('0.03');
    expect(BOWL.f(0.05, 0.05).toFixed(2)).toBe('0.13');
  });

  it('Adam’s bias correction: without it the step is off by (1 − β₁ᵗ)/√(1 − β₂ᵗ), 3.16 at t = 1, up to about 6.6 near t = 12', () => {
    const factor = (t: number) => (1 - 0.9 ** t) / Math.sqrt(1 - 0.999 ** t);
    expect(factor(1).toFixed(2)).toBe('3.16');
    const factors = Array.from({ length: 100 }, (_, i) => factor(i + 1));
    const peak = Math.max(...factors);
    expect(peak.toFixed(1)).toBe('6.6');
    expect(Math.abs(factors.indexOf(peak) + 1 - 12)).toBeLessThanOrEqual(1);
    // Constant g for t steps: m = (1 − β₁ᵗ)g exactly.
    let m = 0;
    for (let t = 1; t <= 5; t++) m = 0.9 * m + 0.1 * 2;
    expect(m).toBeCloseTo((1 - 0.9 ** 5) * 2, 12);
  });
});

describe('the first race (the bowl at its defaults)', () => {
  let bowl: Record<RacerName, Racer>;
  beforeAll(() => {
    bowl = race({});
  });

  it('starts at (−4, 1) with rates 0.018, 0.01 (μ 0.9), 0.05 and 0.1, for 300 steps', () => {
    expect(BOWL.start).toEqual([-4, 1]);
    const { lrSgd, lrMomentum, mu, lrRmsprop, lrAdam, steps } = DEFAULTS;
    expect([lrSgd, lrMomentum, mu, lrRmsprop, lrAdam, steps]).toEqual([0.018, 0.01, 0.9, 0.05, 0.1, 300]);
  });

  it('SGD bounces y = 1, −0.8, 0.64, …, is below 10⁻³ around step 249 and ends near 1.5·10⁻⁴', () => {
    expect(bowl.sgd.y.slice(0, 2).map((y) => y.toFixed(2))).toEqual(['-0.80', '0.64']);
    expect(below(bowl.sgd)).toBe(249);
    expect(bowl.sgd.gap.at(-1)!.toExponential(1)).toBe('1.5e-4');
  });

  it('Momentum about 95, Adam about 97, RMSProp about 106 steps to 10⁻³', () => {
    expect(below(bowl.momentum)).toBe(95);
    expect(below(bowl.adam)).toBe(97);
    expect(below(bowl.rmsprop)).toBe(106);
  });

  it('Momentum overshoots along the floor to about x = 0.6; by step 300 it and Adam are about 10⁻¹² from the minimum', () => {
    expect(Math.max(...bowl.momentum.x).toFixed(1)).toBe('0.6');
    for (const racer of [bowl.momentum, bowl.adam]) {
      expect(racer.gap.at(-1)!).toBeGreaterThan(1e-13);
      expect(racer.gap.at(-1)!).toBeLessThan(1e-11);
    }
  });

  it('RMSProp ends hopping between (0.025, −0.025) and (−0.025, 0.025) at about 0.03', () => {
    const last = [-2, -1].map((k) => [bowl.rmsprop.x.at(k)!, bowl.rmsprop.y.at(k)!].map((v) => v.toFixed(3)));
    expect(last.map((p) => p.map((v) => v.replace('-', ''))).flat()).toEqual(['0.025', '0.025', '0.025', '0.025']);
    expect(Math.sign(bowl.rmsprop.x.at(-1)!)).toBe(-Math.sign(bowl.rmsprop.x.at(-2)!));
    expect(Math.sign(bowl.rmsprop.x.at(-1)!)).toBe(-Math.sign(bowl.rmsprop.y.at(-1)!));
    expect(bowl.rmsprop.gap.at(-1)!.toFixed(2)).toBe('0.03');
  });

  it('RMSProp’s first step is 0.158 per coordinate; Adam lands on (−3.9, 0.9)', () => {
    expect((bowl.rmsprop.x[0] + 4).toFixed(3)).toBe('0.158');
    expect((1 - bowl.rmsprop.y[0]).toFixed(3)).toBe('0.158');
    expect(bowl.adam.x[0]).toBeCloseTo(-3.9, 5);
    expect(bowl.adam.y[0]).toBeCloseTo(0.9, 5);
  });
});

describe('trying the first race', () => {
  it('SGD at 0.025 (0.0251 on the slider): bounces grow 1.5 times, out at step 17 (18 at exactly 0.025)', () => {
    expect(slider(0.025)).toBe(0.0251);
    expect(Math.abs(1 - 0.025 * 100)).toBe(1.5);
    expect(outAt(race({ lrSgd: 0.0251 }, ['sgd']).sgd)).toBe(17);
    expect(outAt(race({ lrSgd: 0.025 }, ['sgd']).sgd)).toBe(18);
  });

  it('at 0.0209, the next setting above 0.02, out at step 81; at exactly 0.02 it bounces between y = 1 and −1', () => {
    expect(sliderAbove(0.02)).toBe(0.0209);
    expect(outAt(race({ lrSgd: 0.0209 }, ['sgd']).sgd)).toBe(81);
    const edge = race({ lrSgd: 0.02 }, ['sgd']).sgd;
    expect(outAt(edge)).toBe(0);
    expect(edge.y.slice(-2).map(Math.abs)).toEqual([1, 1]);
    expect(edge.y.at(-1)!).toBe(-edge.y.at(-2)!);
  });

  it('μ = 0 and SGD at 0.01: the two paths coincide exactly', () => {
    const both = race({ mu: 0, lrSgd: 0.01 }, ['sgd', 'momentum']);
    expect(both.momentum.x).toEqual(both.sgd.x);
    expect(both.momentum.y).toEqual(both.sgd.y);
  });

  it('Momentum at 0.03 (0.0302): below 10⁻³ in about 84 steps; at 0.0398, above 0.038, out at step 16', () => {
    expect(slider(0.03)).toBe(0.0302);
    expect(below(race({ lrMomentum: 0.0302 }, ['momentum']).momentum)).toBe(84);
    expect(outAt(race({ lrMomentum: 0.0398 }, ['momentum']).momentum)).toBe(16);
  });

  it('RMSProp with ρ = 0.99: below 10⁻³ in about 74 steps, the fastest, and it keeps converging', () => {
    const long = race({ rho: 0.99 }, ['rmsprop']).rmsprop;
    expect(below(long)).toBe(74);
    expect(long.gap.at(-1)!).toBeLessThan(1e-10);
  });

  it('RMSProp at 0.1: the hops double and the floor quadruples, to about 0.13; after 3000 steps at 0.05 it is still at 0.03', () => {
    const double = race({ lrRmsprop: 0.1 }, ['rmsprop']).rmsprop;
    expect(double.gap.at(-1)!.toFixed(2)).toBe('0.13');
    expect(Math.abs(double.x.at(-1)!).toFixed(3)).toBe('0.050');
    const long = race({ steps: 3000 }, ['rmsprop'], 3000).rmsprop;
    expect(long.gap.at(-1)!.toFixed(2)).toBe('0.03');
  });
});

describe('the second race: RMSProp against Adam with β₁ = 0, β₂ = 0.9, both at η = 0.05', () => {
  const settings: Partial<OptimizerRaceParams> = { lrAdam: 0.05, beta1: 0, beta2: 0.9 };

  it('one step: RMSProp moves 0.158 per coordinate, Adam exactly 0.05; both end hopping at about 0.03', () => {
    const { rmsprop, adam } = race(settings, ['rmsprop', 'adam']);
    expect((rmsprop.x[0] + 4).toFixed(3)).toBe('0.158');
    expect((adam.x[0] + 4).toFixed(4)).toBe('0.0500');
    expect((1 - adam.y[0]).toFixed(4)).toBe('0.0500');
    for (const racer of [rmsprop, adam]) {
      expect(racer.gap.at(-1)!.toFixed(2)).toBe('0.03');
      expect(Math.abs(racer.y.at(-1)!).toFixed(3)).toBe('0.025');
    }
  });

  it('β₂ = 0.999: Adam below 10⁻³ by about step 200; β₁ = 0.9 too: by about step 160, about 6·10⁻¹² at step 300', () => {
    expect(below(race({ ...settings, beta2: 0.999 }, ['adam']).adam)).toBe(202);
    const full = race({ ...settings, beta1: 0.9, beta2: 0.999 }, ['adam']).adam;
    expect(below(full)).toBe(160);
    expect(full.gap.at(-1)!.toExponential(0)).toBe('6e-12');
  });
});

describe('Rosenbrock', () => {
  let rosen: Record<RacerName, Racer>;
  beforeAll(() => {
    rosen = race(ROSENBROCK_WIDGET);
  });

  it('near (1, 1) the curvature is about 1000 across and 0.4 along the valley, a condition number of about 2500', () => {
    // The Hessian at (1, 1): [[802, −400], [−400, 200]].
    const [a, b, d] = [2 - 400 * (1 - 3), -400, 200];
    const half = Math.sqrt(((a - d) / 2) ** 2 + b * b);
    const [max, min] = [(a + d) / 2 + half, (a + d) / 2 - half];
    expect(Math.round(max / 100) * 100).toBe(1000);
    expect(min.toFixed(1)).toBe('0.4');
    expect(Math.round(max / min / 100) * 100).toBe(2500);
    expect(ROSENBROCK.start).toEqual([-1.2, 1]);
    expect(ROSENBROCK.preset).toMatchObject({ lrSgd: 0.0015, lrMomentum: 0.0008, lrRmsprop: 0.005, lrAdam: 0.05, steps: 2000, speed: 5 });
  });

  it('all four reach the valley floor within about a hundred steps', () => {
    for (const name of RACERS) {
      const [x, y] = [rosen[name].x[99], rosen[name].y[99]];
      expect(100 * (y - x * x) ** 2, name).toBeLessThan(0.05 * ROSENBROCK.f(x, y));
    }
  });

  it('Momentum first below 10⁻³ at about step 737, Adam at about 1091; SGD 0.16 at step 1000 and 0.025 at 2000; RMSProp about 0.007', () => {
    expect(below(rosen.momentum)).toBe(737);
    expect(below(rosen.adam)).toBe(1091);
    expect(rosen.sgd.gap[999].toFixed(2)).toBe('0.16');
    expect(rosen.sgd.gap[1999].toFixed(3)).toBe('0.025');
    expect(rosen.rmsprop.gap[1999].toFixed(3)).toBe('0.007');
  });

  it('with a budget of 3000 RMSProp stalls near 0.006, hopping around (0.98, 0.97)', () => {
    const long = race({ ...ROSENBROCK_WIDGET, steps: 3000 }, ['rmsprop'], 3000).rmsprop;
    expect(long.gap.at(-1)!.toFixed(3)).toBe('0.006');
    expect(long.gap.at(-500)!.toFixed(3)).toBe('0.006');
    const [x, y] = [long.x.slice(-50), long.y.slice(-50)].map((v) => v.reduce((a, b) => a + b) / v.length);
    expect(x.toFixed(2)).toBe('0.98');
    expect(y.toFixed(2)).toBe('0.97');
  });

  it('SGD’s limit is about 2/1000 = 0.002: at 0.01 it is out at step 4; Momentum at 0.0015 is below 10⁻³ by about step 345', () => {
    expect(outAt(race({ ...ROSENBROCK_WIDGET, lrSgd: 0.01 }, ['sgd'], 10).sgd)).toBe(4);
    expect(below(race({ ...ROSENBROCK_WIDGET, lrMomentum: 0.0015 }, ['momentum'], 400).momentum)).toBe(345);
    expect(0.0015 / (1 - 0.9) / 0.0015).toBeCloseTo(10, 10);
  });

  it('Adam at 0.1: below 10⁻³ by about step 716; at 0.01 not even after 3000 steps', () => {
    expect(below(race({ ...ROSENBROCK_WIDGET, lrAdam: 0.1 }, ['adam'], 800).adam)).toBe(716);
    expect(below(race({ ...ROSENBROCK_WIDGET, lrAdam: 0.01 }, ['adam'], 3000).adam)).toBe(0);
  });
});

describe('the saddle f = x² + y⁴/4 − y²/2', () => {
  let saddle: Record<RacerName, Racer>;
  beforeAll(() => {
    saddle = race(SADDLE_WIDGET);
  });

  it('a saddle at (0, 0), minima at (0, ±1) with f* = −1/4; the start (−1.5, 0.0001)', () => {
    expect(SADDLE.f(0, 0)).toBe(0);
    expect(SADDLE.grad(0, 0)).toEqual([0, 0]);
    expect(SADDLE.f(0, 1)).toBe(-0.25);
    expect(SADDLE.fMin).toBe(-0.25);
    expect(SADDLE.start).toEqual([-1.5, 0.0001]);
    expect(Math.log(1000) / Math.log(1.05)).toBeCloseTo(141.6, 1);
    expect(Math.round(Math.log(1000) / Math.log(1.05) / 10) * 10).toBe(140);
  });

  it('SGD sits at the saddle (gap ≈ 0.25) for more than a hundred steps, Momentum for about 80', () => {
    const atSaddle = (racer: Racer) => racer.gap.filter((g) => Math.abs(g - 0.25) < 0.01).length;
    expect(atSaddle(saddle.sgd)).toBeGreaterThan(100);
    expect(Math.round(atSaddle(saddle.momentum) / 10) * 10).toBe(80);
  });

  it('below 10⁻³ at about step 216 (SGD) and 158 (Momentum, whose velocity grows y about 6.5 % a step)', () => {
    expect(below(saddle.sgd)).toBe(216);
    expect(below(saddle.momentum)).toBe(158);
    expect((saddle.momentum.y[80] / saddle.momentum.y[79] - 1).toFixed(3)).toBe('0.065');
  });

  it('Adam’s first step takes y to 0.05; RMSProp’s to about 0.006 (s = 10⁻⁹, far below ε), its second to 0.07', () => {
    expect(saddle.adam.y[0].toFixed(2)).toBe('0.05');
    expect(saddle.rmsprop.y[0].toFixed(3)).toBe('0.006');
    expect(saddle.rmsprop.y[1].toFixed(2)).toBe('0.07');
    expect(0.1 * SADDLE.grad(-1.5, 0.0001)[1] ** 2).toBeCloseTo(1e-9, 12);
  });

  it('below 10⁻³ at about step 73 (Adam) and 91 (RMSProp)', () => {
    expect(below(saddle.adam)).toBe(73);
    expect(below(saddle.rmsprop)).toBe(91);
  });

  it('from (−1.5, 0.5): SGD in about 40 steps, Adam about the same, Momentum about 60, RMSProp about 90', () => {
    const off = race({ ...SADDLE_WIDGET, x0: -1.5, y0: 0.5 });
    expect(Math.round(below(off.sgd) / 10) * 10).toBe(40);
    expect(Math.abs(below(off.adam) - below(off.sgd))).toBeLessThanOrEqual(5);
    expect(Math.round(below(off.momentum) / 10) * 10).toBe(60);
    expect(Math.round(below(off.rmsprop) / 10) * 10).toBe(90);
  });

  it('exactly on the ridge, (−1.5, 0): all four stop at the saddle with f − f* = 0.25', () => {
    const ridge = race({ ...SADDLE_WIDGET, x0: -1.5, y0: 0 });
    for (const name of RACERS) {
      expect(ridge[name].y.at(-1), name).toBe(0);
      expect(ridge[name].gap.at(-1)!.toFixed(2), name).toBe('0.25');
    }
  });
});

describe('the common mistake: a learning rate carried from one optimizer to another', () => {
  it('SGD at Adam’s 0.1 is out at step 4 (bounces 9 times the last); Adam at SGD’s 0.018 is still about 0.13 above after 300 steps', () => {
    expect(Math.abs(1 - 0.1 * 100)).toBe(9);
    expect(outAt(race({ lrSgd: 0.1 }, ['sgd'], 10).sgd)).toBe(4);
    expect(race({ lrAdam: 0.018 }, ['adam']).adam.gap.at(-1)!.toFixed(2)).toBe('0.13');
  });
});

describe('the quiz', () => {
  it('1: at 0.025, y is multiplied by 1 − 2.5 = −1.5', () => {
    expect(1 - 0.025 * 100).toBe(-1.5);
  });

  it('2: Adam’s first step goes to (−3.9, 0.9); the distractors (−3.6, −9) and (−3.684, 0.684)', () => {
    expect([-4 - 0.1 * -4, 1 - 0.1 * 100]).toEqual([-3.6, -9]);
    // Without the correction the step is η · 0.1g/√(0.001g²) = 0.1 · 3.16 per coordinate.
    const unbiased = (0.1 * 0.1) / Math.sqrt(0.001);
    expect((-4 + unbiased).toFixed(3)).toBe('-3.684');
    expect((1 - unbiased).toFixed(3)).toBe('0.684');
  });

  it('4: from y₀ = 10⁻⁶ SGD’s gap first falls below 0.2 at step 263 against 168 from 10⁻⁴ (ln 100/ln 1.05 ≈ 94 more); Adam at 25 both times', () => {
    expect((Math.log(100) / Math.log(1.05)).toFixed(0)).toBe('94');
    const near = race({ ...SADDLE_WIDGET }, ['sgd', 'adam']);
    const nearer = race({ ...SADDLE_WIDGET, x0: -1.5, y0: 1e-6 }, ['sgd', 'adam']);
    expect(below(near.sgd, 0.2)).toBe(168);
    expect(below(nearer.sgd, 0.2)).toBe(263);
    expect(below(nearer.sgd, 0.2) - below(near.sgd, 0.2)).toBe(95);
    expect(below(near.adam, 0.2)).toBe(25);
    expect(below(nearer.adam, 0.2)).toBe(25);
  });
});
