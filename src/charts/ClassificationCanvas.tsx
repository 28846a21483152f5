/**
 * Two classes of points in the plane over a model's score: the background shaded by the score, contour
 * lines at chosen levels (the decision boundary, a margin), some points circled (support vectors). With
 * `onPick`, a click — or Enter at the keyboard cursor, moved with the arrow keys — picks a point.
 */
import { useRef, useState } from 'react';
import type { Points2D } from '../ml/shared/classification-data';
import { drawAxes, toPixelX, toPixelY, type Frame } from './axes';
import { chainSegments, contourSegments } from './contours';
import { arrowMove, clickToPick } from './plane-picker';
import { rgb, shadeInto, type ShadeColors } from './shade';
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
}: {
  points: Points2D;
  /** Held-out points, drawn hollow so they read apart from the training points. */
  testPoints?: Points2D | null;
  /** For regression: each point's target in [−1, 1], which then sets its colour (a label only sets its shape). */
  pointValues?: { train: ArrayLike<number>; test?: ArrayLike<number> };
  range: [number, number];
  grid: ScoreGrid | null;
  /** Maps a score to [−1, 1]: −1 fully class 0, 0 undecided, 1 fully class 1. */
  shade: (score: number) => number;
  levels: Level[];
  circled?: ArrayLike<number>;
  description: string;
  onPick?: (x1: number, x2: number) => void;
}) {
  const [cursor, setCursor] = useState<[number, number] | null>(null);
  const image = useRef<HTMLCanvasElement | null>(null);
  const layer = useRef<{ key: unknown[]; canvas: HTMLCanvasElement } | null>(null);
  const frameOf = (width: number, height: number): Frame => ({
    x0: range[0],
    x1: range[1],
    y0: range[0],
    y1: range[1],
    width,
    height,
    margin: { left: 40, right: 10, top: 10, bottom: 34 },
  });
  const ref = useCanvas((ctx, width, height, css) => {
    const frame = frameOf(width, height);
    const left = toPixelX(frame, range[0]);
    const top = toPixelY(frame, range[1]);
    const plotW = toPixelX(frame, range[1]) - left;
    const plotH = toPixelY(frame, range[0]) - top;
    const one = css(CLASS_COLORS[1]) || '#0072b2';
    const zero = css(CLASS_COLORS[0]) || '#c2410c';
    if (grid) {
      ctx.imageSmoothingEnabled = true;
      image.current ??= document.createElement('canvas');
      shadeImage(image.current, grid, shade, { background: rgb(css('--bg') || '#ffffff'), one: rgb(one), zero: rgb(zero) });
      ctx.drawImage(image.current, left, top, plotW, plotH);
    }
    drawAxes(ctx, frame, css, { x: 'x₁', y: 'x₂' });
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, plotW, plotH);
    ctx.clip();
    if (grid) {
      const gx = (c: number) => left + (c / (grid.cols - 1)) * plotW;
      const gy = (r: number) => top + plotH - (r / (grid.rows - 1)) * plotH;
      ctx.strokeStyle = css('--text') || '#000';
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
    // Class 1 as circles, class 0 as squares: told apart without colour too. The points do not move while a
    // model trains, so they are drawn once into a layer and copied onto every frame.
    const background = rgb(css('--bg') || '#ffffff');
    const colorOf = (label: number, value: number | undefined) => {
      if (value === undefined) return label === 1 ? one : zero;
      const target = rgb(value >= 0 ? one : zero);
      const mix = Math.min(1, Math.abs(value));
      return `rgb(${target.map((c, k) => Math.round(background[k] + (c - background[k]) * mix)).join(',')})`;
    };
    const drawPoints = (target: CanvasRenderingContext2D, set: Points2D, values: ArrayLike<number> | undefined, hollow: boolean) => {
      for (let i = 0; i < set.x1.length; i++) {
        const px = toPixelX(frame, set.x1[i]);
        const py = toPixelY(frame, set.x2[i]);
        const color = colorOf(set.label[i], values?.[i]);
        target.fillStyle = hollow ? css('--bg') || '#fff' : color;
        target.strokeStyle = hollow ? color : css('--bg') || '#fff';
        target.lineWidth = hollow ? 2 : 1.5;
        target.beginPath();
        if (set.label[i] === 1) target.arc(px, py, 4.5, 0, 2 * Math.PI);
        else target.rect(px - 4, py - 4, 8, 8);
        target.fill();
        target.stroke();
      }
    };
    const ratio = window.devicePixelRatio || 1;
    const key = [points, testPoints, pointValues, width, height, ratio, one, zero, css('--bg')];
    if (!layer.current || key.some((k, i) => k !== layer.current!.key[i])) {
      const canvas = layer.current?.canvas ?? document.createElement('canvas');
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      const target = canvas.getContext('2d')!;
      target.setTransform(ratio, 0, 0, ratio, 0, 0);
      target.clearRect(0, 0, width, height);
      target.beginPath();
      target.rect(left, top, plotW, plotH);
      target.clip();
      drawPoints(target, points, pointValues?.train, false);
      if (testPoints) drawPoints(target, testPoints, pointValues?.test, true);
      layer.current = { key, canvas };
    }
    ctx.drawImage(layer.current.canvas, 0, 0, width, height);
    if (circled) {
      ctx.strokeStyle = css('--text') || '#000';
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
    if (cursor) {
      const [cx, cy] = [toPixelX(frame, cursor[0]), toPixelY(frame, cursor[1])];
      ctx.strokeStyle = css('--focus') || '#f59e0b';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(cx - 10, cy);
      ctx.lineTo(cx + 10, cy);
      ctx.moveTo(cx, cy - 10);
      ctx.lineTo(cx, cy + 10);
      ctx.stroke();
    }
    ctx.restore();
  });

  if (!onPick) return <canvas ref={ref} className="chart-canvas square" role="img" aria-label={description} />;
  return (
    <canvas
      ref={ref}
      className="chart-canvas square pickable"
      role="application"
      tabIndex={0}
      aria-label={description}
      onClick={clickToPick(frameOf, onPick)}
      onFocus={() => setCursor((c) => c ?? [0, 0])}
      onBlur={() => setCursor(null)}
      onKeyDown={(event) => {
        if (!cursor) return;
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onPick(...cursor);
          return;
        }
        const at = arrowMove(event, cursor, range, range);
        if (at) setCursor(at);
      }}
    />
  );
}
