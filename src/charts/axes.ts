/** Linear mapping from data to canvas pixels, with a margin for tick labels. */
export interface Frame {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
}

export function toPixelX(frame: Frame, x: number): number {
  const { left, right } = frame.margin;
  return left + ((x - frame.x0) / (frame.x1 - frame.x0)) * (frame.width - left - right);
}

export function toPixelY(frame: Frame, y: number): number {
  const { top, bottom } = frame.margin;
  return frame.height - bottom - ((y - frame.y0) / (frame.y1 - frame.y0)) * (frame.height - top - bottom);
}

/** The plotted area inside the frame's margins, in canvas pixels. */
export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function plotArea(frame: Frame): PlotArea {
  const left = toPixelX(frame, frame.x0);
  const top = toPixelY(frame, frame.y1);
  return { left, top, width: toPixelX(frame, frame.x1) - left, height: toPixelY(frame, frame.y0) - top };
}

/** Clips what follows to the plotted area (inside a save/restore of the caller's). */
export function clipToArea(ctx: CanvasRenderingContext2D, area: PlotArea) {
  ctx.beginPath();
  ctx.rect(area.left, area.top, area.width, area.height);
  ctx.clip();
}

/** About `count` round tick values covering [low, high]. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  const span = high - low;
  if (!(span > 0)) return [low];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(low / step) * step; v <= high + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(10)));
  return ticks;
}

export function drawAxes(ctx: CanvasRenderingContext2D, frame: Frame, css: (name: string) => string, labels: { x: string; y: string }) {
  const { left, bottom, top } = frame.margin;
  ctx.strokeStyle = css('--chart-grid');
  ctx.fillStyle = css('--chart-text');
  ctx.font = '12px system-ui, sans-serif';
  ctx.lineWidth = 1;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const tick of niceTicks(frame.x0, frame.x1)) {
    const px = toPixelX(frame, tick);
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, frame.height - bottom);
    ctx.stroke();
    ctx.fillText(String(tick), px, frame.height - bottom + 4);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of niceTicks(frame.y0, frame.y1)) {
    const py = toPixelY(frame, tick);
    ctx.beginPath();
    ctx.moveTo(left, py);
    ctx.lineTo(frame.width - frame.margin.right, py);
    ctx.stroke();
    ctx.fillText(String(tick), left - 4, py);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(labels.x, (left + frame.width - frame.margin.right) / 2, frame.height - 1);
  ctx.save();
  ctx.translate(11, (top + frame.height - bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(labels.y, 0, 0);
  ctx.restore();
}

/** Ticks for a log axis: 1, 2 and 5 times powers of ten inside [low, high] (only powers if that is many). */
export function logTicks(low: number, high: number): number[] {
  if (!(low > 0) || !(high >= low)) return [];
  const ticks: number[] = [];
  const decades = Math.log10(high) - Math.log10(low);
  const multiples = decades > 4 ? [1] : [1, 2, 5];
  for (let power = Math.floor(Math.log10(low)); power <= Math.ceil(Math.log10(high)); power++) {
    for (const m of multiples) {
      const value = Number((m * 10 ** power).toPrecision(12));
      if (value >= low && value <= high) ticks.push(value);
    }
  }
  return ticks;
}
