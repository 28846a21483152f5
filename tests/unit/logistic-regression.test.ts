import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  flattenPoints,
  formatPoints,
  makePreset,
  parsePoints,
  togglePoint,
  WINDOW,
  type Points2D,
} from '../../src/ml/shared/classification-data';
import { accuracy, logLoss, logLossGradient, pointLoss, scoreGrid, sigmoid, type Weights2D } from '../../src/ml/logistic-regression/math';
import { createLogisticRegression } from '../../src/ml/logistic-regression/trainer';
import { defaults } from '../../src/state/params';
import { LOGISTIC_REGRESSION_PARAMS, type LogisticRegressionParams } from '../../src/ml/logistic-regression/contract';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const points = makePreset('overlapping', 30, 3);

describe('the log-loss and its gradient', () => {
  it('σ(0) = 1/2, σ(−z) = 1 − σ(z), and no overflow far out', () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const z of [0.3, 2, 9]) expect(sigmoid(-z)).toBeCloseTo(1 - sigmoid(z), 12);
    expect(sigmoid(-800)).toBe(0);
    expect(sigmoid(800)).toBe(1);
  });
  it('the stable form equals −[y ln p + (1 − y) ln(1 − p)], and a confidently wrong point costs about |z|', () => {
    for (const z of [-4, -0.5, 0, 1.5, 6]) {
      const p = sigmoid(z);
      expect(pointLoss(z, 1)).toBeCloseTo(-Math.log(p), 10);
      expect(pointLoss(z, 0)).toBeCloseTo(-Math.log(1 - p), 10);
    }
    expect(pointLoss(-50, 1)).toBeCloseTo(50, 10);
    expect(pointLoss(0, 1)).toBeCloseTo(Math.LN2, 12);
  });
  it('the gradient (1/n)Σ(p − y)x matches central finite differences', () => {
    const h = 1e-6;
    for (const w of [
      { w1: 0, w2: 0, b: 0 },
      { w1: 0.7, w2: -1.2, b: 0.3 },
      { w1: 3, w2: 2, b: -1 },
    ] as Weights2D[]) {
      const g = logLossGradient(points, w);
      for (const key of ['w1', 'w2', 'b'] as const) {
        const numeric = (logLoss(points, { ...w, [key]: w[key] + h }) - logLoss(points, { ...w, [key]: w[key] - h })) / (2 * h);
        expect(g[key], key).toBeCloseTo(numeric, 6);
      }
    }
  });
  it('at w = 0 the loss is ln 2 whatever the data', () => {
    expect(logLoss(points, { w1: 0, w2: 0, b: 0 })).toBeCloseTo(Math.LN2, 12);
  });
  it('the score grid is w·x + b at the window corners', () => {
    const grid = scoreGrid({ w1: 2, w2: -1, b: 0.5 }, 5, 4);
    expect(grid[0]).toBeCloseTo(2 * WINDOW[0] - WINDOW[0] + 0.5, 5);
    expect(grid[5 * 4 - 1]).toBeCloseTo(2 * WINDOW[1] - WINDOW[1] + 0.5, 5);
  });
});

function train(overrides: Partial<LogisticRegressionParams>, steps: number, data?: number[]) {
  const model = createLogisticRegression({ ...defaults(LOGISTIC_REGRESSION_PARAMS), ...overrides }, 3, data);
  const rows: number[][] = [];
  for (let i = 0; i < steps; i++) {
    const record = model.step();
    rows.push([...record.dataSync()]);
    record.dispose();
  }
  return { model, rows, points: (model.info as { points: Points2D }).points };
}

