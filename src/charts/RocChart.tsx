/**
 * A ROC curve: true-positive rate against false-positive rate, the chance diagonal, the point of the current
 * threshold and the area under the curve written in the corner; a Recharts chart with a readout of the rates
 * at a cursor that the pointer or, with the chart focused, the arrow keys move along the curve's vertices.
 *
 * While a model trains its curve changes every frame: it is redrawn at most every `redrawMs`, reduced (LTTB)
 * to at most 400 vertices, without animation or dots, at a measured width (see LossChart for the costs).
 */
import { axisTitles } from './axis-titles';
import { memo, useCallback, useId, useMemo, useRef, type PointerEvent, type RefObject } from 'react';
import { Line, LineChart, ReferenceDot, ReferenceLine, XAxis, YAxis, CartesianGrid } from 'recharts';
import { formatNumber } from '../controls/format';
import { niceTicks } from './axes';
import { useChartText, useCursor, useMeasuredWidth, usePaintCount } from './chart-interaction';
import { lttb, type Point } from './downsample';
import { tableCsv } from './export/csv';
import { SvgChartTools } from './export/SvgChartTools';
import { PlainLine } from './line-shape';
import { AXIS_STYLE, plotBox, type ChartLayout } from './recharts-style';
import { useThrottled } from './useThrottled';

const MAX_POINTS = 400;
const REDRAW_MS = 100;
const MARGIN = { top: 10, right: 12, bottom: 0, left: 0 };
const Y_AXIS_WIDTH = 44;
const X_AXIS_HEIGHT = 36;
const UNIT: [number, number] = [0, 1];
const TICKS = niceTicks(0, 1);
const LAYOUT: ChartLayout = { margin: MARGIN, yAxisWidth: Y_AXIS_WIDTH, xAxisHeight: X_AXIS_HEIGHT };
const DIAGONAL = [
  { x: 0, y: 0 },
  { x: 1, y: 1 },
] as const;

type Rates = { fpr: number; tpr: number };

/** A number for each curve array seen, so a new curve (not the same one re-rendered) is a new version. */
const curveIds = new WeakMap<object, number>();
let nextCurveId = 0;
function curveId(curve: object): number {
  let id = curveIds.get(curve);
  if (id === undefined) curveIds.set(curve, (id = nextCurveId++));
  return id;
}

export function RocChart({
  curve,
  point,
  aucText,
  axes,
  description,
  redrawMs = REDRAW_MS,
}: {
  /** The curve's vertices in order, from (0, 0) to (1, 1). */
  curve: ReadonlyArray<Rates>;
  /** The current threshold's point, or null to draw none. */
  point: Rates | null;
  aucText: string;
  axes: { x: string; y: string };
  description: string;
  /** The least time between redraws. */
  redrawMs?: number;
}) {
  const version = useThrottled(`${curveId(curve)}:${point?.fpr}:${point?.tpr}:${aucText}`, redrawMs);
  const drawn = useMemo(
    () => ({
      curve,
      points: lttb(
        curve.map((p) => ({ x: p.fpr, y: p.tpr })),
        MAX_POINTS,
      ),
      point,
      aucText,
    }),
    // `version` stands for the curve, the point and the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on `version`, not on the objects (new every render)
    [version],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the two labels: `axes` is a new object every render
  const axisLabels = useMemo(() => axes, [axes.x, axes.y]);
  return <RocView {...drawn} axes={axisLabels} description={description} />;
}

const RocView = memo(function RocView({
  curve,
  points,
  point,
  aucText,
  axes,
  description,
}: {
  curve: ReadonlyArray<Rates>;
  points: Point[];
  point: Rates | null;
  aucText: string;
  axes: { x: string; y: string };
  description: string;
}) {
  const text = useChartText();
  const frame = useRef<HTMLDivElement>(null);
  const size = useMeasuredWidth(frame);
  const readoutId = useId();
  const cursor = useCursor(curve.length);
  const box = plotBox(LAYOUT, size, size);
  const px = (x: number) => box.left + x * (box.right - box.left);
  const py = (y: number) => box.bottom - y * (box.bottom - box.top);

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (curve.length === 0 || box.right <= box.left) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const [x, y] = [event.clientX - rect.left, event.clientY - rect.top];
    if (x < box.left || x > box.right || y < box.top || y > box.bottom) return cursor.point(null);
    cursor.point(nearestVertex(curve, (p) => (px(p.fpr) - x) ** 2 + (py(p.tpr) - y) ** 2));
  };

  const at = cursor.index === null ? null : curve[cursor.index];
  return (
    <>
      <div
        ref={frame}
        className="chart-frame roc-plot"
        tabIndex={0}
        role="application"
        aria-label={description}
        aria-describedby={readoutId}
        onKeyDown={cursor.onKeyDown}
        onPointerMove={onPointerMove}
        onPointerDown={onPointerMove}
        onPointerLeave={cursor.leave}
        data-chart="roc"
        data-roc-points={curve.length}
        data-points={points.length}
      >
        {size > 0 && <RocPlot points={points} point={point} aucText={aucText} axes={axes} size={size} paintTarget={frame} />}
        {at && size > 0 && (
          <svg className="chart-cursor" width={size} height={size} aria-hidden="true">
            <line x1={px(at.fpr)} x2={px(at.fpr)} y1={box.top} y2={box.bottom} />
            <line x1={box.left} x2={box.right} y1={py(at.tpr)} y2={py(at.tpr)} />
            <circle cx={px(at.fpr)} cy={py(at.tpr)} r={4} style={{ fill: 'var(--accent)' }} />
          </svg>
        )}
      </div>
      <p id={readoutId} className="chart-readout" aria-live="polite" data-x={at?.fpr} data-values={at ? String(at.tpr) : undefined}>
        {at ? (
          <>
            <span className="readout-x">
              {axes.x} {formatNumber(at.fpr, 4)},
            </span>{' '}
            <span className="readout-value">
              {axes.y} {formatNumber(at.tpr, 4)}
            </span>
          </>
        ) : (
          <span className="chart-hint">{text.hint}</span>
        )}
      </p>
      <RocTools curve={curve} axes={axes} frame={frame} />
    </>
  );
});

