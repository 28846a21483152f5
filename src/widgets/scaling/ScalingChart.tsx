/**
 * One log–log chart of the sweep (Recharts): every finished model as a dot, the mean over seeds at each size
 * joined by a line, and the fitted power law as a dashed curve; or, in the compute view, each model's
 * validation loss after 1/8, 1/4, 1/2 and all of its steps against the FLOPs spent so far, one line per model.
 * It changes only when a model finishes (every second or two), so it is memoized on its data.
 */
import { SvgChartTools } from '../../charts/export/SvgChartTools';
import { axisTitles } from '../../charts/axis-titles';
import { memo, useRef } from 'react';
import { CartesianGrid, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import { ChartLegend, type LegendItem } from '../../charts/ChartLegend';
import { useMeasuredWidth, usePaintCount } from '../../charts/chart-interaction';
import { AXIS_STYLE, plotBox, type ChartLayout } from '../../charts/recharts-style';
import { decadeTicks, powerOfTen } from '../../charts/log-ticks';

const MARGIN = { top: 12, right: 16, bottom: 0, left: 8 };
const Y_AXIS_WIDTH = 52;
const X_AXIS_HEIGHT = 40;
const LAYOUT: ChartLayout = { margin: MARGIN, yAxisWidth: Y_AXIS_WIDTH, xAxisHeight: X_AXIS_HEIGHT };

export interface XY {
  x: number;
  y: number;
}

export interface ChartData {
  /** Every finished model (one dot each). */
  dots: XY[];
  /** The mean over seeds at each size, joined. */
  means: XY[];
  /** The fitted law, sampled along the axis (empty before a fit). */
  fit: XY[];
  /** Compute view: one line per model through its checkpoints. */
  curves: XY[][];
  xDomain: [number, number];
  yDomain: [number, number];
}

export const ScalingChart = memo(function ScalingChart({
  data,
  color,
  axes,
  description,
  legend,
  name,
}: {
  data: ChartData;
  color: string;
  axes: { x: string; y: string };
  description: string;
  legend: LegendItem[];
  name: string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useMeasuredWidth(frame);
  const height = Math.round(Math.min(300, Math.max(220, width * 0.55)));
  return (
    <figure className="scaling-chart">
      <div
        ref={frame}
        className="chart-frame"
        style={{ height }}
        role="img"
        aria-label={description}
        data-chart={name}
        data-points={data.dots.length}
        data-curves={[data.dots, data.means, data.fit, ...data.curves].filter((c) => c.length > 0).length}
      >
        {width > 0 && <Plot data={data} color={color} axes={axes} width={width} height={height} paintTarget={frame} />}
      </div>
      <ChartLegend items={legend} />
      <SvgChartTools chart={name} frame={frame} />
    </figure>
  );
});

/** A model's dot, half transparent so that seeds at the same size show as a darker cluster. */
const dot = (color: string) =>
  function Dot(props: { cx?: number; cy?: number }) {
    return props.cx === undefined || props.cy === undefined ? null : (
      <circle cx={props.cx} cy={props.cy} r={3.5} fill={color} fillOpacity={0.45} stroke={color} strokeWidth={1} />
    );
  };
const NoDot = () => null;

const Plot = memo(function Plot({
  data,
  color,
  axes,
  width,
  height,
  paintTarget,
}: {
  data: ChartData;
  color: string;
  axes: { x: string; y: string };
  width: number;
  height: number;
  paintTarget: { current: HTMLElement | null };
}) {
  usePaintCount(paintTarget);
  const box = plotBox(LAYOUT, width, height);
  const { xDomain, yDomain } = data;
  return (
    <div aria-hidden="true">
      <ScatterChart width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--chart-grid)" />
        <XAxis
          {...AXIS_STYLE}
          dataKey="x"
          scale="log"
          domain={xDomain}
          ticks={decadeTicks(...xDomain)}
          tickFormatter={powerOfTen}
          height={X_AXIS_HEIGHT}
        />
        <YAxis
          {...AXIS_STYLE}
          dataKey="y"
          scale="log"
          domain={yDomain}
          ticks={decadeTicks(...yDomain)}
          tickFormatter={powerOfTen}
          width={Y_AXIS_WIDTH}
        />
        {data.fit.length > 0 && (
          <Scatter
            data={data.fit}
            line={{ stroke: 'var(--chart-text)', strokeWidth: 1.5, strokeDasharray: '6 5' }}
            shape={NoDot}
            isAnimationActive={false}
          />
        )}
        {data.curves.map((curve, i) => (
          <Scatter
            key={i}
            data={curve}
            line={{ stroke: color, strokeWidth: 1.5, strokeOpacity: 0.6 }}
            shape={NoDot}
            isAnimationActive={false}
          />
        ))}
        {data.means.length > 1 && (
          <Scatter data={data.means} line={{ stroke: color, strokeWidth: 2.5 }} shape={NoDot} isAnimationActive={false} />
        )}
        <Scatter data={data.dots} shape={dot(color)} isAnimationActive={false} />
        {axisTitles(box, height, axes)}
      </ScatterChart>
    </div>
  );
});
