import { useMemo } from 'react';
import { ChartLegend } from '../../charts/ChartLegend';
import { ValueGridCanvas } from '../../charts/ValueGridCanvas';
import type { RecommenderInfo } from '../../ml/recommender/contract';
import type { Factors } from '../../ml/recommender/math';
import type { RecommenderStrings } from './strings';

/** Users in columns grouped by their planted favourite genre (then by number), so the planted blocks show. */
function columnOrder(info: RecommenderInfo): Int32Array {
  const users = Array.from({ length: info.users }, (_, u) => u).sort((a, b) => info.favourite[a] - info.favourite[b] || a - b);
  const column = new Int32Array(info.users);
  users.forEach((u, c) => (column[u] = c));
  return column;
}

/**
 * The table as the model sees it, films in rows (by genre) and users in columns: training ratings in one hue,
 * held-out ones in the other, darker for more stars, empty cells blank; and beside it the table the model
 * fills in now, every cell its predicted rating (clipped to 1–5 for the shading), redrawn as it trains.
 */
export function RatingsTables({ info, factors, s }: { info: RecommenderInfo | null; factors: Factors | null; s: RecommenderStrings }) {
  const column = useMemo(() => (info ? columnOrder(info) : null), [info]);
  const known = useMemo(() => {
    if (!info || !column) return null;
    const pixels = new Float32Array(info.users * info.items);
    for (let j = 0; j < info.rating.length; j++)
      pixels[info.item[j] * info.users + column[info.user[j]]] = ((info.heldOut[j] ? -1 : 1) * info.rating[j]) / 5;
    return pixels;
  }, [info, column]);
  const predicted = useMemo(() => {
    if (!factors || !column) return null;
    const { k, users, items } = factors;
    const pixels = new Float32Array(users * items);
    for (let u = 0; u < users; u++)
      for (let i = 0; i < items; i++) {
        let r = factors.mu + factors.bu[u] + factors.bi[i];
        for (let c = 0; c < k; c++) r += factors.p[u * k + c] * factors.q[i * k + c];
        pixels[i * users + column[u]] = Math.min(4, Math.max(0, r - 1));
      }
    return pixels;
  }, [factors, column]);
  if (!info || !known) return null;
  return (
    <div className="widget-panels">
      <figure className="panel">
        <figcaption>{s.tableKnown}</figcaption>
        <ValueGridCanvas
          pixels={known}
          width={info.users}
          height={info.items}
          diverging
          scale={1}
          label={s.tableKnownLabel(info.users, info.items)}
        />
        <ChartLegend
          items={[
            { label: s.trainRatings, color: 'var(--cnn-positive)', mark: 'dot' },
            { label: s.heldOutRatings, color: 'var(--cnn-negative)', mark: 'dot' },
          ]}
        />
      </figure>
      <figure className="panel">
        <figcaption>{s.tablePredicted}</figcaption>
        {predicted ? (
          <ValueGridCanvas pixels={predicted} width={info.users} height={info.items} scale={4} label={s.tablePredictedLabel} />
        ) : (
          <p className="widget-hint">{s.noModel}</p>
        )}
        <p className="widget-hint">{s.tableHint}</p>
      </figure>
    </div>
  );
}
