/**
 * Loss (or accuracy) against step, growing live while a widget trains, drawn on a canvas.
 *
 * This was a Recharts chart. Measured in scripts/bench-browser.mjs on this project's test machine, each
 * Recharts redraw of a live curve took 30–50 ms of main-thread time, and two charts on one widget made
 * long tasks (over 50 ms) several times a second; the same curves on a canvas take 1–2 ms. The series are
 * still reduced (LTTB) to a few hundred points and redrawn at most 30 times a second.
 */
import { memo, useMemo } from 'react';
import { formatNumber } from '../controls/format';
import { logTicks, niceTicks, toPixelX, toPixelY, type Frame } from './axes';
import { lttb, type Point } from './downsample';
import { useCanvas } from './useCanvas';
import { useThrottled } from './useThrottled';

const MAX_POINTS = 400;
const REDRAW_MS = 33;

export interface LossSeries {
  key: string;
  label: string;
  /** A CSS colour; var(--name) is resolved from the page's theme. */
  color: string;
  /**
   * Point i is values[i·stride + offset] (stride 1, offset 0 by default: values[i] is the loss at step i + 1),
   * so a series can be read in place from a widget's flat per-step trace records.
   */
  values: ArrayLike<number>;
  stride?: number;
  offset?: number;
  /** The horizontal position of point i is (i + 1)·xStep: 1 for steps, batch/n for epochs. */
  xStep?: number;
  /** Draw only the first `count` points (a run that stopped early while the trace goes on). */
  count?: number;
}

/** A horizontal line the curve is heading for, e.g. the best loss possible on this data. */
export interface Reference {
  value: number;
  label: string;
}

/** A vertical line at one step, e.g. the early-stopping point (the best validation step). */
export interface Marker {
  x: number;
  label: string;
}

export interface ChartAxes {
  /** The right end of the horizontal axis (the step budget); the data's extent when absent. */
  maxX?: number;
  /** A log axis for losses (only positive values are drawn), linear for values like accuracy. */
  yScale?: 'log' | 'linear';
  /** A fixed vertical range for a linear axis. */
  yDomain?: [number, number];
}

interface Curve {
  color: string;
  points: Point[];
}

function dashedLine(ctx: CanvasRenderingContext2D, [x0, y0]: [number, number], [x1, y1]: [number, number], color: string, dash: number[]) {
  ctx.strokeStyle = color;
  ctx.setLineDash(dash);
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
  ctx.setLineDash([]);
}

export function LossChart({
  series,
  label,
  empty,
  maxX,
  yScale = 'log',
  yDomain,
  reference,
  marker,
  redrawMs = REDRAW_MS,
}: {
  series: LossSeries[];
  label: string;
  empty: string;
  reference?: Reference;
  marker?: Marker;
  /** The least time between redraws; 0 for a widget that already spaces its own renders. */
  redrawMs?: number;
} & ChartAxes) {
  // Series arrays grow in place: their lengths say when there is something new to draw.
  const version = useThrottled(
    series.map((s) => `${s.key}:${s.values.length}:${s.offset ?? 0}:${s.xStep ?? 1}:${s.count ?? ''}:${s.color}`).join(),
    redrawMs,
  );
  const curves = useMemo(
    () => series.map((s) => ({ color: s.color, points: lttb(seriesPoints(s, yScale, maxX), MAX_POINTS) })),
    // `version` stands for the series' contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the arrays grow in place; `version` is their change
    [version, maxX, yScale],
  );
  // A memo on the marker's contents, so a new object with the same step does not force a redraw.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- on purpose: keyed on the contents, not the object
  const mark = useMemo(() => marker, [marker?.x, marker?.label]);
  return (
    <LossChartView
      curves={curves}
      label={label}
      empty={empty}
      maxX={maxX}
      yScale={yScale}
      yDomain={yDomain}
      reference={reference}
      marker={mark}
    />
  );
}

function seriesPoints(s: LossSeries, yScale: 'log' | 'linear', maxX?: number): Point[] {
  const points: Point[] = [];
  const stride = s.stride ?? 1;
  const offset = s.offset ?? 0;
  const xStep = s.xStep ?? 1;
  const count = Math.min(Math.floor((s.values.length - offset + stride - 1) / stride), s.count ?? Infinity);
  for (let i = 0; i < count; i++) {
    const v = s.values[i * stride + offset];
    const x = (i + 1) * xStep;
    if (maxX !== undefined && x > maxX) break;
    if (Number.isFinite(v) && (yScale === 'linear' || v > 0)) points.push({ x, y: v });
  }
  return points;
}

/** The vertical range of the curves, widened a little so a curve never sits on the frame. */
function chartDomain(curves: Curve[], yScale: 'log' | 'linear', reference?: Reference): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const curve of curves) {
    for (const p of curve.points) {
      low = Math.min(low, p.y);
      high = Math.max(high, p.y);
    }
  }
  if (reference && (yScale === 'linear' || reference.value > 0)) {
    low = Math.min(low, reference.value);
    high = Math.max(high, reference.value);
  }
  if (!Number.isFinite(low)) return yScale === 'log' ? [0.1, 1] : [0, 1];
  if (yScale === 'log') return high > low ? [low / 1.25, high * 1.25] : [low / 2, low * 2];
  const pad = (high - low) * 0.05 || 0.5;
  return [low - pad, high + pad];
}

