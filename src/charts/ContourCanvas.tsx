import { clipToArea, drawAxes, plotArea, toPixelX, toPixelY, type Frame, type PlotArea } from './axes';
import { rampColor } from './colormap';
import { contourSegments, logLevels } from './contours';
import { arrowMove, clickToPick } from './plane-picker';
import { CanvasFrame } from './export/CanvasFrame';
import { useCanvas } from './useCanvas';

export interface Grid {
  values: Float32Array;
  cols: number;
  rows: number;
  xRange: [number, number];
  yRange: [number, number];
}

const LEVELS = 14;

/** Renders the grid's colour fill once into an image; only the path is redrawn as training moves. */
function fillImage(grid: Grid, min: number, max: number): HTMLCanvasElement {
  const image = document.createElement('canvas');
  image.width = grid.cols;
  image.height = grid.rows;
  const ctx = image.getContext('2d')!;
  const pixels = ctx.createImageData(grid.cols, grid.rows);
  const low = Math.log(Math.max(min, 1e-9));
  const span = Math.log(Math.max(max, 1e-9)) - low || 1;
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const t = (Math.log(Math.max(grid.values[r * grid.cols + c], 1e-9)) - low) / span;
      const [red, green, blue] = rampColor(t);
      // Row 0 is the lowest y: flip so that y grows upwards on screen.
      const offset = ((grid.rows - 1 - r) * grid.cols + c) * 4;
      pixels.data[offset] = red;
      pixels.data[offset + 1] = green;
      pixels.data[offset + 2] = blue;
      pixels.data[offset + 3] = 255;
    }
  }
  ctx.putImageData(pixels, 0, 0);
  return image;
}

const cache = new WeakMap<Float32Array, { image: HTMLCanvasElement; segments: number[][] }>();

function prepared(grid: Grid, range?: [number, number]) {
  let entry = cache.get(grid.values);
  if (!entry) {
    let min = Infinity;
    let max = -Infinity;
    for (const v of grid.values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (range) [min, max] = range;
    entry = {
      image: fillImage(grid, min, max),
      segments: logLevels(min, max, LEVELS).map((level) => contourSegments(grid.values, grid.cols, grid.rows, level)),
    };
    cache.set(grid.values, entry);
  }
  return entry;
}

/**
 * A path through (x, y), read in place from a flat array: point i is values[i·stride + offset] and the value
 * after it, so a widget's per-step trace records can be drawn without copying them.
 */
export interface ContourPath {
  values: ArrayLike<number>;
  stride?: number;
  offset?: number;
  /** A CSS colour or custom property name (--…), for the line and (unless `dot` is given) its last point. */
  color: string;
  dot?: string;
}

function drawPath(ctx: CanvasRenderingContext2D, frame: Frame, path: ContourPath, color: string, dot: string) {
  const stride = path.stride ?? 2;
  const offset = path.offset ?? 0;
  const count = Math.floor((path.values.length - offset) / stride);
  if (count < 1) return;
  const at = (i: number): [number, number] => [
    toPixelX(frame, path.values[i * stride + offset]),
    toPixelY(frame, path.values[i * stride + offset + 1]),
  ];
  // Points less than half a pixel from the last one drawn add nothing but cost (a converged path repeats
  // itself thousands of times): they are skipped, the last point always kept.
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < count; i++) {
    const [px, py] = at(i);
    const n = xs.length;
    if (n > 0 && i < count - 1 && Math.abs(px - xs[n - 1]) + Math.abs(py - ys[n - 1]) < 0.5) continue;
    xs.push(px);
    ys.push(py);
  }
  // Outlined so it reads on both light and dark parts of the map.
  for (const [stroke, lineWidth] of [
    ['rgba(0,0,0,0.7)', 4],
    [color, 2],
  ] as const) {
    ctx.strokeStyle = stroke;
    ctx.lineWidth = lineWidth;
    ctx.beginPath();
    for (let i = 0; i < xs.length; i++) {
      if (i === 0) ctx.moveTo(xs[i], ys[i]);
      else ctx.lineTo(xs[i], ys[i]);
    }
    ctx.stroke();
  }
  const [px, py] = at(count - 1);
  ctx.fillStyle = dot;
  ctx.strokeStyle = 'rgba(0,0,0,0.8)';
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  ctx.arc(px, py, 5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
}

export interface ContourCanvasProps {
  grid: Grid;
  /**
   * Values mapped to the ends of the colour ramp and spanned by the contour levels; the grid's own extremes
   * when absent. A surface that changes while a run trains keeps one colour key with a fixed range.
   */
  range?: [number, number];
  /** Extra classes for the canvas, e.g. `square` for a map whose axes share one scale. */
  className?: string;
  paths: ContourPath[];
  targets: [number, number][];
  labels: { x: string; y: string };
  description: string;
  onPick?: (x: number, y: number) => void;
  /** The currently picked point, moved by the arrow keys. */
  pick?: [number, number];
}

function gridFrame(grid: Grid, width: number, height: number): Frame {
  return {
    x0: grid.xRange[0],
    x1: grid.xRange[1],
    y0: grid.yRange[0],
    y1: grid.yRange[1],
    width,
    height,
    margin: { left: 40, right: 10, top: 10, bottom: 34 },
  };
}

/** The contour lines as one path: `segments` holds each level's segments (x, y, x, y in grid cells). */
function drawContourLevels(ctx: CanvasRenderingContext2D, area: PlotArea, grid: Grid, segments: number[][]) {
  const { left, top, width: plotW, height: plotH } = area;
  const gx = (c: number) => left + (c / (grid.cols - 1)) * plotW;
  const gy = (r: number) => top + plotH - (r / (grid.rows - 1)) * plotH;
  ctx.strokeStyle = 'rgba(255,255,255,0.45)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (const level of segments) {
    for (let i = 0; i < level.length; i += 4) {
      ctx.moveTo(gx(level[i]), gy(level[i + 1]));
      ctx.lineTo(gx(level[i + 2]), gy(level[i + 3]));
    }
  }
  ctx.stroke();
}

