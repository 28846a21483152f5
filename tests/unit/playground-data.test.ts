import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATION_SETS,
  featureRows,
  makePlaygroundData,
  PLAYGROUND_RANGE,
  REGRESSION_SETS,
  splitTrainTest,
  type PlaygroundSet,
} from '../../src/ml/mlp-playground/data';

const ALL: PlaygroundSet[] = [...CLASSIFICATION_SETS, ...REGRESSION_SETS];

describe('the playground data sets', () => {
  it.each(ALL)('%s: seeded, the requested size, inside the window', (set) => {
    const a = makePlaygroundData(set, 200, 0.2, 4);
    expect(a).toEqual(makePlaygroundData(set, 200, 0.2, 4));
    expect(a).not.toEqual(makePlaygroundData(set, 200, 0.2, 5));
    expect(a).toHaveLength(200);
    for (const p of a) {
      expect(Math.abs(p.x1)).toBeLessThanOrEqual(PLAYGROUND_RANGE[1] + 3);
      expect(Math.abs(p.x2)).toBeLessThanOrEqual(PLAYGROUND_RANGE[1] + 3);
    }
  });

  it.each(CLASSIFICATION_SETS)('%s: labels 0 and 1, half each without noise (XOR: about half, drawn uniformly)', (set) => {
    const points = makePlaygroundData(set, 100, 0, 1);
    const ones = points.filter((p) => p.label === 1).length;
    if (set === 'xor') expect(Math.abs(ones - 50)).toBeLessThanOrEqual(10);
    else expect(ones).toBe(50);
    expect(points.every((p) => p.label === 0 || p.label === 1)).toBe(true);
  });

  it('without noise each label follows its rule', () => {
    for (const p of makePlaygroundData('circle', 300, 0, 2)) expect(p.label).toBe(Math.hypot(p.x1, p.x2) < 2.5 ? 1 : 0);
    for (const p of makePlaygroundData('xor', 300, 0, 2)) {
      expect(p.label).toBe(p.x1 * p.x2 >= 0 ? 1 : 0);
      expect(Math.min(Math.abs(p.x1), Math.abs(p.x2))).toBeGreaterThanOrEqual(0.3);
    }
    for (const p of makePlaygroundData('plane', 300, 0, 2)) expect(p.label).toBeCloseTo((p.x1 + p.x2) / 10, 12);
    // The two spiral arms are the same curve turned half a turn: the points mirror through the origin.
    const spiral = makePlaygroundData('spiral', 100, 0, 2);
    for (let i = 0; i < 50; i++) {
      expect(spiral[i + 50].x1).toBeCloseTo(-spiral[i].x1, 10);
      expect(spiral[i + 50].x2).toBeCloseTo(-spiral[i].x2, 10);
    }
  });

  it('multi-gaussian targets are ±1 at the bump centres and 0 far from all of them', () => {
    const points = makePlaygroundData('multi-gaussian', 2000, 0, 3);
    expect(points.every((p) => p.label >= -1 && p.label <= 1)).toBe(true);
    const near = points.filter((p) => Math.hypot(p.x1 - 4, p.x2 - 2.5) < 0.2);
    for (const p of near) expect(p.label).toBeGreaterThan(0.85);
    const far = points.filter((p) => Math.abs(p.x2) < 0.3 && Math.abs(p.x1 - 2) < 0.3);
    for (const p of far) expect(p.label).toBe(0);
  });

  it('noise moves labels across the boundary, more with more noise', () => {
    const wrong = (noise: number) => makePlaygroundData('circle', 1000, noise, 6).filter((p, i) => p.label !== (i < 500 ? 1 : 0)).length;
    expect(wrong(0)).toBe(0);
    expect(wrong(0.1)).toBeGreaterThan(0);
    expect(wrong(0.5)).toBeGreaterThan(wrong(0.1));
  });
});

describe('features and the split', () => {
  it('computes x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ in the order asked', () => {
    const rows = featureRows([{ x1: 2, x2: -3 }], ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2']);
    expect([...rows]).toEqual([2, -3, 4, 9, -6, Math.fround(Math.sin(2)), Math.fround(Math.sin(-3))]);
    expect([...featureRows([{ x1: 2, x2: -3 }], ['x1x2', 'x1'])]).toEqual([-6, 2]);
  });
  it('splits every point exactly once, reproducibly', () => {
    const points = makePlaygroundData('xor', 101, 0, 1);
    const { train, test } = splitTrainTest(points, 0.5, 9);
    expect(train).toHaveLength(51);
    expect(test).toHaveLength(50);
    expect(new Set([...train, ...test]).size).toBe(101);
    expect(splitTrainTest(points, 0.5, 9)).toEqual({ train, test });
  });
});
