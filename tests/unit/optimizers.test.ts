/**
 * tfjs's optimizers against the update rules lesson 03 prints, and the optimizer race built on them.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { disposeOptimizer, setLearningRate } from '../../src/ml/tfjs/optimizer-handling';
import { createOptimizer, createOptimizerRace } from '../../src/ml/optimizer-race/trainer';
import { SURFACES } from '../../src/ml/optimizer-race/surfaces';
import { defaults } from '../../src/state/params';
import {
  OPTIMIZER_RACE_PARAMS,
  OPTIMIZER_EPSILON,
  RACERS,
  type OptimizerRaceParams,
  type RacerName,
} from '../../src/ml/optimizer-race/contract';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const EPS = OPTIMIZER_EPSILON;

/** The lesson's formulas, one scalar parameter θ, written out in plain numbers. */
function byFormula(name: RacerName, p: OptimizerRaceParams, grads: (theta: number) => number, steps: number, theta0: number) {
  let theta = theta0;
  let v = 0; // momentum's velocity, RMSProp's s, Adam's m
  let w = 0; // Adam's v
  const path: number[] = [];
  for (let t = 1; t <= steps; t++) {
    const g = grads(theta);
    if (name === 'sgd') theta -= p.lrSgd * g;
    if (name === 'momentum') {
      v = p.mu * v + g;
      theta -= p.lrMomentum * v;
    }
    if (name === 'rmsprop') {
      v = p.rho * v + (1 - p.rho) * g * g;
      theta -= (p.lrRmsprop * g) / Math.sqrt(v + EPS);
    }
    if (name === 'adam') {
      v = p.beta1 * v + (1 - p.beta1) * g;
      w = p.beta2 * w + (1 - p.beta2) * g * g;
      const mHat = v / (1 - p.beta1 ** t);
      const vHat = w / (1 - p.beta2 ** t);
      theta -= (p.lrAdam * mHat) / (Math.sqrt(vHat) + EPS);
    }
    path.push(theta);
  }
  return path;
}

function byTfjs(name: RacerName, p: OptimizerRaceParams, grads: (theta: number) => number, steps: number, theta0: number) {
  const theta = tf.variable(tf.scalar(theta0));
  const optimizer = createOptimizer(name, p);
  const path: number[] = [];
  for (let t = 1; t <= steps; t++) {
    const g = tf.scalar(grads(theta.dataSync()[0]));
    optimizer.applyGradients([{ name: theta.name, tensor: g }]);
    g.dispose();
    path.push(theta.dataSync()[0]);
  }
  theta.dispose();
  disposeOptimizer(optimizer);
  return path;
}

const params: OptimizerRaceParams = {
  ...defaults(OPTIMIZER_RACE_PARAMS),
  lrSgd: 0.1,
  lrMomentum: 0.1,
  lrRmsprop: 0.1,
  lrAdam: 0.1,
  mu: 0.9,
  rho: 0.9,
  beta1: 0.9,
  beta2: 0.999,
};
// f(θ) = 2(θ − 3)² + θ⁴/40: a gradient that changes size and curvature along the way.
const gradient = (theta: number) => 4 * (theta - 3) + theta ** 3 / 10;

describe.each(RACERS)('%s in tfjs follows the formula of lesson 03', (name) => {
  it('over 25 steps', () => {
    const expected = byFormula(name, params, gradient, 25, -1);
    const actual = byTfjs(name, params, gradient, 25, -1);
    actual.forEach((value, i) => expect(value, `step ${i + 1}`).toBeCloseTo(expected[i], 4));
  });
});

