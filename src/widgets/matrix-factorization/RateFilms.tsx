import { memo, useId } from 'react';
import { itemTitle } from '../../ml/recommender/titles';
import type { Lang } from '../../state/params';
import type { RecommenderStrings } from './strings';

const STARS = [1, 2, 3, 4, 5];

/**
 * Star ratings for a few films, each a group of native radio buttons (Tab into it, arrow keys to move, as any
 * radio group), drawn as stars; "–" takes the rating back. Memoized: the widget re-renders every frame while
 * it trains, and these 72 inputs change only when a rating does (give it a lasting `onRate`).
 */
export const RateFilms = memo(function RateFilms({
  films,
  ratings,
  onRate,
  lang,
  s,
}: {
  films: readonly number[];
  ratings: ReadonlyMap<number, number>;
  onRate: (item: number, stars: number) => void;
  lang: Lang;
  s: RecommenderStrings;
}) {
  const id = useId();
  return (
    <div className="mf-rate">
      {films.map((item) => {
        const value = ratings.get(item) ?? 0;
        const title = itemTitle(item, lang);
        return (
          <fieldset key={item} className="mf-stars" data-rate={item}>
            <legend>{s.title(title)}</legend>
            {[0, ...STARS].map((n) => (
              <label key={n} className={n === 0 ? 'mf-star-none' : n <= value ? 'mf-star mf-star-on' : 'mf-star'}>
                <input
                  type="radio"
                  name={`${id}-${item}`}
                  value={n}
                  checked={value === n}
                  aria-label={`${s.rateFilm(title)}: ${s.stars(n)}`}
                  onChange={() => onRate(item, n)}
                />
                <span aria-hidden="true">{n === 0 ? '–' : '★'}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </div>
  );
});
