/**
 * Two classes' distributions of a score in [0, 1], back to back: one class's bars above the axis, the other's
 * below, each as shares of its own class and on its own scale. A vertical line marks the threshold; the bars right of it (what is
 * predicted positive) are drawn solid, those left of it pale.
 */
import { formatNumber } from '../controls/format';
import { niceTicks, toPixelX, toPixelY, type Frame } from './axes';
import { CanvasFrame } from './export/CanvasFrame';
import { useCanvas } from './useCanvas';

export interface ClassHistogramCanvasProps {
  /** Shares per bin of equal width over [0, 1]. */
  above: ArrayLike<number>;
  below: ArrayLike<number>;
  threshold: number;
  /** CSS custom property names, e.g. '--series-1'. */
  colors: { above: string; below: string };
  axes: { x: string; y: string };
  description: string;
}

/** Where the two halves go: the plotted box's edges, the middle line between them, and each half's top share. */
interface HistogramLayout {
  frame: Frame;
  left: number;
  right: number;
  top: number;
  bottom: number;
  middle: number;
  peakAbove: number;
  peakBelow: number;
}

/** The top of a half's scale, a little above its highest share: each half has its own, so a rare class's distribution stays as readable as a common one's. */
function peakOf(shares: ArrayLike<number>): number {
  let peak = 0;
  for (let k = 0; k < shares.length; k++) peak = Math.max(peak, shares[k]);
  return peak > 0 ? Math.min(1, peak * 1.1) : 1;
}

function histogramLayout(above: ArrayLike<number>, below: ArrayLike<number>, width: number, height: number): HistogramLayout {
  const frame: Frame = { x0: 0, x1: 1, y0: -1, y1: 1, width, height, margin: { left: 48, right: 12, top: 10, bottom: 36 } };
  const [left, right, top, bottom] = [toPixelX(frame, 0), toPixelX(frame, 1), toPixelY(frame, 1), toPixelY(frame, -1)];
  return { frame, left, right, top, bottom, middle: (top + bottom) / 2, peakAbove: peakOf(above), peakBelow: peakOf(below) };
}

/** A share drawn upwards (sign 1) or downwards (sign −1) from the middle line. */
function shareY(layout: HistogramLayout, share: number, sign: 1 | -1): number {
  return layout.middle - (sign * share * (layout.middle - layout.top)) / (sign === 1 ? layout.peakAbove : layout.peakBelow);
}

/** Grid lines and tick labels: scores along the bottom, each half's shares up and down the left side. */
function drawTicks(ctx: CanvasRenderingContext2D, layout: HistogramLayout, css: (name: string) => string) {
  ctx.font = '12px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.strokeStyle = css('--chart-grid');
  ctx.fillStyle = css('--chart-text');
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const tick of niceTicks(0, 1)) {
    ctx.beginPath();
    ctx.moveTo(toPixelX(layout.frame, tick), layout.top);
    ctx.lineTo(toPixelX(layout.frame, tick), layout.bottom);
    ctx.stroke();
    ctx.fillText(String(tick), toPixelX(layout.frame, tick), layout.bottom + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const sign of [1, -1] as const) {
    for (const tick of niceTicks(0, sign === 1 ? layout.peakAbove : layout.peakBelow, 2)) {
      if (tick === 0) continue;
      const y = shareY(layout, tick, sign);
      ctx.beginPath();
      ctx.moveTo(layout.left, y);
      ctx.lineTo(layout.right, y);
      ctx.stroke();
      ctx.fillText(formatNumber(tick, 2), layout.left - 4, y);
    }
  }
  ctx.fillText('0', layout.left - 4, layout.middle);
}

/** The axes' titles, below and (turned) left of the plot; uses the fill style and font already set. */
function drawAxisTitles(ctx: CanvasRenderingContext2D, layout: HistogramLayout, axes: { x: string; y: string }) {
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(axes.x, (layout.left + layout.right) / 2, layout.frame.height - 1);
  ctx.save();
  ctx.translate(11, (layout.top + layout.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(axes.y, 0, 0);
  ctx.restore();
}

function drawBars(ctx: CanvasRenderingContext2D, layout: HistogramLayout, shares: ArrayLike<number>, sign: 1 | -1, color: string) {
  const bins = shares.length;
  ctx.fillStyle = color;
  for (let k = 0; k < bins; k++) {
    if (shares[k] <= 0) continue;
    const x = toPixelX(layout.frame, k / bins);
    const w = toPixelX(layout.frame, (k + 1) / bins) - x;
    const y = shareY(layout, shares[k], sign);
    ctx.fillRect(x + 0.5, Math.min(y, layout.middle), Math.max(w - 1, 1), Math.abs(layout.middle - y));
  }
}

/** Both classes' bars (colours as custom property names): pale left of the threshold, solid right of it (predicted positive). */
function drawClasses(
  ctx: CanvasRenderingContext2D,
  layout: HistogramLayout,
  threshold: number,
  above: ArrayLike<number>,
  below: ArrayLike<number>,
  colors: { above: string; below: string },
  css: (name: string) => string,
) {
  const t = toPixelX(layout.frame, threshold);
  for (const solid of [false, true]) {
    ctx.save();
    ctx.beginPath();
    if (solid) ctx.rect(t, layout.top, layout.right - t + 1, layout.bottom - layout.top);
    else ctx.rect(layout.left, layout.top, t - layout.left, layout.bottom - layout.top);
    ctx.clip();
    ctx.globalAlpha = solid ? 0.9 : 0.3;
    drawBars(ctx, layout, above, 1, css(colors.above));
    drawBars(ctx, layout, below, -1, css(colors.below));
    ctx.restore();
  }
}

/** The middle line, and the threshold as a vertical line labelled with its value. */
function drawThreshold(ctx: CanvasRenderingContext2D, layout: HistogramLayout, threshold: number, css: (name: string) => string) {
  const t = toPixelX(layout.frame, threshold);
  ctx.strokeStyle = css('--chart-text');
  ctx.beginPath();
  ctx.moveTo(layout.left, layout.middle);
  ctx.lineTo(layout.right, layout.middle);
  ctx.stroke();
  ctx.strokeStyle = css('--text') || '#000';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(t, layout.top);
  ctx.lineTo(t, layout.bottom);
  ctx.stroke();
  ctx.fillStyle = css('--text') || '#000';
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textAlign = threshold > 0.8 ? 'right' : 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(`t = ${formatNumber(threshold, 2)}`, threshold > 0.8 ? t - 4 : t + 4, layout.top + 2);
}

export function ClassHistogramCanvas({ above, below, threshold, colors, axes, description }: ClassHistogramCanvasProps) {
  const ref = useCanvas((ctx, width, height, css) => {
    const layout = histogramLayout(above, below, width, height);
    drawTicks(ctx, layout, css);
    drawAxisTitles(ctx, layout, axes);
    drawClasses(ctx, layout, threshold, above, below, colors, css);
    drawThreshold(ctx, layout, threshold, css);
  });
  return (
    <CanvasFrame canvas={ref} chart="histogram">
      <canvas ref={ref} className="chart-canvas" role="img" aria-label={description} />
    </CanvasFrame>
  );
}
