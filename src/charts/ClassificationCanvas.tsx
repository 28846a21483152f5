/**
 * Two classes of points in the plane over a model's score: the background shaded by the score, contour
 * lines at chosen levels (the decision boundary, a margin), some points circled (support vectors). With
 * `onPick`, a click — or Enter at the keyboard cursor, moved with the arrow keys — picks a point.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Points2D } from '../ml/shared/classification-data';
import { clipToArea, drawAxes, plotArea, toPixelX, toPixelY, type Frame, type PlotArea } from './axes';
import { chainSegments, contourSegments } from './contours';
import { arrowMove, clickToPick } from './plane-picker';
import { rgb, shadeInto, type Rgb, type ShadeColors } from './shade';
import { CanvasFrame } from './export/CanvasFrame';
import { useCanvas } from './useCanvas';

export interface ScoreGrid {
  values: ArrayLike<number>;
  cols: number;
  rows: number;
}

export interface Level {
  value: number;
  dashed?: boolean;
}

/** Class colours (label 1, label 0) and the custom properties they come from. */
const CLASS_COLORS = ['--series-2', '--series-1'] as const;

function splitSegments(segments: number[]): number[][] {
  const lines: number[][] = [];
  for (let i = 0; i < segments.length; i += 4) lines.push(segments.slice(i, i + 4));
  return lines;
}

/** Shades the grid into `image` (one pixel per cell), reusing the canvas from frame to frame. */
function shadeImage(image: HTMLCanvasElement, grid: ScoreGrid, shade: (score: number) => number, colors: ShadeColors) {
  if (image.width !== grid.cols || image.height !== grid.rows) {
    image.width = grid.cols;
    image.height = grid.rows;
  }
  const ctx = image.getContext('2d')!;
  const pixels = ctx.createImageData(grid.cols, grid.rows);
  shadeInto(pixels, 0, 0, grid, shade, colors);
  ctx.putImageData(pixels, 0, 0);
  return image;
}

/** Class 1's and class 0's colours, the background they fade into, and the fill of hollow points. */
interface PointStyle {
  one: string;
  zero: string;
  background: Rgb;
  hollowFill: string;
}

/** The points of a classification (training, held-out) and, for regression, their targets. */
interface PointSets {
  points: Points2D;
  /** Held-out points, drawn hollow so they read apart from the training points. */
  testPoints?: Points2D | null;
  /** For regression: each point's target in [−1, 1], which then sets its colour (a label only sets its shape). */
  pointValues?: { train: ArrayLike<number>; test?: ArrayLike<number> };
}

export interface ClassificationCanvasProps extends PointSets {
  range: [number, number];
  grid: ScoreGrid | null;
  /** Maps a score to [−1, 1]: −1 fully class 0, 0 undecided, 1 fully class 1. */
  shade: (score: number) => number;
  levels: Level[];
  circled?: ArrayLike<number>;
  description: string;
  onPick?: (x1: number, x2: number) => void;
}

/** The plane [range]² with room for the axes. */
function planeFrame(range: [number, number], width: number, height: number): Frame {
  return {
    x0: range[0],
    x1: range[1],
    y0: range[0],
    y1: range[1],
    width,
    height,
    margin: { left: 40, right: 10, top: 10, bottom: 34 },
  };
}