const LossChartView = memo(function LossChartView({
  curves,
  label,
  empty,
  maxX,
  yScale,
  yDomain,
  reference,
  marker,
}: {
  curves: Curve[];
  label: string;
  empty: string;
  reference?: Reference;
  marker?: Marker;
} & ChartAxes) {
  const hasData = curves.some((c) => c.points.length > 0);
  const ref = useCanvas((ctx, width, height, css) => {
    const log = yScale === 'log';
    const [y0, y1] = yScale === 'linear' && yDomain ? yDomain : chartDomain(curves, yScale ?? 'log', reference);
    const lastX = Math.max(1, ...curves.map((c) => c.points[c.points.length - 1]?.x ?? 0));
    const firstX = Math.min(1, ...curves.map((c) => c.points[0]?.x ?? 1));
    const frame: Frame = {
      x0: firstX < 1 ? 0 : 1,
      x1: maxX ?? lastX,
      y0: log ? Math.log10(y0) : y0,
      y1: log ? Math.log10(y1) : y1,
      width,
      height,
      margin: { left: 58, right: 14, top: 8, bottom: 24 },
    };
    const px = (x: number) => toPixelX(frame, x);
    const py = (y: number) => toPixelY(frame, log ? Math.log10(y) : y);
    const [left, right, top, bottom] = [frame.margin.left, width - frame.margin.right, frame.margin.top, height - frame.margin.bottom];

    ctx.font = '12px system-ui, sans-serif';
    ctx.lineWidth = 1;
    ctx.strokeStyle = css('--chart-grid');
    ctx.fillStyle = css('--chart-text');
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const yTicks = log ? logTicks(y0, y1) : niceTicks(y0, y1, 5);
    for (const tick of yTicks) {
      const y = py(tick);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(right, y);
      ctx.stroke();
      ctx.fillText(formatNumber(tick, 2), left - 6, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    const xTicks = niceTicks(frame.x0, frame.x1, 6);
    for (const tick of xTicks) {
      const x = px(tick);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.fillText(formatNumber(tick, 3), x, bottom + 5);
    }
    ctx.strokeStyle = css('--chart-text');
    ctx.beginPath();
    ctx.moveTo(left, top);
    ctx.lineTo(left, bottom);
    ctx.lineTo(right, bottom);
    ctx.stroke();

    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, right - left, bottom - top);
    ctx.clip();
    if (reference && (!log || reference.value > 0)) {
      const y = py(reference.value);
      dashedLine(ctx, [left, y], [right, y], css('--chart-muted'), [6, 5]);
      ctx.fillStyle = css('--chart-text');
      ctx.textAlign = 'right';
      ctx.textBaseline = 'bottom';
      ctx.fillText(reference.label, right - 4, y - 3);
    }
    if (marker && marker.x >= frame.x0 && marker.x <= frame.x1) {
      const x = px(marker.x);
      dashedLine(ctx, [x, top], [x, bottom], css('--chart-text'), [4, 4]);
      ctx.fillStyle = css('--chart-text');
      // The label sits on the side of the line with more room.
      ctx.textAlign = x > (left + right) / 2 ? 'right' : 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(marker.label, x + (x > (left + right) / 2 ? -4 : 4), top + 2);
    }
    ctx.lineWidth = 2;
    ctx.lineJoin = 'round';
    for (const curve of curves) {
      if (curve.points.length === 0) continue;
      const name = curve.color.match(/^var\((--[\w-]+)\)$/)?.[1];
      ctx.strokeStyle = name ? css(name) : curve.color;
      ctx.beginPath();
      curve.points.forEach((p, i) => (i === 0 ? ctx.moveTo(px(p.x), py(p.y)) : ctx.lineTo(px(p.x), py(p.y))));
      ctx.stroke();
    }
    ctx.restore();
  });
  const latest = curves.map((c) => c.points[c.points.length - 1]).filter(Boolean);
  return (
    <figure className="loss-chart">
      <figcaption>{label}</figcaption>
      <div className="chart-frame">
        {!hasData && <p className="chart-empty">{empty}</p>}
        <canvas
          ref={ref}
          className="loss-canvas"
          role="img"
          aria-label={
            hasData
              ? `${label}: ${latest.map((p) => formatNumber(p!.y, 4)).join(', ')}${reference ? `; ${reference.label}` : ''}${marker ? `; ${marker.label}` : ''}`
              : `${label}. ${empty}`
          }
          data-curves={curves.filter((c) => c.points.length > 0).length}
          data-points={curves.reduce((sum, c) => sum + c.points.length, 0)}
          data-reference={reference?.label}
          data-marker={marker?.x}
        />
      </div>
    </figure>
  );
});
