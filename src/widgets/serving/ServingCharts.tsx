/** The serving widget's Recharts charts: the latency histogram, the queue over time, the batch-size sweep. */
import { memo, useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { SvgChartTools } from '../../charts/export/SvgChartTools';
import { ChartLegend } from '../../charts/ChartLegend';
import { useMeasuredWidth } from '../../charts/chart-interaction';
import { PlainLine } from '../../charts/line-shape';
import { AXIS_STYLE, CHART_TEXT } from '../../charts/recharts-style';
import { formatNumber } from '../../controls/format';
import { useThrottled } from '../../charts/useThrottled';
import type { Figures } from './measurements';
import type { ServingStrings } from './strings';

const MARGIN = { top: 10, right: 16, bottom: 0, left: 8 };
const HEIGHT = 200;
const REDRAW_MS = 250;

function Frame({ label, chart, children }: { label: string; chart: string; children: (width: number) => React.ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useMeasuredWidth(frame);
  return (
    <>
      <div ref={frame} className="chart-frame" style={{ height: HEIGHT }} role="img" aria-label={label} data-chart={chart}>
        {width > 0 && <div aria-hidden="true">{children(width)}</div>}
      </div>
      <SvgChartTools chart={chart} frame={frame} />
    </>
  );
}

function AxisTitle({ x, y, children, rotate }: { x: number; y: number; children: string; rotate?: boolean }) {
  return (
    <text transform={`translate(${x} ${y})${rotate ? ' rotate(-90)' : ''}`} textAnchor="middle" dominantBaseline="middle" {...CHART_TEXT}>
      {children}
    </text>
  );
}

/**
 * Each chart takes its updates through useThrottled, so the two live charts redraw in tasks of their own
 * (a Recharts update costs 12–17 ms here; both in the widget's render made tasks over 50 ms).
 */
export function LatencyHistogram({ figures, s }: { figures: Figures; s: ServingStrings }) {
  return <LatencyHistogramPlot figures={useThrottled(figures, REDRAW_MS)} s={s} />;
}

export function QueueChart({ figures, s }: { figures: Figures; s: ServingStrings }) {
  return <QueueChartPlot figures={useThrottled(figures, REDRAW_MS)} s={s} />;
}

const LatencyHistogramPlot = memo(function LatencyHistogramPlot({ figures, s }: { figures: Figures; s: ServingStrings }) {
  const sum = figures.summary;
  const data = figures.bins.map((b) => ({ mid: (b.from + b.to) / 2, count: b.count }));
  const label = sum ? s.histogramLabel(formatNumber(sum.p50), formatNumber(sum.p95), formatNumber(sum.p99)) : s.histogramTitle;
  const lines = sum
    ? [
        { at: sum.p50, name: 'p50', color: 'var(--series-1)' },
        { at: sum.p95, name: 'p95', color: 'var(--series-2)' },
        { at: sum.p99, name: 'p99', color: 'var(--series-3)' },
      ]
    : [];
  return (
    <figure className="serving-chart">
      <figcaption>{s.histogramTitle}</figcaption>
      <Frame label={label} chart="latency">
        {(width) => (
          <BarChart data={data} width={width} height={HEIGHT} margin={MARGIN} barCategoryGap={0} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
            <XAxis
              {...AXIS_STYLE}
              dataKey="mid"
              type="number"
              domain={[0, 'dataMax']}
              tickFormatter={(v: number) => formatNumber(v, 2)}
              height={36}
            />
            <YAxis {...AXIS_STYLE} allowDecimals={false} width={44} />
            <Bar dataKey="count" fill="var(--series-4, var(--chart-muted))" isAnimationActive={false} />
            {lines.map((l) => (
              <ReferenceLine
                key={l.name}
                x={l.at}
                stroke={l.color}
                strokeWidth={2}
                strokeDasharray={l.name === 'p50' ? undefined : '5 4'}
              />
            ))}
            <AxisTitle x={width / 2} y={HEIGHT - 6}>
              {s.histogramAxis}
            </AxisTitle>
          </BarChart>
        )}
      </Frame>
      <ChartLegend
        items={[
          { label: 'p50', color: 'var(--series-1)', mark: 'line' },
          { label: 'p95', color: 'var(--series-2)', mark: 'dashed' },
          { label: 'p99', color: 'var(--series-3)', mark: 'dashed' },
        ]}
      />
    </figure>
  );
});

const QueueChartPlot = memo(function QueueChartPlot({ figures, s }: { figures: Figures; s: ServingStrings }) {
  const max = figures.queue.reduce((m, p) => Math.max(m, p.length), 0);
  return (
    <figure className="serving-chart">
      <figcaption>{s.queueTitle}</figcaption>
      <Frame label={s.queueLabel(String(max))} chart="queue">
        {(width) => (
          <LineChart data={figures.queue} width={width} height={HEIGHT} margin={MARGIN} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--chart-grid)" />
            <XAxis
              {...AXIS_STYLE}
              dataKey="t"
              type="number"
              domain={[0, 'dataMax']}
              tickFormatter={(v: number) => formatNumber(v, 3)}
              height={36}
            />
            <YAxis {...AXIS_STYLE} allowDecimals={false} width={44} />
            <Line
              dataKey="length"
              type="stepAfter"
              stroke="var(--series-1)"
              strokeWidth={2}
              dot={false}
              activeDot={false}
              isAnimationActive={false}
            />
            <AxisTitle x={width / 2} y={HEIGHT - 6}>
              {s.queueAxisTime}
            </AxisTitle>
          </LineChart>
        )}
      </Frame>
    </figure>
  );
});

export interface SweepPoint {
  size: number;
  throughput: number;
  p95: number;
}

export const SweepChart = memo(function SweepChart({ points, s }: { points: SweepPoint[]; s: ServingStrings }) {
  return (
    <figure className="serving-chart">
      <figcaption>{s.sweepTitle}</figcaption>
      <Frame label={s.sweepLabel} chart="sweep">
        {(width) => (
          <LineChart data={points} width={width} height={HEIGHT} margin={{ ...MARGIN, right: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--chart-grid)" />
            <XAxis {...AXIS_STYLE} dataKey="size" scale="log" type="number" domain={[1, 64]} ticks={[1, 2, 4, 8, 16, 32, 64]} height={36} />
            <YAxis {...AXIS_STYLE} yAxisId="t" width={52} tickFormatter={(v: number) => formatNumber(v, 2)} />
            <YAxis {...AXIS_STYLE} yAxisId="p" orientation="right" width={44} tickFormatter={(v: number) => formatNumber(v, 2)} />
            <Line
              yAxisId="t"
              dataKey="throughput"
              stroke="var(--series-1)"
              strokeWidth={2.5}
              dot
              isAnimationActive={false}
              shape={PlainLine}
            />
            <Line
              yAxisId="p"
              dataKey="p95"
              stroke="var(--series-2)"
              strokeWidth={2.5}
              strokeDasharray="6 4"
              dot
              isAnimationActive={false}
            />
            <AxisTitle x={width / 2} y={HEIGHT - 6}>
              {s.sweepAxis}
            </AxisTitle>
          </LineChart>
        )}
      </Frame>
      <ChartLegend
        items={[
          { label: s.sweepThroughput, color: 'var(--series-1)', mark: 'line' },
          { label: s.sweepP95, color: 'var(--series-2)', mark: 'dashed' },
        ]}
      />
    </figure>
  );
});