describe('the tfjs trainer', () => {
  it('takes exactly the gradient-descent steps of the formulas', () => {
    const { model, rows, points: data } = train({ preset: 'overlapping', lr: 0.5 }, 25);
    let w: Weights2D = { w1: 0, w2: 0, b: 0 };
    for (const row of rows) {
      expect(row[0]).toBeCloseTo(logLoss(data, w), 5);
      expect(row[4]).toBeCloseTo(accuracy(data, w), 6);
      const g = logLossGradient(data, w);
      w = { w1: w.w1 - 0.5 * g.w1, w2: w.w2 - 0.5 * g.w2, b: w.b - 0.5 * g.b };
      expect(row.slice(1, 4)).toEqual([expect.closeTo(w.w1, 4), expect.closeTo(w.w2, 4), expect.closeTo(w.b, 4)]);
    }
    model.dispose();
  });
  it('separates the separable preset, and its weights keep growing', () => {
    const { model, rows } = train({ preset: 'separable', lr: 0.5 }, 2000);
    const norm = (r: number[]) => Math.hypot(r[1], r[2]);
    expect(rows[499][4]).toBe(1);
    expect(norm(rows[1999])).toBeGreaterThan(norm(rows[499]) * 1.2);
    expect(rows[1999][0]).toBeLessThan(rows[499][0]);
    model.dispose();
  });
  it('cannot separate XOR: the loss stays near ln 2', () => {
    const { model, rows } = train({ preset: 'xor', lr: 0.5 }, 500);
    expect(rows[499][0]).toBeGreaterThan(0.65);
    expect(rows[499][4]).toBeLessThan(0.7);
    model.dispose();
  });
  it("trains on the learner's own points, and a far wrong point gives a large finite loss", () => {
    const own = flattenPoints(parsePoints('1,1,1;2,2,1;-1,-1,0;-2,-2,0') as Points2D);
    const { model, rows } = train({ lr: 1 }, 300, own);
    expect(rows[299][4]).toBe(1);
    model.dispose();
    const wrong = train({ lr: 1 }, 300, [...own, 2.9, 2.9, 0]);
    expect(wrong.rows.every((r) => r.every(Number.isFinite))).toBe(true);
    wrong.model.dispose();
  });
  it('frees every tensor it made', () => {
    const before = tf.memory().numTensors;
    train({}, 5).model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('points: presets, links and clicks', () => {
  it('presets are seeded, n per class, inside the window', () => {
    for (const preset of ['separable', 'overlapping', 'xor', 'ring'] as const) {
      const a = makePreset(preset, 11, 9);
      expect(a).toEqual(makePreset(preset, 11, 9));
      expect(a.label.filter((l) => l === 1).length).toBe(11);
      expect([...a.x1, ...a.x2].every((v) => v >= WINDOW[0] && v <= WINDOW[1])).toBe(true);
    }
    const xor = makePreset('xor', 20, 2);
    for (let i = 0; i < 40; i++)
      if (Math.abs(xor.x1[i]) > 0.3 && Math.abs(xor.x2[i]) > 0.3) expect(xor.x1[i] * xor.x2[i] > 0).toBe(xor.label[i] === 1);
  });
  it('survive a link to two decimals', () => {
    const parsed = parsePoints(formatPoints(points)) as Points2D;
    expect(parsed.label).toEqual(points.label);
    parsed.x1.forEach((v, i) => expect(Math.abs(v - points.x1[i])).toBeLessThanOrEqual(0.005 + 1e-6));
  });
  it('refuse a malformed, outside, one-class or oversized list with a reason', () => {
    expect(parsePoints('1,2')).toEqual({ error: 'malformed' });
    expect(parsePoints('1,2,3;0,0,0')).toEqual({ error: 'malformed' });
    expect(parsePoints('a,b,1;0,0,0')).toEqual({ error: 'malformed' });
    expect(parsePoints('9,0,1;0,0,0')).toEqual({ error: 'outside' });
    expect(parsePoints('1,1,1;0,0,1')).toEqual({ error: 'one-class' });
    expect(parsePoints(Array(601).fill('0,0,1').join(';'))).toEqual({ error: 'too-many' });
    // The window is the plot's: the playground's is ±6.
    expect(parsePoints('5,-5,1;0,0,0', [-6, 6])).not.toHaveProperty('error');
    expect(parsePoints('7,0,1;0,0,0', [-6, 6])).toEqual({ error: 'outside' });
  });
  it('a click removes the nearest point within reach, or adds one of the chosen class', () => {
    const base = parsePoints('0,0,1;1,1,0') as Points2D;
    const removed = togglePoint(base, 0.05, -0.05, 0, 0.2);
    expect([...removed.label]).toEqual([0]);
    expect([...togglePoint(base, 9, -9, 1, 0.2, [-6, 6]).x1].at(-1)).toBe(6);
    const added = togglePoint(base, -2, 2, 0, 0.2);
    expect(added.x1.length).toBe(3);
    expect([added.x1[2], added.x2[2], added.label[2]]).toEqual([-2, 2, 0]);
  });
});

describe('points edited by clicks', () => {
  it('are kept exactly as the link will hold them', async () => {
    const { asInLink } = await import('../../src/ml/shared/classification-data');
    const rounded = asInLink(points);
    expect(parsePoints(formatPoints(rounded))).toEqual(rounded);
  });
});