/**
 * The vertex nearest the pointer on the screen (`distance` is squared, in pixels): a ROC curve has vertical runs
 * where the rate of false positives stays put, so the nearest in x alone would not do.
 */
function nearestVertex(curve: ReadonlyArray<Rates>, distance: (p: Rates) => number): number {
  let best = 0;
  let bestDistance = Infinity;
  curve.forEach((p, i) => {
    const d = distance(p);
    if (d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

/** Downloads: the chart as PNG, and the curve's every vertex (not the reduced points drawn) as CSV. */
function RocTools({
  curve,
  axes,
  frame,
}: {
  curve: ReadonlyArray<Rates>;
  axes: { x: string; y: string };
  frame: RefObject<HTMLElement | null>;
}) {
  const csv = useCallback(
    () =>
      tableCsv(
        [axes.x, axes.y],
        curve.map((p) => [p.fpr, p.tpr]),
      ),
    [curve, axes],
  );
  return <SvgChartTools chart="roc" frame={frame} csv={csv} />;
}

/** The Recharts chart alone, memoized; each of its renders is counted in the frame's data-paints. */
const RocPlot = memo(function RocPlot({
  points,
  point,
  aucText,
  axes,
  size,
  paintTarget,
}: {
  points: Point[];
  point: Rates | null;
  aucText: string;
  axes: { x: string; y: string };
  size: number;
  paintTarget: { current: HTMLElement | null };
}) {
  usePaintCount(paintTarget);
  const box = plotBox(LAYOUT, size, size);
  return (
    <div aria-hidden="true">
      <LineChart data={points} width={size} height={size} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--chart-grid)" />
        <XAxis {...AXIS_STYLE} dataKey="x" domain={UNIT} ticks={TICKS} height={X_AXIS_HEIGHT} />
        <YAxis {...AXIS_STYLE} domain={UNIT} ticks={TICKS} width={Y_AXIS_WIDTH} />
        <ReferenceLine segment={DIAGONAL} stroke="var(--chart-muted)" strokeWidth={1.5} strokeDasharray="6 5" />
        <Line
          dataKey="y"
          type="linear"
          stroke="var(--accent)"
          strokeWidth={2.5}
          dot={false}
          activeDot={false}
          isAnimationActive={false}
          shape={PlainLine}
        />
        {point && <ReferenceDot x={point.fpr} y={point.tpr} r={6} fill="var(--accent-strong)" stroke="var(--bg)" strokeWidth={2} />}
        {axisTitles(box, size, axes)}
        <text x={box.right - 6} y={box.bottom - 6} textAnchor="end" fill="var(--chart-text)" fontSize={13} fontWeight={600}>
          {aucText}
        </text>
      </LineChart>
    </div>
  );
});
