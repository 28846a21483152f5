import { useCallback, useMemo, useRef } from 'react';
import { formatNumber } from '../../controls/format';
import { ParamControl } from '../../controls/ParamControl';
import { RECOMMENDER, type RecommenderInfo, type RecommenderParams } from '../../ml/recommender/contract';
import type { Factors, OwnRating, Recommendation } from '../../ml/recommender/math';
import type { Lang, Params } from '../../state/params';
import { FilmList } from './FilmList';
import { RateFilms } from './RateFilms';
import { POPULAR_COUNT, TOP_N, withRating, type TableFacts } from './recommendations';
import type { RecommenderStrings } from './strings';

const spec = (key: string) => RECOMMENDER.params.find((p) => p.key === key)!;
const USER_SPEC = spec('user');
const SIMILARITY_SPEC = spec('similarity');

/** One user of the table, picked by a slider, and their top films (dot product or cosine). */
export function UserPanel({
  values,
  info,
  facts,
  factors,
  user,
  shown,
  lang,
  onChange,
  s,
}: {
  values: RecommenderParams;
  info: RecommenderInfo | null;
  facts: TableFacts | null;
  factors: Factors | null;
  user: number;
  shown: Recommendation[];
  lang: Lang;
  onChange: (changes: Params) => void;
  s: RecommenderStrings;
}) {
  return (
    <section className="panel" aria-label={s.forUser}>
      <h4 className="mf-heading">{s.forUser}</h4>
      <ParamControl spec={USER_SPEC} value={values.user} lang={lang} onChange={(v) => onChange({ user: v })} />
      <ParamControl spec={SIMILARITY_SPEC} value={values.similarity} lang={lang} onChange={(v) => onChange({ similarity: v })} />
      {info && facts && (
        <p className="widget-hint">
          {s.userFacts(user + 1, s.genreNames[info.favourite[user]], facts.trained[user].size + facts.heldOut[user].size)}
        </p>
      )}
      {factors && facts ? (
        <FilmList list={shown} popular={facts.popular} heldOut={facts.heldOut[user]} lang={lang} label={s.rank(TOP_N)} s={s} />
      ) : (
        <p className="widget-hint">{s.noModel}</p>
      )}
      <p className="widget-hint">{s.popularNote(POPULAR_COUNT)}</p>
    </section>
  );
}

/** The learner as a new user: star ratings, and the list folded in from them (the popular films before any). */
export function YouPanel({
  facts,
  items,
  codes,
  mine,
  yours,
  modelReady,
  lang,
  onChange,
  s,
}: {
  facts: TableFacts | null;
  items: number;
  /** The ratings as the link has them. */
  codes: readonly number[];
  mine: readonly OwnRating[];
  yours: { list: Recommendation[]; you: { b: number } | null };
  modelReady: boolean;
  lang: Lang;
  onChange: (changes: Params) => void;
  s: RecommenderStrings;
}) {
  const ratings = useMemo(() => new Map(mine.map((r) => [r.item, r.stars])), [mine]);
  // One lasting handler that reads the latest ratings, so the memoized stars do not re-render every frame.
  const latest = useRef({ codes, items, onChange });
  latest.current = { codes, items, onChange };
  const onRate = useCallback((item: number, stars: number) => {
    const { codes, items, onChange } = latest.current;
    onChange({ mine: withRating(codes, items, item, stars) });
  }, []);
  const folded = modelReady && mine.length > 0;
  return (
    <section className="panel mf-you" aria-label={s.newUser}>
      <h4 className="mf-heading">{s.newUser}</h4>
      <p className="widget-hint">{s.rateHint}</p>
      {facts && <RateFilms films={facts.offered} ratings={ratings} onRate={onRate} lang={lang} s={s} />}
      <button type="button" className="button" data-action="clear-mine" disabled={mine.length === 0} onClick={() => onChange({ mine: [] })}>
        {s.clear}
      </button>
      <p className="mf-your-heading" data-your-list={folded ? 'fold-in' : 'popular'}>
        {s.yourList(folded ? mine.length : 0)}
        {yours.you && ` · ${s.youFacts(formatNumber(yours.you.b, 3))}`}
      </p>
      {facts && <FilmList list={yours.list} popular={facts.popular} lang={lang} label={s.yourList(folded ? mine.length : 0)} s={s} />}
    </section>
  );
}
