import { niceTicks } from './axes';
import { CanvasFrame } from './export/CanvasFrame';
import { useCanvas } from './useCanvas';

/** One row of dots: a feature's values along a line. */
export interface StripRow {
  label: string;
  values: ArrayLike<number>;
  /** A CSS colour or custom property name (--…). */
  color: string;
  /** One value drawn larger and ringed (an outlier). */
  highlight?: number;
}

/** Rows that share one horizontal axis, under a title (e.g. the features after one transform). */
export interface StripGroup {
  label: string;
  rows: StripRow[];
}

const TITLE = 18;
const ROW = 20;
const TICKS = 22;
const LEFT = 34;
const RIGHT = 12;

function extent(group: StripGroup): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const row of group.rows) {
    for (let i = 0; i < row.values.length; i++) {
      low = Math.min(low, row.values[i]);
      high = Math.max(high, row.values[i]);
    }
  }
  if (!Number.isFinite(low)) return [0, 1];
  const pad = (high - low) * 0.04 || 0.5;
  return [low - pad, high + pad];
}

/** The height a strip plot needs for these groups, in CSS pixels. */
export function stripHeight(groups: StripGroup[]): number {
  return groups.reduce((sum, g) => sum + TITLE + g.rows.length * ROW + TICKS, 0) + 4;
}

/** Strip plots (one-dimensional dot plots), group under group, each group with its own axis. */
export function StripCanvas({ groups, description }: { groups: StripGroup[]; description: string }) {
  const ref = useCanvas((ctx, width, _height, css) => {
    const resolve = (color: string) => (color.startsWith('--') ? css(color) || '#0072b2' : color);
    ctx.font = '12px system-ui, sans-serif';
    let top = 2;
    for (const group of groups) {
      const [x0, x1] = extent(group);
      const px = (x: number) => LEFT + ((x - x0) / (x1 - x0)) * (width - LEFT - RIGHT);
      ctx.fillStyle = css('--chart-text');
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(group.label, 2, top + 2);
      top += TITLE;
      const bottom = top + group.rows.length * ROW;
      ctx.strokeStyle = css('--chart-grid');
      ctx.lineWidth = 1;
      ctx.textAlign = 'center';
      for (const tick of niceTicks(x0, x1, 6)) {
        const x = px(tick);
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, bottom);
        ctx.stroke();
        ctx.fillStyle = css('--chart-text');
        ctx.fillText(String(tick), x, bottom + 3);
      }
      group.rows.forEach((row, r) => {
        const y = top + r * ROW + ROW / 2;
        const color = resolve(row.color);
        ctx.fillStyle = css('--chart-text');
        ctx.textAlign = 'right';
        ctx.textBaseline = 'middle';
        ctx.fillText(row.label, LEFT - 8, y);
        ctx.globalAlpha = 0.6;
        ctx.fillStyle = color;
        for (let i = 0; i < row.values.length; i++) {
          if (i === row.highlight) continue;
          ctx.beginPath();
          ctx.arc(px(row.values[i]), y, 3.5, 0, 2 * Math.PI);
          ctx.fill();
        }
        ctx.globalAlpha = 1;
        if (row.highlight !== undefined && row.highlight < row.values.length) {
          ctx.beginPath();
          ctx.arc(px(row.values[row.highlight]), y, 6, 0, 2 * Math.PI);
          ctx.fill();
          ctx.strokeStyle = css('--chart-text');
          ctx.lineWidth = 2;
          ctx.stroke();
        }
      });
      top = bottom + TICKS;
    }
  });
  return (
    <CanvasFrame canvas={ref} chart="strip">
      <canvas
        ref={ref}
        className="chart-canvas"
        style={{ aspectRatio: 'auto', height: `${stripHeight(groups)}px` }}
        role="img"
        aria-label={description}
      />
    </CanvasFrame>
  );
}
