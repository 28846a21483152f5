/**
 * Loss (or accuracy) against step, growing live while a widget trains: a Recharts line chart with a readout
 * of the step and every series' value under a cursor, moved by the pointer or, with the chart focused, the
 * arrow keys (see chart-interaction.ts).
 *
 * Recharts costs far more than a canvas per update (here, 2 vCPU with software rendering: 10–17 ms against
 * 1–2 ms), so: the series are reduced (LTTB) to at most 400 points in all, drawn without animation or dots
 * (a plain path, line-shape.tsx) at a measured width, from one table for the whole chart (see chartRows);
 * the chart is redrawn at most every `redrawMs` (100 ms), in a task of its own (useThrottled); the vertical
 * range snaps to a grid so the axes rarely change; and the Recharts part is a memoized component that
 * receives only what it draws: a widget's render, a cursor move or the readout re-render nothing in it. The
 * cursor and its dots are an overlay of their own.
 *
 * Under the chart: "Pin this run" keeps a copy of the curves, drawn dashed beside the next runs with both runs
 * named by the settings that differ (compare/), and PNG / CSV downloads (export/).
 */
import { memo, useCallback, useId, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../controls/format';
import { useLang } from '../i18n/LangContext';
import { useRunSettings } from '../state/run-settings';
import { logTicks, niceTicks } from './axes';
import { useChartText, useCursor, useMeasuredWidth, usePaintCount } from './chart-interaction';
import { CompareLegend } from './compare/CompareLegend';
import { compareRuns, pinRun, type CompareItem, type PinnedRun } from './compare/compare-runs';
import { lttb, type Point } from './downsample';
import { LossChartTools } from './export/LossChartTools';
import { pointCount, type LossSeries } from './loss-series';
import { PlainLine } from './line-shape';
import { AXIS_STYLE, CHART_TEXT, plotBox, type ChartLayout } from './recharts-style';
import { useThrottled } from './useThrottled';

const MAX_POINTS = 400;
const REDRAW_MS = 100;
const HEIGHT = 220;
const MARGIN = { top: 8, right: 14, bottom: 0, left: 0 };
const Y_AXIS_WIDTH = 58;
const X_AXIS_HEIGHT = 24;
const LAYOUT: ChartLayout = { margin: MARGIN, yAxisWidth: Y_AXIS_WIDTH, xAxisHeight: X_AXIS_HEIGHT };
const PINNED_DASH = '6 4';
const PINNED_OPACITY = 0.7;
const formatX = (v: number) => formatNumber(v, 3);
const formatY = (v: number) => formatNumber(v, 2);

export type { LossSeries };

/** A horizontal line the curve is heading for, e.g. the best loss possible on this data. */
export interface Reference {
  value: number;
  label: string;
}

/** A vertical line at one step, e.g. the early-stopping point (the best validation step). */
export interface Marker {
  x: number;
  label: string;
  /** The line's colour, a CSS colour or var(--name); the chart's text colour by default. */
  color?: string;
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
  key: string;
  label: string;
  color: string;
  points: Point[];
  /** A pinned earlier run: dashed and faded. */
  dashed: boolean;
}

type Row = { x: number } & Record<string, number>;

/** What the chart draws at one throttled moment: the reduced curves and the extent of the steps. */
interface Drawn {
  curves: Curve[];
  /** The table Recharts draws: one row per x, a column per series (s0, s1, …), empty where a series has no point. */
  rows: Row[];
  /** The smallest horizontal step of any series: the cursor moves by it. */
  dx: number;
  /** How many cursor places there are (dx apart, from dx). */
  places: number;
  /** Whether x counts epochs (some series has xStep ≠ 1) rather than steps. */
  epochs: boolean;
  references: Reference[];
  markers: Marker[];
}

export function LossChart({
  series,
  label,
  empty,
  maxX,
  yScale = 'log',
  yDomain,
  reference,
  markers = [],
  redrawMs = REDRAW_MS,
  xName,
}: {
  series: LossSeries[];
  label: string;
  empty: string;
  /** One horizontal line, or several (a language model's two baselines). */
  reference?: Reference | readonly Reference[];
  /** At most two: the first one's label goes at the top of the plot, the second's at the bottom. */
  markers?: readonly Marker[];
  /** The least time between redraws; 0 for a widget that already spaces its own renders. */
  redrawMs?: number;
  /** What the horizontal axis counts when it is neither steps nor epochs (a sequence's time steps), for the readout. */
  xName?: string;
} & ChartAxes) {
  const references = reference === undefined ? [] : Array.isArray(reference) ? (reference as Reference[]) : [reference as Reference];
  const lang = useLang();
  const settings = useRunSettings();
  const [pin, setPin] = useState<PinnedRun | null>(null);
  const { shown, legend } = compareRuns(series, pin, settings, lang);
  // Series arrays grow in place: their lengths say when there is something new to draw. The lines drawn with
  // them (a marker that follows the best step moves with the run) wait for the same turn.
  const version = useThrottled(
    shown.map((s) => `${s.key}:${s.values.length}:${s.offset ?? 0}:${s.xStep ?? 1}:${s.count ?? ''}:${s.color}:${s.label}`).join() +
      `|${references.map((r) => `${r.value}:${r.label}`).join()}|${markers.map((m) => `${m.x}:${m.label}:${m.color}`).join()}`,
    redrawMs,
  );
  // The readout reads the series' values in place, at the cursor, when it moves.
  const latest = useRef(shown);
  // What the pin and the downloads read when pressed: the current run's series and the legend shown.
  const live = useRef({ series, settings, legend });
  useLayoutEffect(() => {
    latest.current = shown;
    live.current = { series, settings, legend };
  });
  const drawn = useMemo((): Drawn => {
    const { curves, rows } = chartRows(shown, yScale, maxX);
    const dx = Math.min(...shown.map((s) => s.xStep ?? 1));
    // A pinned run is never cut at the budget: the axis covers both runs.
    const lastX = Math.max(0, ...shown.map((s) => Math.min(pointCount(s) * (s.xStep ?? 1), s.pinned ? Infinity : (maxX ?? Infinity))));
    return {
      curves,
      rows,
      dx,
      places: Math.floor(lastX / dx + 1e-9),
      epochs: shown.some((s) => (s.xStep ?? 1) !== 1),
      // Copies, so a new object with the same values is not a change.
      references: references.map((r) => ({ ...r })),
      markers: markers.map((m) => ({ ...m })),
    };
    // `version` stands for the series' contents, the references and the markers.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on `version`, not on the arrays (the same objects, mutated)
  }, [version, maxX, yScale]);
  const [low, high] = yDomain ?? [];
  const domain = useMemo(() => (low !== undefined && high !== undefined ? ([low, high] as [number, number]) : undefined), [low, high]);
  const onPin = useCallback(() => setPin(pinRun(live.current.series, live.current.settings)), []);
  const onClearPin = useCallback(() => setPin(null), []);
  const legendItems = useCallback(
    (): CompareItem[] => live.current.legend ?? live.current.series.map((s) => ({ label: s.label, color: s.color, run: 'current' })),
    [],
  );
  return (
    <figure className="loss-chart">
      <LossChartView drawn={drawn} series={latest} label={label} empty={empty} maxX={maxX} yScale={yScale} yDomain={domain} xName={xName} />
      {legend && <CompareLegend items={legend} />}
      <LossChartTools
        series={latest}
        legend={legendItems}
        xName={xName ?? (drawn.epochs ? 'epoch' : 'step')}
        canPin={series.some((s) => pointCount(s) > 0)}
        pinned={pin !== null}
        onPin={onPin}
        onClearPin={onClearPin}
      />
    </figure>
  );
}

function seriesPoints(s: LossSeries, yScale: 'log' | 'linear', maxX?: number): Point[] {
  const points: Point[] = [];
  const stride = s.stride ?? 1;
  const offset = s.offset ?? 0;
  const xStep = s.xStep ?? 1;
  const count = pointCount(s);
  for (let i = 0; i < count; i++) {
    const v = s.values[i * stride + offset];
    const x = (i + 1) * xStep;
    if (maxX !== undefined && x > maxX) break;
    if (Number.isFinite(v) && (yScale === 'linear' || v > 0)) points.push({ x, y: v });
  }
  return points;
}

/**
 * The chart's table. Each series is reduced (LTTB) to MAX_POINTS / (number of series) points; the table has a
 * row for every x any of them kept, with every series that has a point at that x (series on the same steps
 * fill each other's rows), so no series is drawn with more than MAX_POINTS points.
 *
 * One table for the whole chart, not one per line: Recharts takes a chart's data in a plain store update, but
 * a line's own data in a batched one that it applies in the next animation frame, in the same task as the
 * widget's own render of that frame.
 */
function chartRows(series: LossSeries[], yScale: 'log' | 'linear', maxX?: number): { curves: Curve[]; rows: Row[] } {
  const per = Math.max(3, Math.floor(MAX_POINTS / Math.max(1, series.length)));
  const picked = series.map((s) => (s.pinned ? pinnedPoints(s, yScale, per) : lttb(seriesPoints(s, yScale, maxX), per)));
  const byX = new Map<number, Row>();
  picked.forEach((points) => points.forEach((p) => byX.has(p.x) || byX.set(p.x, { x: p.x } as Row)));
  const rows = [...byX.values()].sort((a, b) => a.x - b.x);
  const curves = series.map((s, k) => {
    const column = `s${k}`;
    const points: Point[] = [];
    for (const row of rows) {
      const v = valueAt(s, row.x, true);
      if (v !== undefined && Number.isFinite(v) && (yScale === 'linear' || v > 0)) {
        row[column] = v;
        points.push({ x: row.x, y: v });
      }
    }
    return { key: s.key, label: s.label, color: s.color, points, dashed: s.pinned === true };
  });
  return { curves, rows };
}

/** A pinned copy never changes: its reduced points are computed once per size and scale, not at every update. */
const pinnedCache = new WeakMap<ArrayLike<number>, { per: number; yScale: string; points: Point[] }>();

function pinnedPoints(s: LossSeries, yScale: 'log' | 'linear', per: number): Point[] {
  const cached = pinnedCache.get(s.values);
  if (cached && cached.per === per && cached.yScale === yScale) return cached.points;
  const points = lttb(seriesPoints(s, yScale), per);
  pinnedCache.set(s.values, { per, yScale, points });
  return points;
}

/** A series' value at horizontal position x (its nearest point), or undefined where it has none. */
function valueAt(s: LossSeries, x: number, exact = false): number | undefined {
  const xStep = s.xStep ?? 1;
  const i = Math.round(x / xStep) - 1;
  // exact: only a point of this series at x itself (another series' x may fall between its points).
  if (exact && Math.abs((i + 1) * xStep - x) > 1e-9 * Math.max(1, x)) return undefined;
  if (i < 0 || i >= pointCount(s)) return undefined;
  return s.values[i * (s.stride ?? 1) + (s.offset ?? 0)];
}

/** The vertical range of the curves, widened a little so a curve never sits on the frame. */
function chartDomain(curves: Curve[], yScale: 'log' | 'linear', references: Reference[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const curve of curves) {
    for (const p of curve.points) {
      low = Math.min(low, p.y);
      high = Math.max(high, p.y);
    }
  }
  for (const reference of references) {
    if (yScale === 'log' && reference.value <= 0) continue;
    low = Math.min(low, reference.value);
    high = Math.max(high, reference.value);
  }
  if (!Number.isFinite(low)) return yScale === 'log' ? [0.1, 1] : [0, 1];
  // The ends are snapped to a grid (eighths of a decade, half ticks) so that they change now and then, not
  // on every update: each new range makes Recharts recompute and redraw its axis, grid and labels.
  if (yScale === 'log') {
    const [a, b] = high > low ? [low / 1.1, high * 1.1] : [low / 2, low * 2];
    return [10 ** (Math.floor(Math.log10(a) * 8) / 8), 10 ** (Math.ceil(Math.log10(b) * 8) / 8)];
  }
  const pad = (high - low) * 0.05 || 0.5;
  const ticks = niceTicks(low - pad, high + pad, 5);
  const half = ticks.length > 1 ? (ticks[1] - ticks[0]) / 2 : pad;
  return [Math.floor((low - pad) / half) * half, Math.ceil((high + pad) / half) * half];
}

/** The axes' ranges and ticks, shared by the Recharts chart and the cursor overlay so both place points alike. */
interface Scale {
  x: [number, number];
  y: [number, number];
  log: boolean;
  xTicks: number[];
  yTicks: number[];
}

function chartScale(drawn: Drawn, yScale: 'log' | 'linear', yDomain?: [number, number], maxX?: number): Scale {
  const { curves } = drawn;
  const log = yScale === 'log';
  const y = !log && yDomain ? yDomain : chartDomain(curves, yScale, drawn.references);
  const lastX = Math.max(1, ...curves.map((c) => c.points[c.points.length - 1]?.x ?? 0));
  const firstX = Math.min(1, ...curves.map((c) => c.points[0]?.x ?? 1));
  const x0 = firstX < 1 ? 0 : 1;
  // The budget, or further where a pinned run went further.
  const x1 = Math.max(maxX ?? lastX, lastX, x0 + 1e-9);
  return { x: [x0, x1], y, log, xTicks: niceTicks(x0, x1, 6), yTicks: log ? logTicks(y[0], y[1]) : niceTicks(y[0], y[1], 5) };
}

/** The same arrays as long as the values are the same (see LinePlot). */
function useStableScale(scale: Scale): Scale {
  const x = useStableArray(scale.x);
  const y = useStableArray(scale.y);
  const xTicks = useStableArray(scale.xTicks);
  const yTicks = useStableArray(scale.yTicks);
  return useMemo(() => ({ x, y, log: scale.log, xTicks, yTicks }), [x, y, scale.log, xTicks, yTicks]);
}

/** The previous array while the values are the same, so a memoized axis sees no change. */
function useStableArray<T extends readonly number[]>(values: T): T {
  const last = useRef(values);
  if (last.current.join() !== values.join()) last.current = values;
  return last.current;
}

const LossChartView = memo(function LossChartView({
  drawn,
  series,
  label,
  empty,
  maxX,
  yScale = 'log',
  yDomain,
  xName,
}: {
  drawn: Drawn;
  series: { current: LossSeries[] };
  label: string;
  empty: string;
  xName?: string;
} & ChartAxes) {
  const frame = useRef<HTMLDivElement>(null);
  const width = useMeasuredWidth(frame);
  const readoutId = useId();
  const { curves, dx, places, epochs, references, markers } = drawn;
  const fresh = useMemo(() => chartScale(drawn, yScale, yDomain, maxX), [drawn, yScale, yDomain, maxX]);
  const referenceText = references.map((r) => r.label).join('; ');
  const scale = useStableScale(fresh);
  const cursor = useCursor(places);
  const hasData = curves.some((c) => c.points.length > 0);
  const box = plotBox(LAYOUT, width, HEIGHT);

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!hasData || box.right <= box.left) return;
    // Relative to the frame, not to whichever SVG element is under the pointer.
    const offsetX = event.clientX - event.currentTarget.getBoundingClientRect().left;
    const x = scale.x[0] + ((offsetX - box.left) / (box.right - box.left)) * (scale.x[1] - scale.x[0]);
    cursor.point(places > 0 && x >= scale.x[0] && x <= scale.x[1] ? Math.max(0, Math.min(places - 1, Math.round(x / dx) - 1)) : null);
  };

  const cursorX = cursor.index === null ? null : (cursor.index + 1) * dx;
  const readings = cursorX === null ? [] : series.current.map((s) => ({ s, v: valueAt(s, cursorX) }));
  const latest = curves.map((c) => c.points[c.points.length - 1]).filter(Boolean);
  return (
    <>
      <figcaption>{label}</figcaption>
      <div
        ref={frame}
        className="chart-frame loss-plot"
        tabIndex={0}
        role="application"
        aria-label={
          hasData
            ? `${label}: ${latest.map((p) => formatNumber(p!.y, 4)).join(', ')}${referenceText ? `; ${referenceText}` : ''}${markers.map((m) => `; ${m.label}`).join('')}`
            : `${label}. ${empty}`
        }
        aria-describedby={readoutId}
        onKeyDown={cursor.onKeyDown}
        onPointerMove={onPointerMove}
        onPointerDown={onPointerMove}
        onPointerLeave={cursor.leave}
        data-chart="loss"
        data-curves={curves.filter((c) => c.points.length > 0).length}
        data-pinned={curves.filter((c) => c.dashed && c.points.length > 0).length}
        data-points={curves.reduce((sum, c) => sum + c.points.length, 0)}
        data-reference={referenceText || undefined}
        data-marker={markers.length ? markers.map((m) => m.x).join() : undefined}
      >
        {!hasData && <p className="chart-empty">{empty}</p>}
        {width > 0 && (
          <LinePlot
            curves={curves}
            rows={drawn.rows}
            scale={scale}
            width={width}
            references={references}
            markers={markers}
            paintTarget={frame}
          />
        )}
        {cursorX !== null && width > 0 && <CursorMarks x={cursorX} readings={readings} scale={scale} width={width} />}
      </div>
      <Readout id={readoutId} cursorX={cursorX} readings={readings} epochs={epochs} xName={xName} />
    </>
  );
});

