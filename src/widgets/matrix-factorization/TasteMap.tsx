import { useRef } from 'react';
import { ChartLegend } from '../../charts/ChartLegend';
import { useCanvas } from '../../charts/useCanvas';
import { principalAxes, project, type Factors } from '../../ml/recommender/math';
import { GENRES, ITEMS_PER_GENRE } from '../../ml/recommender/titles';
import { GENRE_COLORS, genreColor } from './colors';
import type { RecommenderStrings } from './strings';

const PAD = 14;

/**
 * Films and users in the embedding space: the embeddings themselves at k = 2, their two principal directions
 * (of the films' embeddings) otherwise, each direction's sign kept from the previous picture so the map does
 * not flip while it trains. The scale grows at once and shrinks slowly, so the points move rather than the axes.
 */
export function TasteMap({
  factors,
  favourite,
  shownUser,
  you,
  s,
}: {
  factors: Factors | null;
  favourite: Int32Array | null;
  shownUser: number;
  /** The new user's folded-in taste, if they have rated anything. */
  you: ArrayLike<number> | null;
  s: RecommenderStrings;
}) {
  const axes = useRef<Float64Array | null>(null);
  const extent = useRef(0);
  const ref = useCanvas((ctx, width, height, css) => {
    if (!factors || !favourite) return;
    const { k, items } = factors;
    if (axes.current?.length !== 2 * k) axes.current = null;
    axes.current = principalAxes(factors.q, items, k, axes.current);
    extent.current = paintMap(ctx, { width, height, css }, factors, axes.current, favourite, shownUser, you, extent.current);
  });

  return (
    <figure className="panel">
      <figcaption>{s.map}</figcaption>
      <canvas ref={ref} className="chart-canvas mf-map" role="img" aria-label={s.mapLabel(factors?.users ?? 0, factors?.items ?? 0)} />
      <ChartLegend
        items={[
          ...GENRES.map((_, g) => ({ label: s.genreNames[g], color: genreColor(g), mark: 'dot' as const })),
          { label: s.users, color: 'var(--chart-muted)', mark: 'dot' },
          { label: s.shownUser, color: 'var(--chart-text)', mark: 'hollow' },
          { label: s.you, color: 'var(--chart-text)', mark: 'dot' },
        ]}
      />
      <p className="widget-hint">{factors && factors.k > 2 ? s.mapPca(factors.k) : s.mapDirect}</p>
    </figure>
  );
}

/**
 * Paints the map and returns the scale it used: the largest |coordinate| now, or the previous scale shrunk by
 * 2 % if that is larger (points move, the axes stay).
 */
function paintMap(
  ctx: CanvasRenderingContext2D,
  box: { width: number; height: number; css: (name: string) => string },
  factors: Factors,
  axes: Float64Array,
  favourite: Int32Array,
  shownUser: number,
  you: ArrayLike<number> | null,
  previous: number,
): number {
  const { width, height, css } = box;
  const { k, users, items } = factors;
  const film = project(factors.q, items, k, axes);
  const user = project(factors.p, users, k, axes);
  const mine = you ? project(you, 1, k, axes) : null;
  let top = 0;
  for (const list of [film, user, mine ?? []]) for (let j = 0; j < list.length; j++) top = Math.max(top, Math.abs(list[j]));
  const extent = top > previous ? top : Math.max(top, previous * 0.98);
  const half = Math.max(extent, 1e-3) * 1.05;
  const size = Math.min(width, height) / 2 - PAD;
  const cx = width / 2;
  const cy = height / 2;
  const x = (v: number) => cx + (v / half) * size;
  const y = (v: number) => cy - (v / half) * size;

  ctx.strokeStyle = css('--chart-grid');
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(PAD, cy);
  ctx.lineTo(width - PAD, cy);
  ctx.moveTo(cx, PAD);
  ctx.lineTo(cx, height - PAD);
  ctx.stroke();

  const colors = GENRE_COLORS.map((name) => css(name));
  // Users first, faint, then the films on top.
  ctx.globalAlpha = 0.45;
  for (let u = 0; u < users; u++) {
    ctx.fillStyle = colors[favourite[u]];
    ctx.fillRect(x(user[2 * u]) - 1.5, y(user[2 * u + 1]) - 1.5, 3, 3);
  }
  ctx.globalAlpha = 1;
  ctx.strokeStyle = css('--bg');
  for (let i = 0; i < items; i++) {
    ctx.fillStyle = colors[Math.floor(i / ITEMS_PER_GENRE)];
    ctx.beginPath();
    ctx.arc(x(film[2 * i]), y(film[2 * i + 1]), 4.5, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  const text = css('--chart-text');
  ctx.strokeStyle = text;
  ctx.lineWidth = 2;
  if (shownUser >= 0 && shownUser < users) {
    ctx.beginPath();
    ctx.arc(x(user[2 * shownUser]), y(user[2 * shownUser + 1]), 7, 0, 2 * Math.PI);
    ctx.stroke();
  }
  if (mine) {
    const mx = x(mine[0]);
    const my = y(mine[1]);
    ctx.fillStyle = text;
    ctx.beginPath();
    ctx.moveTo(mx, my - 8);
    ctx.lineTo(mx + 6, my);
    ctx.lineTo(mx, my + 8);
    ctx.lineTo(mx - 6, my);
    ctx.closePath();
    ctx.fill();
  }
  return extent;
}
