/**
 * A ROC curve: true-positive rate against false-positive rate, the chance diagonal, the point of the current
 * threshold and the area under the curve written in the corner.
 */
import { drawAxes, toPixelX, toPixelY, type Frame } from './axes';
import { useCanvas } from './useCanvas';

export function RocCanvas({
  curve,
  point,
  aucText,
  axes,
  description,
}: {
  /** The curve's vertices in order, from (0, 0) to (1, 1). */
  curve: ReadonlyArray<{ fpr: number; tpr: number }>;
  /** The current threshold's point, or null to draw none. */
  point: { fpr: number; tpr: number } | null;
  aucText: string;
  axes: { x: string; y: string };
  description: string;
}) {
  const ref = useCanvas((ctx, width, height, css) => {
    const frame: Frame = { x0: 0, x1: 1, y0: 0, y1: 1, width, height, margin: { left: 44, right: 12, top: 10, bottom: 36 } };
    drawAxes(ctx, frame, css, axes);
    const px = (x: number) => toPixelX(frame, x);
    const py = (y: number) => toPixelY(frame, y);
    ctx.strokeStyle = css('--chart-muted');
    ctx.lineWidth = 1.5;
    ctx.setLineDash([6, 5]);
    ctx.beginPath();
    ctx.moveTo(px(0), py(0));
    ctx.lineTo(px(1), py(1));
    ctx.stroke();
    ctx.setLineDash([]);

    ctx.strokeStyle = css('--accent');
    ctx.lineWidth = 2.5;
    ctx.lineJoin = 'round';
    ctx.beginPath();
    let lastX = -Infinity;
    let lastY = -Infinity;
    curve.forEach((p, i) => {
      const [x, y] = [px(p.fpr), py(p.tpr)];
      if (i === 0) ctx.moveTo(x, y);
      // Vertices under half a pixel apart add nothing but work (the last one is always drawn).
      else if (Math.abs(x - lastX) >= 0.5 || Math.abs(y - lastY) >= 0.5 || i === curve.length - 1) ctx.lineTo(x, y);
      else return;
      [lastX, lastY] = [x, y];
    });
    ctx.stroke();

    if (point) {
      ctx.fillStyle = css('--accent-strong');
      ctx.strokeStyle = css('--bg') || '#fff';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(px(point.fpr), py(point.tpr), 6, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.fillStyle = css('--chart-text');
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(aucText, px(1) - 6, py(0) - 6);
  });
  return <canvas ref={ref} className="chart-canvas square" role="img" aria-label={description} data-roc-points={curve.length} />;
}
