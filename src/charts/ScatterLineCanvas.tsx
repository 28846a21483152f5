import { drawAxes, toPixelX, toPixelY, type Frame } from './axes';
import { useCanvas } from './useCanvas';

export interface PlotLine {
  b0: number;
  b1: number;
  color: string;
  dashed?: boolean;
}

/** Points (x, y) and straight lines y = b0 + b1 x over the x window. Non-finite lines are not drawn. */
export function ScatterLineCanvas({ x, y, lines, xRange, label }: {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  lines: PlotLine[];
  xRange: [number, number];
  label: string;
}) {
  const ref = useCanvas((ctx, width, height, css) => {
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let i = 0; i < y.length; i++) {
      yMin = Math.min(yMin, y[i]);
      yMax = Math.max(yMax, y[i]);
    }
    if (!Number.isFinite(yMin)) [yMin, yMax] = [0, 1];
    const pad = Math.max((yMax - yMin) * 0.1, 0.5);
    const frame: Frame = {
      x0: xRange[0] - 0.25, x1: xRange[1] + 0.25, y0: yMin - pad, y1: yMax + pad,
      width, height, margin: { left: 40, right: 10, top: 10, bottom: 34 },
    };
    drawAxes(ctx, frame, css, { x: 'x', y: 'y' });
    ctx.fillStyle = css('--chart-point');
    for (let i = 0; i < x.length; i++) {
      ctx.beginPath();
      ctx.arc(toPixelX(frame, x[i]), toPixelY(frame, y[i]), 3.5, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(frame.margin.left, frame.margin.top, width - frame.margin.left - frame.margin.right, height - frame.margin.top - frame.margin.bottom);
    ctx.clip();
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
    ctx.restore();
  });
  return <canvas ref={ref} className="chart-canvas" role="img" aria-label={label} />;
}