describe('hand-computed steps', () => {
  it('SGD and Momentum: θ = 1, g = 2θ (f = θ²), η = 0.1, μ = 0.9', () => {
    const g = (theta: number) => 2 * theta;
    // SGD: 1 → 0.8 → 0.64
    expect(byTfjs('sgd', params, g, 2, 1)).toEqual([expect.closeTo(0.8, 6), expect.closeTo(0.64, 6)]);
    // Momentum: v₁ = 2, θ₁ = 0.8; v₂ = 0.9·2 + 1.6 = 3.4, θ₂ = 0.8 − 0.34 = 0.46
    expect(byTfjs('momentum', params, g, 2, 1)).toEqual([expect.closeTo(0.8, 6), expect.closeTo(0.46, 6)]);
  });
  it('RMSProp: the first step is η·g/√(0.1·g² + ε) ≈ η·√10 whatever the size of g', () => {
    for (const scale of [0.1, 1, 1e3]) {
      const [theta] = byTfjs('rmsprop', params, () => scale, 1, 0);
      expect(theta).toBeCloseTo(-(0.1 * scale) / Math.sqrt(0.1 * scale * scale + EPS), 5);
      expect(Math.abs(theta)).toBeCloseTo(0.1 * Math.sqrt(10), 3);
    }
    // Until g² is large beside ε, ε sets the step: g = 10⁻³ gives η·10⁻³/√(10⁻⁷ + 10⁻⁷) ≈ 0.224, not 0.316.
    expect(byTfjs('rmsprop', params, () => 1e-3, 1, 0)[0]).toBeCloseTo(-0.2236, 3);
  });
  it('Adam: bias correction makes the first step η·g/(|g| + ε) ≈ η·sign(g)', () => {
    for (const g of [-5e-3, 0.5, 40]) {
      const [theta] = byTfjs('adam', params, () => g, 1, 0);
      expect(theta).toBeCloseTo(-(0.1 * g) / (Math.abs(g) + EPS), 5);
    }
  });
  it('a changed learning rate applies to the next step', () => {
    for (const name of RACERS) {
      const theta = tf.variable(tf.scalar(0));
      const optimizer = createOptimizer(name, params);
      setLearningRate(optimizer, 0);
      const g = tf.scalar(1);
      optimizer.applyGradients([{ name: theta.name, tensor: g }]);
      expect(theta.dataSync()[0], name).toBe(0);
      tf.dispose([theta, g]);
      disposeOptimizer(optimizer);
    }
  });
});

describe('the loss surfaces', () => {
  it.each(SURFACES.map((s, i) => [i, s] as const))(
    'surface %i: the gradient matches finite differences, f* at the minima',
    (_, surface) => {
      const h = 1e-5;
      for (const [x, y] of [
        [-1.2, 1],
        [0.3, -0.7],
        [1.5, 2],
      ]) {
        const [gx, gy] = surface.grad(x, y);
        expect(gx).toBeCloseTo((surface.f(x + h, y) - surface.f(x - h, y)) / (2 * h), 3);
        expect(gy).toBeCloseTo((surface.f(x, y + h) - surface.f(x, y - h)) / (2 * h), 3);
      }
      for (const [x, y] of surface.minima) {
        expect(surface.f(x, y)).toBeCloseTo(surface.fMin, 10);
        expect(surface.grad(x, y).map(Math.abs)).toEqual([0, 0]);
      }
    },
  );
});

function run(overrides: Partial<OptimizerRaceParams>, steps: number) {
  const model = createOptimizerRace({ ...defaults(OPTIMIZER_RACE_PARAMS), ...overrides }, 0);
  const rows: number[][] = [];
  for (let i = 0; i < steps; i++) {
    const record = model.step();
    rows.push([...record.dataSync()]);
    record.dispose();
  }
  return { model, rows };
}

