/**
 * The break-even as a picture (Recharts, log–log): the lifetime cost, training plus serving, of the learner's
 * configuration and of the compute-optimal model of equal loss, against the number of tokens served. Each is a
 * straight line in tokens (training is the intercept, 2·N per token the slope), so on log axes the smaller
 * model's curve starts higher and crosses the other at the break-even. Nothing animates; it is redrawn only when
 * the configuration changes.
 */
import { SvgChartTools } from '../../charts/export/SvgChartTools';
import { axisTitles } from '../../charts/axis-titles';
import { memo, useRef } from 'react';
import { Line, LineChart, ReferenceDot, ReferenceLine, XAxis, YAxis, CartesianGrid } from 'recharts';
import { ChartLegend } from '../../charts/ChartLegend';
import { useMeasuredWidth } from '../../charts/chart-interaction';
import { PlainLine } from '../../charts/line-shape';
import { AXIS_STYLE, plotBox, type ChartLayout } from '../../charts/recharts-style';
import { servingFlopsPerToken } from '../../ml/compute-cost/cost';
import type { ComputeCostStrings } from './strings';
import { decadeTicks, powerOfTen } from '../../charts/log-ticks';

const MARGIN = { top: 12, right: 16, bottom: 0, left: 8 };
const Y_AXIS_WIDTH = 52;
const X_AXIS_HEIGHT = 40;
const LAYOUT: ChartLayout = { margin: MARGIN, yAxisWidth: Y_AXIS_WIDTH, xAxisHeight: X_AXIS_HEIGHT };
const SAMPLES = 61;

export interface Lifetime {
  /** Training FLOPs and parameters of the configuration and of its equal-loss optimum. */
  mine: { flops: number; params: number };
  optimum: { flops: number; params: number };
  /** Dollars per FLOP at the chosen chip, utilization and price. */
  dollarsPerFlop: number;
  /** The tokens served (the slider) and the break-even, null when there is none. */
  served: number;
  breakEven: number | null;
  /** The range of tokens served: the slider's. */
  domain: [number, number];
}

export const BreakEvenChart = memo(function BreakEvenChart({
  life,
  s,
  description,
}: {
  life: Lifetime;
  s: ComputeCostStrings;
  description: string;
}) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useMeasuredWidth(frame);
  const height = Math.round(Math.min(320, Math.max(220, width * 0.5)));
  const [lo, hi] = life.domain;
  const even = life.breakEven !== null && life.breakEven >= lo && life.breakEven <= hi ? life.breakEven : null;
  return (
    <figure className="cost-chart">
      <div
        ref={frame}
        className="chart-frame cost-break-plot"
        style={{ height }}
        role="img"
        aria-label={description}
        data-chart="break-even"
      >
        {width > 0 && <BreakEvenPlot life={life} even={even} width={width} height={height} axes={{ x: s.axisServed, y: s.axisCost }} />}
      </div>
      <ChartLegend
        items={[
          { label: s.mine, color: 'var(--series-2)', mark: 'line' },
          { label: s.optimum, color: 'var(--series-3)', mark: 'line' },
          { label: s.legendServed, color: 'var(--chart-muted)', mark: 'dashed' },
          ...(even !== null ? [{ label: s.legendBreakEven, color: 'var(--chart-text)', mark: 'ring' as const }] : []),
        ]}
      />
      <SvgChartTools chart="break-even" frame={frame} />
    </figure>
  );
});

const cost = (life: Lifetime, m: { flops: number; params: number }, tokens: number) =>
  (m.flops + servingFlopsPerToken(m.params) * tokens) * life.dollarsPerFlop;

/** The Recharts chart alone. */
function BreakEvenPlot({
  life,
  even,
  width,
  height,
  axes,
}: {
  life: Lifetime;
  even: number | null;
  width: number;
  height: number;
  axes: { x: string; y: string };
}) {
  const [lo, hi] = life.domain;
  const data = Array.from({ length: SAMPLES }, (_, i) => {
    const x = lo * (hi / lo) ** (i / (SAMPLES - 1));
    return { x, mine: cost(life, life.mine, x), optimum: cost(life, life.optimum, x) };
  });
  const values = data.flatMap((p) => [p.mine, p.optimum]);
  const yDomain: [number, number] = [10 ** Math.floor(Math.log10(Math.min(...values))), 10 ** Math.ceil(Math.log10(Math.max(...values)))];
  const box = plotBox(LAYOUT, width, height);
  return (
    <div aria-hidden="true">
      <LineChart data={data} width={width} height={height} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--chart-grid)" />
        <XAxis
          {...AXIS_STYLE}
          dataKey="x"
          scale="log"
          domain={life.domain}
          ticks={decadeTicks(lo, hi)}
          tickFormatter={powerOfTen}
          height={X_AXIS_HEIGHT}
        />
        <YAxis
          {...AXIS_STYLE}
          scale="log"
          domain={yDomain}
          ticks={decadeTicks(...yDomain)}
          tickFormatter={powerOfTen}
          width={Y_AXIS_WIDTH}
        />
        <Line
          dataKey="optimum"
          stroke="var(--series-3)"
          strokeWidth={2.5}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          shape={PlainLine}
        />
        <Line
          dataKey="mine"
          stroke="var(--series-2)"
          strokeWidth={2.5}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          shape={PlainLine}
        />
        <ReferenceLine x={life.served} stroke="var(--chart-muted)" strokeWidth={1.5} strokeDasharray="6 5" />
        {even !== null && (
          <ReferenceDot x={even} y={cost(life, life.mine, even)} r={6} fill="var(--bg)" stroke="var(--chart-text)" strokeWidth={2} />
        )}
        {axisTitles(box, height, axes)}
      </LineChart>
    </div>
  );
}
