import { describe, expect, it } from 'vitest';
import { logTicks, niceTicks } from '../../src/charts/axes';
import { chainSegments, contourSegments, logLevels } from '../../src/charts/contours';
import { lttb } from '../../src/charts/downsample';

describe('lttb downsampling', () => {
  const points = Array.from({ length: 5000 }, (_, i) => ({ x: i, y: Math.exp(-i / 500) + (i === 2500 ? 5 : 0) }));
  it('returns the requested number of points, keeping both ends', () => {
    const out = lttb(points, 300);
    expect(out).toHaveLength(300);
    expect(out[0]).toBe(points[0]);
    expect(out.at(-1)).toBe(points.at(-1));
  });
  it('keeps a one-step spike (a loss blow-up must stay visible)', () => {
    expect(lttb(points, 300).some((p) => p.x === 2500)).toBe(true);
  });
  it('leaves short series untouched', () => {
    expect(lttb(points.slice(0, 10), 300)).toHaveLength(10);
  });
});

describe('contours', () => {
  it('traces a circle at the right radius', () => {
    const size = 41;
    const values = new Float32Array(size * size);
    for (let r = 0; r < size; r++) for (let c = 0; c < size; c++) values[r * size + c] = (c - 20) ** 2 + (r - 20) ** 2;
    const segments = contourSegments(values, size, size, 100);
    expect(segments.length).toBeGreaterThan(40 * 4);
    for (let i = 0; i < segments.length; i += 2) {
      const radius = Math.hypot(segments[i] - 20, segments[i + 1] - 20);
      expect(Math.abs(radius - 10)).toBeLessThan(0.35);
    }
  });
  it('spaces levels evenly in log space', () => {
    const levels = logLevels(0.01, 100, 4);
    const ratios = levels.slice(1).map((l, i) => l / levels[i]);
    for (const r of ratios) expect(r).toBeCloseTo(10, 6);
  });
});

describe('niceTicks', () => {
  it('chooses round steps', () => {
    expect(niceTicks(0, 5)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(niceTicks(-1.2, 2.3)).toEqual([-1, 0, 1, 2]);
  });
});

describe('logTicks', () => {
  it('uses 1-2-5 steps over a few decades', () => {
    expect(logTicks(0.25, 12)).toEqual([0.5, 1, 2, 5, 10]);
  });
  it('uses powers of ten only over many decades', () => {
    expect(logTicks(1e-3, 1e5)).toEqual([1e-3, 1e-2, 0.1, 1, 10, 100, 1000, 1e4, 1e5]);
  });
  it('returns nothing for a range a log axis cannot show', () => {
    expect(logTicks(0, 10)).toEqual([]);
  });
});

describe('chaining contour segments', () => {
  it('joins the segments of one closed contour into a single polyline', () => {
    // A bowl: a level contour is one closed curve.
    const n = 21;
    const values = Array.from({ length: n * n }, (_, i) => ((i % n) - 10) ** 2 / 25 + (Math.floor(i / n) - 10) ** 2 / 25);
    const segments = contourSegments(values, n, n, 1.1);
    const lines = chainSegments(segments);
    expect(lines).toHaveLength(1);
    expect(lines[0].length / 2 - 1).toBe(segments.length / 4);
    expect(lines[0].slice(0, 2)).toEqual(lines[0].slice(-2));
  });
  it('keeps separate curves apart', () => {
    const values = [0, 2, 0, 0, 2, 0, 0, 2, 0];
    expect(chainSegments(contourSegments(values, 3, 3, 1))).toHaveLength(2);
  });
});