function drawTargets(ctx: CanvasRenderingContext2D, frame: Frame, targets: [number, number][]) {
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2;
  for (const [tx, ty] of targets) {
    ctx.beginPath();
    ctx.arc(toPixelX(frame, tx), toPixelY(frame, ty), 7, 0, 2 * Math.PI);
    ctx.stroke();
  }
}

/**
 * A loss surface as colour and contour lines, descent paths and target rings. With `onPick`, a click (or the
 * arrow keys, when the map has focus) picks a point on it: the start of a run.
 */
export function ContourCanvas({ grid, paths, targets, labels, description, onPick, pick, range, className }: ContourCanvasProps) {
  const frameOf = (width: number, height: number) => gridFrame(grid, width, height);
  const ref = useCanvas((ctx, width, height, css) => {
    const frame = frameOf(width, height);
    const { image, segments } = prepared(grid, range);
    const area = plotArea(frame);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(image, area.left, area.top, area.width, area.height);
    drawContourLevels(ctx, area, grid, segments);
    drawAxes(ctx, { ...frame }, css, labels);

    ctx.save();
    clipToArea(ctx, area);
    drawTargets(ctx, frame, targets);
    const resolve = (color: string) => (color.startsWith('--') ? css(color) || '#f59e0b' : color);
    for (const path of paths) drawPath(ctx, frame, path, resolve(path.color), resolve(path.dot ?? path.color));
    ctx.restore();
  });

  const classes = className ? ` ${className}` : '';
  if (!onPick) {
    return (
      <CanvasFrame canvas={ref} chart="contour">
        <canvas ref={ref} className={`chart-canvas${classes}`} role="img" aria-label={description} />
      </CanvasFrame>
    );
  }
  return (
    <CanvasFrame canvas={ref} chart="contour">
      <canvas
        ref={ref}
        className={`chart-canvas pickable${classes}`}
        role="application"
        tabIndex={0}
        aria-label={description}
        onClick={clickToPick(frameOf, onPick)}
        onKeyDown={(event) => {
          const at = pick && arrowMove(event, pick, grid.xRange, grid.yRange);
          if (at) onPick(...at);
        }}
      />
    </CanvasFrame>
  );
}
