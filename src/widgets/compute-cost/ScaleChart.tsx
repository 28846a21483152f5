/**
 * Parameters against training tokens on log–log axes (Recharts): the published models, the compute-optimal
 * line D = 20·N, the compute-optimal model of equal loss and the learner's configuration, which the pointer
 * (click or drag) and, with the chart focused, the arrow keys move. Redrawn only when the configuration
 * changes; nothing animates.
 */
import { SvgChartTools } from '../../charts/export/SvgChartTools';
import { axisTitles } from '../../charts/axis-titles';
import { memo, useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { ReferenceLine, Scatter, ScatterChart, XAxis, YAxis, CartesianGrid } from 'recharts';
import { ChartLegend } from '../../charts/ChartLegend';
import { useMeasuredWidth, usePaintCount } from '../../charts/chart-interaction';
import { AXIS_STYLE, plotBox, type ChartLayout } from '../../charts/recharts-style';
import { fromTrack, LOG_STEPS, toTrack } from '../../controls/slider-scale';
import type { NumberSpec } from '../../state/params';
import { OPTIMAL_TOKENS_PER_PARAM } from '../../ml/compute-cost/cost';
import { PUBLISHED_MODELS } from '../../ml/compute-cost/published';
import type { ComputeCostStrings } from './strings';
import { decadeTicks, powerOfTen } from '../../charts/log-ticks';

const MARGIN = { top: 12, right: 16, bottom: 0, left: 8 };
const Y_AXIS_WIDTH = 52;
const X_AXIS_HEIGHT = 40;
const LAYOUT: ChartLayout = { margin: MARGIN, yAxisWidth: Y_AXIS_WIDTH, xAxisHeight: X_AXIS_HEIGHT };
/** Where each model's name goes beside its dot, so that close neighbours (Chinchilla and LLaMA 65B, GPT-3 and Gopher) stay legible. */
const LABEL_SIDE: Record<string, 'left' | 'right' | 'above' | 'below'> = {
  'gpt-3': 'left',
  'llama-65b': 'below',
  'llama-2-70b': 'above',
  'llama-3.1-405b': 'left',
};
const MODEL_POINTS = PUBLISHED_MODELS.map((m) => ({ x: m.params, y: m.tokens, name: m.name, side: LABEL_SIDE[m.id] ?? 'right' }));

export interface Point {
  params: number;
  tokens: number;
}

export const ScaleChart = memo(function ScaleChart({
  mine,
  optimum,
  specs,
  s,
  onMove,
  labels,
}: {
  mine: Point;
  optimum: Point | null;
  /** The sliders' specs: the chart's domain and the arrow keys' steps are theirs. */
  specs: { params: NumberSpec; tokens: NumberSpec };
  s: ComputeCostStrings;
  onMove: (point: Point) => void;
  labels: { n: string; d: string; ratio: string };
}) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useMeasuredWidth(frame);
  const height = Math.round(Math.min(460, Math.max(280, width * 0.7)));
  const readoutId = useId();
  const xDomain: [number, number] = [specs.params.min, specs.params.max];
  const yDomain: [number, number] = [specs.tokens.min, specs.tokens.max];
  const box = plotBox(LAYOUT, width, height);

  const { onPointerDown, onPointerMove, onKeyDown } = usePointMover(specs, mine, onMove, box);

  return (
    <figure className="cost-chart">
      <figcaption className="cost-chart-title">{s.chartTitle}</figcaption>
      <div
        ref={frame}
        className="chart-frame cost-plot"
        style={{ height }}
        tabIndex={0}
        role="application"
        aria-label={s.chartLabel(labels.n, labels.d)}
        aria-describedby={readoutId}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        data-chart="scale"
        data-points={MODEL_POINTS.length}
      >
        {width > 0 && (
          <ScalePlot
            width={width}
            height={height}
            xDomain={xDomain}
            yDomain={yDomain}
            mine={mine}
            optimum={optimum}
            axes={{ x: s.axisN, y: s.axisD }}
            paintTarget={frame}
          />
        )}
      </div>
      <p id={readoutId} className="chart-readout" aria-live="polite">
        <span className="readout-x">{s.readout(labels.n, labels.d, labels.ratio)}</span>
      </p>
      <ChartLegend
        items={[
          { label: s.legendModels, color: 'var(--series-1)', mark: 'dot' },
          { label: s.legendLine, color: 'var(--chart-muted)', mark: 'dashed' },
          { label: s.legendMine, color: 'var(--series-2)', mark: 'dot' },
          { label: s.legendOptimum, color: 'var(--series-3)', mark: 'hollow' },
        ]}
      />
      <SvgChartTools chart="scale" frame={frame} />
    </figure>
  );
});

type Point2 = { x: number; y: number };