type Reading = { s: LossSeries; v: number | undefined };

/** The cursor's vertical line and a dot on each series it crosses. */
function CursorMarks({ x, readings, scale, width }: { x: number; readings: Reading[]; scale: Scale; width: number }) {
  const box = plotBox(LAYOUT, width, HEIGHT);
  const px = box.left + ((x - scale.x[0]) / (scale.x[1] - scale.x[0])) * (box.right - box.left);
  const fy = (y: number) => (scale.log ? Math.log10(y) : y);
  const py = (y: number) => box.bottom - ((fy(y) - fy(scale.y[0])) / (fy(scale.y[1]) - fy(scale.y[0]))) * (box.bottom - box.top);
  return (
    <svg className="chart-cursor" width={width} height={HEIGHT} aria-hidden="true">
      <line x1={px} x2={px} y1={box.top} y2={box.bottom} />
      {readings.map(({ s, v }) =>
        v !== undefined && Number.isFinite(v) && (!scale.log || v > 0) && v >= scale.y[0] && v <= scale.y[1] ? (
          <circle key={s.key} cx={px} cy={py(v)} r={4} style={{ fill: s.color }} />
        ) : null,
      )}
    </svg>
  );
}

/** Under the chart, in words: the cursor's step (or epoch) and every series' value there, or how to move it. */
function Readout({
  id,
  cursorX,
  readings,
  epochs,
  xName,
}: {
  id: string;
  cursorX: number | null;
  readings: Reading[];
  epochs: boolean;
  xName?: string;
}) {
  const text = useChartText();
  return (
    <p
      id={id}
      className="chart-readout"
      aria-live="polite"
      data-x={cursorX ?? undefined}
      data-values={cursorX === null ? undefined : readings.map(({ v }) => (v === undefined ? '' : String(v))).join(',')}
    >
      {cursorX === null ? (
        <span className="chart-hint">{text.hint}</span>
      ) : (
        <>
          <span className="readout-x">
            {xName ?? (epochs ? text.epoch : text.step)} {epochs ? formatNumber(cursorX, 4) : cursorX}:
          </span>{' '}
          {readings.map(({ s, v }) => (
            <span key={s.key} className="readout-value">
              <span className="legend-mark legend-dot" style={{ color: s.color }} aria-hidden="true" />
              {s.label} {v === undefined ? text.none : formatNumber(v, 4)}{' '}
            </span>
          ))}
        </>
      )}
    </p>
  );
}

