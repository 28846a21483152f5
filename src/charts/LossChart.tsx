import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../controls/format';
import { logTicks, niceTicks } from './axes';
import { lttb, type Point } from './downsample';
import { useThrottled } from './useThrottled';

/** SVG slows down past ~1,500 points: every series is reduced to this many before it is drawn. */
const MAX_POINTS = 300;
/**
 * Recharts re-renders its whole SVG on each update, which costs this site's widgets most of their main-thread
 * time (measured in scripts/bench-browser.mjs): the curve is redrawn at most ten times a second.
 */
const REDRAW_MS = 100;

export interface LossSeries {
  key: string;
  label: string;
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
}

/** Loss against step on a log axis, growing live. Only positive, finite losses can sit on a log axis. */
export interface Reference {
  value: number;
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

export function LossChart({ series, label, empty, maxX, yScale = 'log', yDomain, reference }: {
  series: LossSeries[];
  label: string;
  empty: string;
  /** A horizontal line the loss is heading for, e.g. the best loss possible on this data. */
  reference?: Reference;
} & ChartAxes) {
  // Series arrays grow in place: their total length says when there is something new to draw.
  const version = useThrottled(`${series.map((s) => `${s.key}:${s.values.length}:${s.offset ?? 0}`).join()}`, REDRAW_MS);
  const data = useMemo(() => {
    const rows = new Map<number, Record<string, number>>();
    for (const s of series) {
      const points: Point[] = [];
      const stride = s.stride ?? 1;
      const offset = s.offset ?? 0;
      const xStep = s.xStep ?? 1;
      const count = Math.floor((s.values.length - offset + stride - 1) / stride);
      for (let i = 0; i < count; i++) {
        const v = s.values[i * stride + offset];
        const x = (i + 1) * xStep;
        if (maxX !== undefined && x > maxX) break;
        if (Number.isFinite(v) && (yScale === 'linear' || v > 0)) points.push({ x, y: v });
      }
      for (const p of lttb(points, MAX_POINTS)) {
        const row = rows.get(p.x) ?? { step: p.x };
        row[s.key] = p.y;
        rows.set(p.x, row);
      }
    }
    return [...rows.values()].sort((a, b) => a.step - b.step);
    // `version` stands for the series' contents.
  }, [version, maxX, yScale]);
  return (
    <LossChartView data={data} series={series} label={label} empty={empty} maxX={maxX} yScale={yScale} yDomain={yDomain} reference={reference} />
  );
}

/** The loss range of the drawn rows, widened a little so the curve never sits on the frame. */
function lossDomain(data: Record<string, number>[], reference?: Reference): [number, number] {
  let low = reference && reference.value > 0 ? reference.value : Infinity;
  let high = 0;
  for (const row of data) {
    for (const [key, value] of Object.entries(row)) {
      if (key === 'step') continue;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  return Number.isFinite(low) ? [low / 1.25, high * 1.25] : [0.1, 1];
}

function linearDomain(data: Record<string, number>[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const row of data) {
    for (const [key, value] of Object.entries(row)) {
      if (key === 'step') continue;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  if (!Number.isFinite(low)) return [0, 1];
  const pad = (high - low) * 0.05 || 0.5;
  return [low - pad, high + pad];
}

const LossChartView = memo(
  function LossChartView({ data, series, label, empty, maxX, yScale, yDomain, reference }: {
    data: Record<string, number>[];
    series: LossSeries[];
    label: string;
    empty: string;
    reference?: Reference;
  } & ChartAxes) {
  const domain = yScale === 'linear' ? (yDomain ?? linearDomain(data)) : lossDomain(data, reference);
  return (
    <figure className="loss-chart" aria-label={label}>
      <figcaption>{label}</figcaption>
      {/* The chart is mounted before training starts (mounting Recharts is the costly part), empty until then. */}
      <div className="chart-frame">
        {data.length === 0 && <p className="chart-empty">{empty}</p>}
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
            <CartesianGrid stroke="var(--chart-grid)" />
            <XAxis
              dataKey="step"
              type="number"
              domain={[data.length > 0 && data[0].step < 1 ? 0 : 1, maxX ?? 'dataMax']}
              ticks={maxX && maxX >= 5 ? [1, ...niceTicks(0, maxX, 6).filter((v) => v > 1)] : undefined}
              tickFormatter={(v: number) => formatNumber(v, 3)}
              allowDataOverflow
              stroke="var(--chart-text)"
              tick={{ fill: 'var(--chart-text)', fontSize: 12 }}
            />
            <YAxis
              scale={yScale === 'linear' ? 'linear' : 'log'}
              domain={domain}
              ticks={yScale === 'linear' ? niceTicks(domain[0], domain[1], 5) : logTicks(domain[0], domain[1])}
              allowDataOverflow
              width={56}
              stroke="var(--chart-text)"
              tick={{ fill: 'var(--chart-text)', fontSize: 12 }}
              tickFormatter={(v: number) => formatNumber(v, 2)}
            />
            {reference && reference.value > 0 && (
              <ReferenceLine
                y={reference.value}
                stroke="var(--chart-muted)"
                strokeDasharray="6 5"
                label={{ value: reference.label, position: 'insideBottomRight', fill: 'var(--chart-text)', fontSize: 12 }}
              />
            )}
            {series.map((s) => (
              <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
  },
  // Only new data, a new budget or a new language redraw the chart; the series array is rebuilt every render.
  (a, b) =>
    a.data === b.data && a.maxX === b.maxX && a.label === b.label && a.reference?.value === b.reference?.value &&
    a.series.map((s) => s.key + s.color + s.label).join() === b.series.map((s) => s.key + s.color + s.label).join(),
);