interface ShapeProps {
  cx?: number;
  cy?: number;
}
/** A published model: a dot and its name on the side LABEL_SIDE gives. */
function ModelDot({ cx = 0, cy = 0, payload }: ShapeProps & { payload?: (typeof MODEL_POINTS)[number] }) {
  const side = payload?.side ?? 'right';
  const [dx, dy, anchor]: [number, number, 'start' | 'middle' | 'end'] =
    side === 'left' ? [-8, 0, 'end'] : side === 'below' ? [0, 14, 'middle'] : side === 'above' ? [0, -13, 'middle'] : [8, 0, 'start'];
  return (
    <g>
      <circle cx={cx} cy={cy} r={4.5} fill="var(--series-1)" />
      <text x={cx + dx} y={cy + dy} textAnchor={anchor} dominantBaseline="middle" fill="var(--chart-text)" fontSize={11}>
        {payload?.name}
      </text>
    </g>
  );
}

/** The equal-loss optimum: a ring. */
const Ring = ({ cx, cy }: ShapeProps) => <circle cx={cx} cy={cy} r={8} fill="none" stroke="var(--series-3)" strokeWidth={2.5} />;
/** The learner's configuration: a large dot, ringed with the background so it stands out on the line. */
const Mine = ({ cx, cy }: ShapeProps) => (
  <circle cx={cx} cy={cy} r={7} fill="var(--series-2)" stroke="var(--bg)" strokeWidth={2} data-mark="mine" />
);

/**
 * What moves the learner's point: a click or a drag places it where the pointer is (rounded as the sliders
 * round), the arrow keys move it one slider step (Shift: ten), ← → in parameters and ↑ ↓ in tokens.
 */
function usePointMover(
  specs: { params: NumberSpec; tokens: NumberSpec },
  mine: Point,
  onMove: (point: Point) => void,
  box: { left: number; right: number; top: number; bottom: number },
) {
  /** The pointer's place as parameters and tokens, rounded as the sliders round them. */
  const placeAt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const [x, y] = [event.clientX - rect.left, event.clientY - rect.top];
    if (box.right <= box.left || x < box.left || x > box.right || y < box.top || y > box.bottom) return;
    const fx = (x - box.left) / (box.right - box.left);
    const fy = (box.bottom - y) / (box.bottom - box.top);
    const at = (spec: NumberSpec, f: number) => fromTrack(spec, toTrack(spec, spec.min * (spec.max / spec.min) ** f));
    onMove({ params: at(specs.params, fx), tokens: at(specs.tokens, fy) });
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture?.(event.pointerId);
    placeAt(event);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.buttons & 1) placeAt(event);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const nudge = (spec: NumberSpec, value: number, by: number) => {
      const track = Math.max(0, Math.min(LOG_STEPS, toTrack(spec, value) + by));
      return fromTrack(spec, track);
    };
    const big = event.shiftKey ? 10 : 1;
    const moves: Record<string, () => Point> = {
      ArrowRight: () => ({ ...mine, params: nudge(specs.params, mine.params, big) }),
      ArrowLeft: () => ({ ...mine, params: nudge(specs.params, mine.params, -big) }),
      ArrowUp: () => ({ ...mine, tokens: nudge(specs.tokens, mine.tokens, big) }),
      ArrowDown: () => ({ ...mine, tokens: nudge(specs.tokens, mine.tokens, -big) }),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      onMove(move());
    }
  };
  return { onPointerDown, onPointerMove, onKeyDown };
}

/** The Recharts chart alone, memoized; each of its renders is counted in the frame's data-paints. */
const ScalePlot = memo(function ScalePlot({
  width,
  height,
  xDomain,
  yDomain,
  mine,
  optimum,
  axes,
  paintTarget,
}: {
  width: number;
  height: number;
  xDomain: [number, number];
  yDomain: [number, number];
  mine: Point;
  optimum: Point | null;
  axes: { x: string; y: string };
  paintTarget: { current: HTMLElement | null };
}) {
  usePaintCount(paintTarget);
  const box = plotBox(LAYOUT, width, height);
  const line: [Point2, Point2] = [
    { x: xDomain[0], y: OPTIMAL_TOKENS_PER_PARAM * xDomain[0] },
    { x: yDomain[1] / OPTIMAL_TOKENS_PER_PARAM, y: yDomain[1] },
  ];
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
        <ReferenceLine segment={line} stroke="var(--chart-muted)" strokeWidth={1.5} strokeDasharray="6 5" ifOverflow="hidden" />
        <Scatter data={MODEL_POINTS} isAnimationActive={false} shape={ModelDot} />
        {optimum && <Scatter data={[{ x: optimum.params, y: optimum.tokens }]} isAnimationActive={false} shape={Ring} />}
        <Scatter data={[{ x: mine.params, y: mine.tokens }]} isAnimationActive={false} shape={Mine} />
        {axisTitles(box, height, axes)}
      </ScatterChart>
    </div>
  );
});
