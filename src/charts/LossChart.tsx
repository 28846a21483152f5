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
  /** values[i] is the loss at step i + 1. */
  values: readonly number[];
}

/** Loss against step on a log axis, growing live. Only positive, finite losses can sit on a log axis. */
export interface Reference {
  value: number;
  label: string;
}

export function LossChart({ series, label, empty, maxStep, reference }: {
  series: LossSeries[];
  label: string;
  empty: string;
  maxStep?: number;
  /** A horizontal line the loss is heading for, e.g. the best loss possible on this data. */
  reference?: Reference;
}) {
  // Series arrays grow in place: their total length says when there is something new to draw.
  const version = useThrottled(series.reduce((sum, s) => sum + s.values.length, 0) + (series.length << 24), REDRAW_MS);
  const data = useMemo(() => {
    const rows = new Map<number, Record<string, number>>();
    for (const s of series) {
      const points: Point[] = [];
      s.values.forEach((v, i) => {
        if (Number.isFinite(v) && v > 0) points.push({ x: i + 1, y: v });
      });
      for (const p of lttb(points, MAX_POINTS)) {
        const row = rows.get(p.x) ?? { step: p.x };
        row[s.key] = p.y;
        rows.set(p.x, row);
      }
    }
    return [...rows.values()].sort((a, b) => a.step - b.step);
    // `version` stands for the series' contents.
  }, [version]);
  return <LossChartView data={data} series={series} label={label} empty={empty} maxStep={maxStep} reference={reference} />;
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

const LossChartView = memo(
  function LossChartView({ data, series, label, empty, maxStep, reference }: {
    data: Record<string, number>[];
    series: LossSeries[];
    label: string;
    empty: string;
    maxStep?: number;
    reference?: Reference;
  }) {
  const domain = lossDomain(data, reference);
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
              domain={[1, maxStep ?? 'dataMax']}
              ticks={maxStep ? [1, ...niceTicks(0, maxStep, 6).filter((v) => v > 1)] : undefined}
              allowDataOverflow
              stroke="var(--chart-text)"
              tick={{ fill: 'var(--chart-text)', fontSize: 12 }}
            />
            <YAxis
              scale="log"
              domain={domain}
              ticks={logTicks(domain[0], domain[1])}
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
  (a, b) => a.data === b.data && a.maxStep === b.maxStep && a.label === b.label && a.reference?.value === b.reference?.value,
);