/**
 * Recharts puts an insideBottom label above a horizontal line and an insideTop one below it. With several
 * lines, the lowest one's label goes below it and the others' above, so two close lines keep theirs apart.
 */
function referenceLabelsOf(references: Reference[]) {
  const lowest = Math.min(...references.map((r) => r.value));
  return references.map((r) => ({
    value: r.label,
    position: references.length > 1 && r.value === lowest ? ('insideTopRight' as const) : ('insideBottomRight' as const),
    ...CHART_TEXT,
  }));
}

/**
 * The Recharts chart alone, memoized: it re-renders only when what it draws changes (at most every
 * `redrawMs`) or the box is resized, and counts each of those renders in the frame's data-paints.
 */
const LinePlot = memo(function LinePlot({
  curves,
  rows,
  scale,
  width,
  references,
  markers,
  paintTarget,
}: {
  curves: Curve[];
  rows: Row[];
  scale: Scale;
  width: number;
  references: Reference[];
  markers: Marker[];
  paintTarget: { current: HTMLElement | null };
}) {
  usePaintCount(paintTarget);
  const shownReferences = useMemo(() => references.filter((r) => !scale.log || r.value > 0), [references, scale.log]);
  // Recharts keeps its settings in a store and recomputes from whatever changed: new objects with the same
  // values (labels, domains, ticks) would cost a recomputation on every update.
  const referenceLabels = useMemo(() => referenceLabelsOf(shownReferences), [shownReferences]);
  const middle = (scale.x[0] + scale.x[1]) / 2;
  const markerLines = useMemo(
    () =>
      markers
        .map((m, k) => {
          const side = m.x > middle ? 'Right' : 'Left';
          const position = k === 0 ? (`insideTop${side}` as const) : (`insideBottom${side}` as const);
          return { ...m, label: { value: m.label, position, ...CHART_TEXT } };
        })
        .filter((m) => m.x >= scale.x[0] && m.x <= scale.x[1]),
    [markers, scale.x, middle],
  );
  return (
    <div aria-hidden="true">
      <LineChart data={rows} width={width} height={HEIGHT} margin={MARGIN} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--chart-grid)" />
        <XAxis {...AXIS_STYLE} dataKey="x" domain={scale.x} ticks={scale.xTicks} height={X_AXIS_HEIGHT} tickFormatter={formatX} />
        <YAxis
          {...AXIS_STYLE}
          scale={scale.log ? 'log' : 'linear'}
          domain={scale.y}
          // A fixed range stays fixed: what falls outside it (an untrained model's first loss) is clipped.
          allowDataOverflow
          ticks={scale.yTicks}
          width={Y_AXIS_WIDTH}
          tickFormatter={formatY}
        />
        {shownReferences.map((r, i) => (
          <ReferenceLine
            key={i}
            y={r.value}
            stroke="var(--chart-muted)"
            strokeDasharray="6 5"
            ifOverflow="hidden"
            label={referenceLabels[i]}
          />
        ))}
        {markerLines.map((m, k) => (
          <ReferenceLine key={k} x={m.x} stroke={m.color ?? 'var(--chart-text)'} strokeDasharray="4 4" label={m.label} />
        ))}
        {drawOrder(curves).map(({ c, k }) => (
          <Line
            key={c.key}
            dataKey={`s${k}`}
            type="linear"
            stroke={c.color}
            strokeWidth={2}
            strokeDasharray={c.dashed ? PINNED_DASH : undefined}
            strokeOpacity={c.dashed ? PINNED_OPACITY : undefined}
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            shape={PlainLine}
          />
        ))}
      </LineChart>
    </div>
  );
});

/** Pinned runs first, so the current run is drawn over them; each keeps its column (s0, s1, …). */
function drawOrder(curves: Curve[]): { c: Curve; k: number }[] {
  const indexed = curves.map((c, k) => ({ c, k }));
  return [...indexed.filter(({ c }) => c.dashed), ...indexed.filter(({ c }) => !c.dashed)];
}
