/**
 * The drawing pad's strokes on its canvas. A stroke is a flat list of points x0, y0, x1, y1, … as fractions
 * of the canvas's side (0 … 1), so strokes can be drawn again at any size (after a resize, a theme change).
 * The canvas is transparent and its alpha channel is the ink (0 … 255), whatever colour the theme gives it.
 */

export type Stroke = number[];

/** The pen's width as a fraction of the pad's side: about what a digit written on MNIST's forms gives. */
export const PEN_WIDTH = 1 / 14;

/** The pad's 2-D context, always asked for with the same options (a canvas keeps its first ones). */
export function padContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  return canvas.getContext('2d', { willReadFrequently: true });
}

/**
 * Draws `stroke` from its point `from` on: a dot for its first point (a tap leaves a mark), then the segments
 * up to its last point, with round caps and joins so pieces drawn one after another join without seams.
 */
export function drawStroke(ctx: CanvasRenderingContext2D, stroke: Stroke, color: string, from = 0) {
  const { width, height } = ctx.canvas;
  const pen = Math.min(width, height) * PEN_WIDTH;
  const points = stroke.length / 2;
  ctx.fillStyle = color;
  ctx.strokeStyle = color;
  ctx.lineWidth = pen;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  if (from === 0 && points > 0) {
    ctx.beginPath();
    ctx.arc(stroke[0] * width, stroke[1] * height, pen / 2, 0, 2 * Math.PI);
    ctx.fill();
  }
  const start = Math.max(from, 1);
  if (start >= points) return;
  ctx.beginPath();
  ctx.moveTo(stroke[2 * (start - 1)] * width, stroke[2 * (start - 1) + 1] * height);
  for (let i = start; i < points; i++) ctx.lineTo(stroke[2 * i] * width, stroke[2 * i + 1] * height);
  ctx.stroke();
}

/** Clears the canvas and draws every stroke again. */
export function redrawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], color: string) {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  for (const stroke of strokes) drawStroke(ctx, stroke, color);
}

/** The canvas's ink: its alpha channel, one value (0 … 255) per device pixel, row-major. */
export function readInk(ctx: CanvasRenderingContext2D): { ink: Uint8ClampedArray; width: number; height: number } {
  const { width, height } = ctx.canvas;
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const ink = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 3; i < ink.length; i++, j += 4) ink[i] = rgba[j];
  return { ink, width, height };
}