describe('the optimizer race', () => {
  it('moves each racer exactly as tfjs moves a lone point, using the surface gradient', () => {
    const surface = SURFACES[1];
    const { model, rows } = run({ surface: 'rosenbrock', ...surface.preset }, 20);
    const p: OptimizerRaceParams = { ...defaults(OPTIMIZER_RACE_PARAMS), ...surface.preset };
    model.traceNames.forEach((traceName, j) => {
      const [name, field] = traceName.split('.') as [RacerName, string];
      if (field !== 'x') return;
      // Replay with plain numbers: the tfjs formulas on the two coordinates separately.
      let x = surface.start[0];
      let y = surface.start[1];
      const lr = p[({ sgd: 'lrSgd', momentum: 'lrMomentum', rmsprop: 'lrRmsprop', adam: 'lrAdam' } as const)[name]];
      const state = { vx: 0, vy: 0, wx: 0, wy: 0 };
      for (let t = 1; t <= 20; t++) {
        const [gx, gy] = surface.grad(x, y);
        const update = (g: number, v: 'vx' | 'vy', w: 'wx' | 'wy') => {
          if (name === 'sgd') return lr * g;
          if (name === 'momentum') return lr * (state[v] = p.mu * state[v] + g);
          if (name === 'rmsprop') return (lr * g) / Math.sqrt((state[v] = p.rho * state[v] + (1 - p.rho) * g * g) + EPS);
          state[v] = p.beta1 * state[v] + (1 - p.beta1) * g;
          state[w] = p.beta2 * state[w] + (1 - p.beta2) * g * g;
          return (lr * state[v]) / (1 - p.beta1 ** t) / (Math.sqrt(state[w] / (1 - p.beta2 ** t)) + EPS);
        };
        const loss = surface.f(x, y) - surface.fMin;
        expect(rows[t - 1][j], `${name} loss at step ${t}`).toBeCloseTo(loss, 1);
        x -= update(gx, 'vx', 'wx');
        y -= update(gy, 'vy', 'wy');
        expect(rows[t - 1][j + 1], `${name} x at step ${t}`).toBeCloseTo(x, 3);
        expect(rows[t - 1][j + 2], `${name} y at step ${t}`).toBeCloseTo(y, 3);
      }
    });
    model.dispose();
  });

  it('freezes a diverging racer where it was and keeps the others going', () => {
    // SGD above 2/100 on the narrow bowl: its y-coordinate grows ×(1 − 100η) per step.
    const { model, rows } = run({ surface: 'bowl', lrSgd: 0.05 }, 300);
    const out = model.traceNames.indexOf('sgd.out') + 1;
    const x = model.traceNames.indexOf('sgd.x') + 1;
    const firstOut = rows.findIndex((r) => r[out] === 1);
    expect(firstOut).toBeGreaterThan(0);
    expect(rows.every((r) => r.every(Number.isFinite))).toBe(true);
    expect(rows[299][x]).toBe(rows[firstOut][x]);
    // The race's own loss is the best racer's: Adam and Momentum reach the minimum.
    expect(rows[299][0]).toBeLessThan(1e-6);
    model.dispose();
  });

  it('reports ∞ (a diverged run) once every racer is out', () => {
    const { rows, model } = run({ surface: 'bowl', momentum: false, rmsprop: false, adam: false, lrSgd: 0.5 }, 40);
    expect(rows.some((r) => r[0] === Infinity)).toBe(true);
    model.dispose();
  });

  it('runs only the racers switched on, from the clicked start when it lies on the map', () => {
    const { model, rows } = run({ surface: 'saddle', sgd: false, momentum: false, x0: 1, y0: -1.5 }, 1);
    expect(model.traceNames).toEqual([
      'rmsprop.loss',
      'rmsprop.x',
      'rmsprop.y',
      'rmsprop.out',
      'adam.loss',
      'adam.x',
      'adam.y',
      'adam.out',
    ]);
    expect(model.initialTrace.slice(1, 3)).toEqual([1, -1.5]);
    expect(rows[0][1]).toBeCloseTo(SURFACES[2].f(1, -1.5) + 0.25, 5);
    model.dispose();
    // Outside the window: the surface's own start.
    const other = createOptimizerRace({ ...defaults(OPTIMIZER_RACE_PARAMS), surface: 'rosenbrock', x0: 8, y0: 8 }, 0);
    expect(other.initialTrace.slice(1, 3)).toEqual(SURFACES[1].start);
    other.dispose();
  });

  it('frees every tensor it made', () => {
    const before = tf.memory().numTensors;
    const { model } = run({ surface: 'rosenbrock' }, 30);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
