/**
 * Two classes' distributions of a score in [0, 1], back to back: one class's bars above the axis, the other's
 * below, each as shares of its own class and on its own scale. A vertical line marks the threshold; the bars right of it (what is
 * predicted positive) are drawn solid, those left of it pale.
 */
import { formatNumber } from '../controls/format';
import { niceTicks, toPixelX, toPixelY, type Frame } from './axes';
import { useCanvas } from './useCanvas';

export function ClassHistogramCanvas({
  above,
  below,
  threshold,
  colors,
  axes,
  description,
}: {
  /** Shares per bin of equal width over [0, 1]. */
  above: ArrayLike<number>;
  below: ArrayLike<number>;
  threshold: number;
  /** CSS custom property names, e.g. '--series-1'. */
  colors: { above: string; below: string };
  axes: { x: string; y: string };
  description: string;
}) {
  const ref = useCanvas((ctx, width, height, css) => {
    // Each half has its own scale, so a rare class's distribution stays as readable as a common one's.
    const peakOf = (shares: ArrayLike<number>) => {
      let peak = 0;
      for (let k = 0; k < shares.length; k++) peak = Math.max(peak, shares[k]);
      return peak > 0 ? Math.min(1, peak * 1.1) : 1;
    };
    const peaks = { above: peakOf(above), below: peakOf(below) };
    const frame: Frame = { x0: 0, x1: 1, y0: -1, y1: 1, width, height, margin: { left: 48, right: 12, top: 10, bottom: 36 } };
    const px = (x: number) => toPixelX(frame, x);
    const [left, right, top, bottom] = [px(0), px(1), toPixelY(frame, 1), toPixelY(frame, -1)];
    const middle = (top + bottom) / 2;
    /** A share drawn upwards (sign 1) or downwards (sign −1) from the middle line. */
    const py = (share: number, sign: 1 | -1) => middle - (sign * share * (middle - top)) / (sign === 1 ? peaks.above : peaks.below);

    ctx.font = '12px system-ui, sans-serif';
    ctx.lineWidth = 1;
    ctx.strokeStyle = css('--chart-grid');
    ctx.fillStyle = css('--chart-text');
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const tick of niceTicks(0, 1)) {
      ctx.beginPath();
      ctx.moveTo(px(tick), top);
      ctx.lineTo(px(tick), bottom);
      ctx.stroke();
      ctx.fillText(String(tick), px(tick), bottom + 4);
    }
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const sign of [1, -1] as const) {
      for (const tick of niceTicks(0, sign === 1 ? peaks.above : peaks.below, 2)) {
        if (tick === 0) continue;
        const y = py(tick, sign);
        ctx.beginPath();
        ctx.moveTo(left, y);
        ctx.lineTo(right, y);
        ctx.stroke();
        ctx.fillText(formatNumber(tick, 2), left - 4, y);
      }
    }
    ctx.fillText('0', left - 4, middle);
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillText(axes.x, (left + right) / 2, height - 1);
    ctx.save();
    ctx.translate(11, (top + bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(axes.y, 0, 0);
    ctx.restore();

    const bars = (shares: ArrayLike<number>, sign: 1 | -1, color: string) => {
      const bins = shares.length;
      ctx.fillStyle = color;
      for (let k = 0; k < bins; k++) {
        if (shares[k] <= 0) continue;
        const x = px(k / bins);
        const w = px((k + 1) / bins) - x;
        const y = py(shares[k], sign);
        ctx.fillRect(x + 0.5, Math.min(y, middle), Math.max(w - 1, 1), Math.abs(middle - y));
      }
    };
    const t = px(threshold);
    for (const solid of [false, true]) {
      ctx.save();
      ctx.beginPath();
      if (solid) ctx.rect(t, top, right - t + 1, bottom - top);
      else ctx.rect(left, top, t - left, bottom - top);
      ctx.clip();
      ctx.globalAlpha = solid ? 0.9 : 0.3;
      bars(above, 1, css(colors.above));
      bars(below, -1, css(colors.below));
      ctx.restore();
    }

    ctx.strokeStyle = css('--chart-text');
    ctx.beginPath();
    ctx.moveTo(left, middle);
    ctx.lineTo(right, middle);
    ctx.stroke();
    ctx.strokeStyle = css('--text') || '#000';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(t, top);
    ctx.lineTo(t, bottom);
    ctx.stroke();
    ctx.fillStyle = css('--text') || '#000';
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = threshold > 0.8 ? 'right' : 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(`t = ${formatNumber(threshold, 2)}`, threshold > 0.8 ? t - 4 : t + 4, top + 2);
  });
  return <canvas ref={ref} className="chart-canvas" role="img" aria-label={description} />;
}