function drawContourLevels(ctx: CanvasRenderingContext2D, area: PlotArea, grid: ScoreGrid, levels: Level[], color: string) {
  const { left, top, width: plotW, height: plotH } = area;
  const gx = (c: number) => left + (c / (grid.cols - 1)) * plotW;
  const gy = (r: number) => top + plotH - (r / (grid.rows - 1)) * plotH;
  ctx.strokeStyle = color;
  for (const level of levels) {
    // Only a dashed line needs its segments joined (to keep the dash pattern across cells).
    const segments = contourSegments(grid.values, grid.cols, grid.rows, level.value);
    const lines = level.dashed ? chainSegments(segments) : splitSegments(segments);
    ctx.lineWidth = level.dashed ? 1.5 : 2.5;
    ctx.setLineDash(level.dashed ? [7, 5] : []);
    ctx.beginPath();
    for (const line of lines) {
      ctx.moveTo(gx(line[0]), gy(line[1]));
      for (let i = 2; i < line.length; i += 2) ctx.lineTo(gx(line[i]), gy(line[i + 1]));
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
}

/** A point's colour: its class's, or for a regression target its sign's, faded towards the background as it nears 0. */
function pointColor(label: number, value: number | undefined, style: PointStyle): string {
  if (value === undefined) return label === 1 ? style.one : style.zero;
  const target = rgb(value >= 0 ? style.one : style.zero);
  const mix = Math.min(1, Math.abs(value));
  return `rgb(${target.map((c, k) => Math.round(style.background[k] + (c - style.background[k]) * mix)).join(',')})`;
}

/** Class 1 as circles, class 0 as squares: told apart without colour too. */
function drawPoints(
  target: CanvasRenderingContext2D,
  frame: Frame,
  set: Points2D,
  values: ArrayLike<number> | undefined,
  hollow: boolean,
  style: PointStyle,
) {
  for (let i = 0; i < set.x1.length; i++) {
    const px = toPixelX(frame, set.x1[i]);
    const py = toPixelY(frame, set.x2[i]);
    const color = pointColor(set.label[i], values?.[i], style);
    target.fillStyle = hollow ? style.hollowFill : color;
    target.strokeStyle = hollow ? color : style.hollowFill;
    target.lineWidth = hollow ? 2 : 1.5;
    target.beginPath();
    if (set.label[i] === 1) target.arc(px, py, 4.5, 0, 2 * Math.PI);
    else target.rect(px - 4, py - 4, 8, 8);
    target.fill();
    target.stroke();
  }
}

/** Redraws every point into `canvas`, a layer the size of the chart at `ratio` device pixels per CSS pixel. */
function drawPointLayer(canvas: HTMLCanvasElement, frame: Frame, ratio: number, sets: PointSets, style: PointStyle) {
  canvas.width = Math.round(frame.width * ratio);
  canvas.height = Math.round(frame.height * ratio);
  const target = canvas.getContext('2d')!;
  target.setTransform(ratio, 0, 0, ratio, 0, 0);
  target.clearRect(0, 0, frame.width, frame.height);
  clipToArea(target, plotArea(frame));
  drawPoints(target, frame, sets.points, sets.pointValues?.train, false, style);
  if (sets.testPoints) drawPoints(target, frame, sets.testPoints, sets.pointValues?.test, true, style);
}

/** Rings around the points whose entry in `circled` is set (support vectors). */
function drawCircled(ctx: CanvasRenderingContext2D, frame: Frame, points: Points2D, circled: ArrayLike<number>, color: string) {
  ctx.strokeStyle = color;
  ctx.lineWidth = 1.5;
  ctx.beginPath();
  for (let i = 0; i < points.x1.length; i++) {
    if (!circled[i]) continue;
    const [px, py] = [toPixelX(frame, points.x1[i]), toPixelY(frame, points.x2[i])];
    ctx.moveTo(px + 8.5, py);
    ctx.arc(px, py, 8.5, 0, 2 * Math.PI);
  }
  ctx.stroke();
}

function drawKeyboardCursor(ctx: CanvasRenderingContext2D, frame: Frame, cursor: [number, number], color: string) {
  const [cx, cy] = [toPixelX(frame, cursor[0]), toPixelY(frame, cursor[1])];
  ctx.strokeStyle = color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(cx - 10, cy);
  ctx.lineTo(cx + 10, cy);
  ctx.moveTo(cx, cy - 10);
  ctx.lineTo(cx, cy + 10);
  ctx.stroke();
}

/**
 * The keyboard cursor of a pickable plane: it appears at the origin when the canvas gets focus, the arrow keys
 * move it, Enter or Space picks it. `handlers` go on the canvas.
 */
function useKeyboardCursor(range: [number, number], onPick: ((x1: number, x2: number) => void) | undefined) {
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const handlers = {
    onFocus: () => setCursor((c) => c ?? [0, 0]),
    onBlur: () => setCursor(null),
    onKeyDown: (event: KeyboardEvent) => {
      if (!cursor) return;
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        onPick?.(...cursor);
        return;
      }
      const at = arrowMove(event, cursor, range, range);
      if (at) setCursor(at);
    },
  };
  return { cursor, handlers };
}

export function ClassificationCanvas({
  points,
  testPoints,
  pointValues,
  range,
  grid,
  shade,
  levels,
  circled,
  description,
  onPick,
}: ClassificationCanvasProps) {
  const { cursor, handlers } = useKeyboardCursor(range, onPick);
  const image = useRef<HTMLCanvasElement | null>(null);
  const layer = useRef<{ key: unknown[]; canvas: HTMLCanvasElement } | null>(null);
  const frameOf = (width: number, height: number) => planeFrame(range, width, height);
  const ref = useCanvas((ctx, width, height, css) => {
    const frame = frameOf(width, height);
    const area = plotArea(frame);
    const one = css(CLASS_COLORS[1]) || '#0072b2';
    const zero = css(CLASS_COLORS[0]) || '#c2410c';
    if (grid) {
      ctx.imageSmoothingEnabled = true;
      image.current ??= document.createElement('canvas');
      shadeImage(image.current, grid, shade, { background: rgb(css('--bg') || '#ffffff'), one: rgb(one), zero: rgb(zero) });
      // Grid values sit on the plot's corners and edges (cell c at c/(cols − 1) of the width) while an image's
      // pixels are centred in theirs: drawn half a cell larger on every side, each pixel's centre lands on its
      // grid point, so the shading and the contour lines agree.
      const [cellW, cellH] = [area.width / (grid.cols - 1), area.height / (grid.rows - 1)];
      ctx.save();
      clipToArea(ctx, area);
      ctx.drawImage(image.current, area.left - cellW / 2, area.top - cellH / 2, area.width + cellW, area.height + cellH);
      ctx.restore();
    }
    drawAxes(ctx, frame, css, { x: 'x₁', y: 'x₂' });
    ctx.save();
    clipToArea(ctx, area);
    if (grid) drawContourLevels(ctx, area, grid, levels, css('--text') || '#000');
    // The points do not move while a model trains, so they are drawn once into a layer and copied onto every frame.
    const ratio = window.devicePixelRatio || 1;
    const key = [points, testPoints, pointValues, width, height, ratio, one, zero, css('--bg')];
    if (!layer.current || key.some((k, i) => k !== layer.current!.key[i])) {
      const canvas = layer.current?.canvas ?? document.createElement('canvas');
      const style = { one, zero, background: rgb(css('--bg') || '#ffffff'), hollowFill: css('--bg') || '#fff' };
      drawPointLayer(canvas, frame, ratio, { points, testPoints, pointValues }, style);
      layer.current = { key, canvas };
    }
    ctx.drawImage(layer.current.canvas, 0, 0, width, height);
    if (circled) drawCircled(ctx, frame, points, circled, css('--text') || '#000');
    if (cursor) drawKeyboardCursor(ctx, frame, cursor, css('--focus') || '#f59e0b');
    ctx.restore();
  });

  if (!onPick) {
    return (
      <CanvasFrame canvas={ref} chart="classification">
        <canvas ref={ref} className="chart-canvas square" role="img" aria-label={description} />
      </CanvasFrame>
    );
  }
  return (
    <CanvasFrame canvas={ref} chart="classification">
      <canvas
        ref={ref}
        className="chart-canvas square pickable"
        role="application"
        tabIndex={0}
        aria-label={description}
        onClick={clickToPick(frameOf, onPick)}
        {...handlers}
      />
    </CanvasFrame>
  );
}
