import { formatNumber } from '../../controls/format';
import type { Recommendation } from '../../ml/recommender/math';
import { itemGenre, itemTitle, GENRES } from '../../ml/recommender/titles';
import type { Lang } from '../../state/params';
import { genreColor } from './colors';
import type { RecommenderStrings } from './strings';

/**
 * A ranked list of films: title, genre, the predicted rating (or, without a model, nothing), a mark on the
 * popular ones and, for a film whose rating was held out, the stars actually given.
 */
export function FilmList({
  list,
  popular,
  heldOut,
  lang,
  label,
  s,
}: {
  list: readonly Recommendation[];
  popular: ReadonlySet<number>;
  /** Held-out stars by film, for the user shown. */
  heldOut?: ReadonlyMap<number, number>;
  lang: Lang;
  label: string;
  s: RecommenderStrings;
}) {
  return (
    <ol className="mf-list" aria-label={label}>
      {list.map(({ item, predicted }) => {
        const genre = GENRES.indexOf(itemGenre(item));
        const actual = heldOut?.get(item);
        return (
          <li key={item} data-item={item}>
            <span className="mf-genre" style={{ background: genreColor(genre) }} title={s.genreNames[genre]} aria-hidden="true" />
            <span className="mf-title">
              {s.title(itemTitle(item, lang))} <span className="mf-genre-name">{s.genreNames[genre]}</span>
              {popular.has(item) && <span className="mf-popular">{s.popular}</span>}
              {actual !== undefined && <span className="mf-actual">{s.heldOutStars(actual)}</span>}
            </span>
            <span className="mf-predicted" title={s.predicted}>
              {Number.isFinite(predicted) ? `${formatNumber(predicted, 3)} ★` : ''}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
