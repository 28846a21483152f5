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

/**
 * Joins marching-squares segments that share end points into polylines, so a dashed line keeps its dash
 * pattern across cells (a canvas restarts the pattern at every separate segment).
 */
export function chainSegments(segments: number[]): number[][] {
  const key = (x: number, y: number) => `${x.toFixed(5)},${y.toFixed(5)}`;
  const ends = new Map<string, number[]>();
  for (let i = 0; i < segments.length; i += 4) {
    for (const k of [key(segments[i], segments[i + 1]), key(segments[i + 2], segments[i + 3])]) {
      const list = ends.get(k);
      if (list) list.push(i);
      else ends.set(k, [i]);
    }
  }
  const used = new Uint8Array(segments.length / 4);
  const lines: number[][] = [];
  const extend = (line: number[], x: number, y: number, forward: boolean) => {
    for (;;) {
      const next = ends.get(key(x, y))?.find((i) => !used[i / 4]);
      if (next === undefined) return;
      used[next / 4] = 1;
      const [ax, ay, bx, by] = segments.slice(next, next + 4);
      [x, y] = key(ax, ay) === key(x, y) ? [bx, by] : [ax, ay];
      if (forward) line.push(x, y);
      else line.unshift(x, y);
    }
  };
  for (let i = 0; i < segments.length; i += 4) {
    if (used[i / 4]) continue;
    used[i / 4] = 1;
    const line = segments.slice(i, i + 4);
    extend(line, line[2], line[3], true);
    extend(line, line[0], line[1], false);
    lines.push(line);
  }
  return lines;
}
