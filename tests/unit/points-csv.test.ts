import { describe, expect, it } from 'vitest';
import { formatCsvPoints, parseCsvPoints } from '../../src/ml/shared/points-csv';

const RANGE = [-6, 6] as const;

describe('a learner’s CSV of points', () => {
  it('reads x1, x2, label lines with a header, comments, blank lines and any separator', () => {
    const text = 'x1,x2,label\n# two points\n1.5, -2, 1\n\n-3;4;0\n0.5\t.25\t1\n-1e0 2 -1\r\n';
    const points = parseCsvPoints(text, RANGE);
    expect('problem' in points).toBe(false);
    if ('problem' in points) return;
    expect([...points.x1]).toEqual([1.5, -3, 0.5, -1]);
    expect([...points.x2]).toEqual([-2, 4, 0.25, 2]);
    expect([...points.label]).toEqual([1, 0, 1, 0]);
  });

  it('names the line of a malformed row', () => {
    expect(parseCsvPoints('1,2,1\n3,4\n', RANGE)).toEqual({ problem: { kind: 'fields', line: 2 } });
    expect(parseCsvPoints('1,2,1\nx,4,0\n', RANGE)).toEqual({ problem: { kind: 'number', line: 2 } });
    expect(parseCsvPoints('1,2,1\n3,4,2\n', RANGE)).toEqual({ problem: { kind: 'label', line: 2 } });
    expect(parseCsvPoints('a,b,c\n1,2,1\n7,0,0\n', RANGE)).toEqual({ problem: { kind: 'outside', line: 3 } });
    // Only the first line may be a header.
    expect(parseCsvPoints('1,2,1\nx1,x2,label\n', RANGE)).toEqual({ problem: { kind: 'number', line: 2 } });
  });

  it('wants points of both classes, not too many of them', () => {
    expect(parseCsvPoints('', RANGE)).toEqual({ problem: { kind: 'empty' } });
    expect(parseCsvPoints('x1,x2,label\n', RANGE)).toEqual({ problem: { kind: 'empty' } });
    expect(parseCsvPoints('1,2,1\n2,3,1\n', RANGE)).toEqual({ problem: { kind: 'one-class' } });
    const many = Array.from({ length: 601 }, (_, i) => `0,0,${i % 2}`).join('\n');
    expect(parseCsvPoints(many, RANGE)).toEqual({ problem: { kind: 'too-many', count: 601 } });
  });

  it('writes what it reads', () => {
    const points = parseCsvPoints('1.25,-2,1\n3,4,0\n', RANGE);
    if ('problem' in points) throw new Error('parse failed');
    const again = parseCsvPoints(formatCsvPoints(points), RANGE);
    expect(again).toEqual(points);
  });
});
