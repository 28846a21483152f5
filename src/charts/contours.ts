/**
 * Contour lines of a grid by marching squares. Returns line segments in grid coordinates (column, row),
 * where (0, 0) is the first value and (cols − 1, rows − 1) the last.
 */
export function contourSegments(values: ArrayLike<number>, cols: number, rows: number, level: number): number[] {
  const segments: number[] = [];
  const at = (c: number, r: number) => values[r * cols + c];
  const cross = (a: number, b: number) => (level - a) / (b - a);
  for (let r = 0; r < rows - 1; r++) {
    for (let c = 0; c < cols - 1; c++) {
      const v00 = at(c, r);
      const v10 = at(c + 1, r);
      const v01 = at(c, r + 1);
      const v11 = at(c + 1, r + 1);
      const points: number[] = [];
      if (v00 < level !== v10 < level) points.push(c + cross(v00, v10), r);
      if (v10 < level !== v11 < level) points.push(c + 1, r + cross(v10, v11));
      if (v01 < level !== v11 < level) points.push(c + cross(v01, v11), r + 1);
      if (v00 < level !== v01 < level) points.push(c, r + cross(v00, v01));
      // Two crossings make one segment; four (a saddle cell) make two.
      for (let i = 0; i + 3 < points.length; i += 4) segments.push(points[i], points[i + 1], points[i + 2], points[i + 3]);
    }
  }
  return segments;
}

/** Levels spaced evenly in log space between a grid's smallest and largest positive values. */
export function logLevels(min: number, max: number, count: number): number[] {
  const low = Math.log(Math.max(min, 1e-12));
  const high = Math.log(Math.max(max, min * 1.0001, 1e-12));
  return Array.from({ length: count }, (_, i) => Math.exp(low + ((high - low) * (i + 0.5)) / count));
}
