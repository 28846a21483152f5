/**
 * The shape the Recharts lines are drawn with: one plain SVG path through the points Recharts has placed.
 * Recharts' own shape measures the previous path (getTotalLength, for its entrance animation, even with
 * animation off), which forces a layout in the middle of every update, and builds the path through d3-shape.
 */
import type { LineDrawShapeProps } from 'recharts';

/** "M x,y L x,y …" through the points, leaving out points under half a pixel from the last one drawn. */
export function linePath(points: ReadonlyArray<{ x?: number | null; y?: number | null }>): string {
  let d = '';
  let lastX = NaN;
  let lastY = NaN;
  points.forEach((p, i) => {
    if (p.x == null || p.y == null || !Number.isFinite(p.x) || !Number.isFinite(p.y)) return;
    const final = i === points.length - 1;
    if (d !== '' && !final && Math.abs(p.x - lastX) < 0.5 && Math.abs(p.y - lastY) < 0.5) return;
    d += `${d === '' ? 'M' : 'L'}${Math.round(p.x * 10) / 10},${Math.round(p.y * 10) / 10}`;
    [lastX, lastY] = [p.x, p.y];
  });
  return d;
}

export function PlainLine({ points = [], stroke, strokeWidth, strokeDasharray, strokeOpacity, clipPath }: LineDrawShapeProps) {
  const d = linePath(points);
  if (d === '') return null;
  return (
    <path
      className="recharts-line-curve"
      d={d}
      fill="none"
      stroke={stroke}
      strokeWidth={strokeWidth}
      strokeDasharray={strokeDasharray}
      strokeOpacity={strokeOpacity}
      strokeLinejoin="round"
      clipPath={clipPath}
    />
  );
}
