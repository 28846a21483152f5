import { drawAxes, toPixelX, toPixelY, type Frame } from './axes';
import { CanvasFrame } from './export/CanvasFrame';
import { useCanvas } from './useCanvas';

export interface PlotLine {
  b0: number;
  b1: number;
  color: string;
  dashed?: boolean;
}

/** A curve given by samples (x ascending), e.g. a fitted polynomial; non-finite samples break it. */
export interface PlotCurve {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  dashed?: boolean;
  /** Line width in CSS pixels (3 by default, 1.5 when dashed). */
  width?: number;
}

/** A second set of points, drawn as rings in `color` (a CSS colour or custom property name; muted by default). */
export interface HollowPoints {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color?: string;
}

export interface ScatterLineCanvasProps {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  lines?: PlotLine[];
  curves?: PlotCurve[];
  hollow?: HollowPoints;
  xRange: [number, number];
  label: string;
}

/** The x window (with a little room) over the range of the points' y, both sets, padded. */
function scatterFrame(
  y: ArrayLike<number>,
  hollow: HollowPoints | undefined,
  xRange: [number, number],
  width: number,
  height: number,
): Frame {
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const values of hollow ? [y, hollow.y] : [y]) {
    for (let i = 0; i < values.length; i++) {
      yMin = Math.min(yMin, values[i]);
      yMax = Math.max(yMax, values[i]);
    }
  }
  if (!Number.isFinite(yMin)) [yMin, yMax] = [0, 1];
  const pad = Math.max((yMax - yMin) * 0.1, 0.5);
  return {
    x0: xRange[0] - 0.25,
    x1: xRange[1] + 0.25,
    y0: yMin - pad,
    y1: yMax + pad,
    width,
    height,
    margin: { left: 40, right: 10, top: 10, bottom: 34 },
  };
}

function drawRings(ctx: CanvasRenderingContext2D, frame: Frame, points: HollowPoints, color: string) {
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  for (let i = 0; i < points.x.length; i++) {
    ctx.beginPath();
    ctx.arc(toPixelX(frame, points.x[i]), toPixelY(frame, points.y[i]), 3.5, 0, 2 * Math.PI);
    ctx.stroke();
  }
}

function drawDots(ctx: CanvasRenderingContext2D, frame: Frame, x: ArrayLike<number>, y: ArrayLike<number>, color: string) {
  ctx.fillStyle = color;
  for (let i = 0; i < x.length; i++) {
    ctx.beginPath();
    ctx.arc(toPixelX(frame, x[i]), toPixelY(frame, y[i]), 3.5, 0, 2 * Math.PI);
    ctx.fill();
  }
}

function drawLines(ctx: CanvasRenderingContext2D, frame: Frame, lines: PlotLine[], css: (name: string) => string) {
  for (const line of lines) {
    if (!Number.isFinite(line.b0) || !Number.isFinite(line.b1)) continue;
    ctx.strokeStyle = css(line.color) || line.color;
    ctx.lineWidth = line.dashed ? 1.5 : 3;
    ctx.setLineDash(line.dashed ? [6, 5] : []);
    ctx.beginPath();
    ctx.moveTo(toPixelX(frame, frame.x0), toPixelY(frame, line.b0 + line.b1 * frame.x0));
    ctx.lineTo(toPixelX(frame, frame.x1), toPixelY(frame, line.b0 + line.b1 * frame.x1));
    ctx.stroke();
  }
}

function drawCurves(ctx: CanvasRenderingContext2D, frame: Frame, curves: PlotCurve[], css: (name: string) => string) {
  for (const curve of curves) {
    ctx.strokeStyle = css(curve.color) || curve.color;
    ctx.lineWidth = curve.width ?? (curve.dashed ? 1.5 : 3);
    ctx.setLineDash(curve.dashed ? [6, 5] : []);
    ctx.lineJoin = 'round';
    ctx.beginPath();
    let drawing = false;
    for (let i = 0; i < curve.x.length; i++) {
      // Far outside the frame a canvas path loses precision; the clip hides the rest anyway.
      const py = Math.max(-10 * frame.height, Math.min(11 * frame.height, toPixelY(frame, curve.y[i])));
      if (!Number.isFinite(curve.y[i])) {
        drawing = false;
        continue;
      }
      if (drawing) ctx.lineTo(toPixelX(frame, curve.x[i]), py);
      else ctx.moveTo(toPixelX(frame, curve.x[i]), py);
      drawing = true;
    }
    ctx.stroke();
  }
}

/**
 * Points (x, y) and straight lines y = b0 + b1 x over the x window. Non-finite lines are not drawn.
 * Optionally a second set of points drawn as rings (`hollow`, e.g. validation data) and sampled curves.
 * The vertical range follows the points (both sets), never the lines or curves, so a curve that shoots
 * off is clipped rather than squashing the data.
 */
export function ScatterLineCanvas({ x, y, lines = [], curves = [], hollow, xRange, label }: ScatterLineCanvasProps) {
  const ref = useCanvas((ctx, width, height, css) => {
    const frame = scatterFrame(y, hollow, xRange, width, height);
    drawAxes(ctx, frame, css, { x: 'x', y: 'y' });
    if (hollow) drawRings(ctx, frame, hollow, css(hollow.color ?? '--chart-muted') || hollow.color || '');
    drawDots(ctx, frame, x, y, css('--chart-point'));
    ctx.save();
    ctx.beginPath();
    ctx.rect(
      frame.margin.left,
      frame.margin.top,
      width - frame.margin.left - frame.margin.right,
      height - frame.margin.top - frame.margin.bottom,
    );
    ctx.clip();
    drawLines(ctx, frame, lines, css);
    drawCurves(ctx, frame, curves, css);
    ctx.setLineDash([]);
    ctx.restore();
  });
  return (
    <CanvasFrame canvas={ref} chart="scatter">
      <canvas ref={ref} className="chart-canvas" role="img" aria-label={label} />
    </CanvasFrame>
  );
}
