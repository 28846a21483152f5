/**
 * What the widget reads off the run's info and state, tfjs-free: who rated what, the popular films, the films
 * offered to a new user, and the two lists (the user shown, and you).
 */
import {
  factorsFromState,
  foldIn,
  mostPopular,
  recommend,
  stateSize,
  type Factors,
  type OwnRating,
  type Recommendation,
  type Similarity,
} from '../../ml/recommender/math';
import { decodeRating, encodeRating, type RecommenderInfo } from '../../ml/recommender/contract';
import { GENRES, ITEMS_PER_GENRE } from '../../ml/recommender/titles';

export const TOP_N = 8;
/** How many films count as popular (a tenth of them). */
export const POPULAR_COUNT = 10;
/** Films offered to a new user: the most rated of each genre. */
const OFFERED_PER_GENRE = 3;

export interface TableFacts {
  counts: Int32Array;
  popular: Set<number>;
  /** By user: the films rated in training, and the held-out ones with their stars. */
  trained: Set<number>[];
  heldOut: Map<number, number>[];
  offered: number[];
}

export function tableFacts(info: RecommenderInfo): TableFacts {
  const counts = new Int32Array(info.items);
  const trained = Array.from({ length: info.users }, () => new Set<number>());
  const heldOut = Array.from({ length: info.users }, () => new Map<number, number>());
  for (let j = 0; j < info.rating.length; j++) {
    const u = info.user[j];
    const i = info.item[j];
    if (info.heldOut[j]) heldOut[u].set(i, info.rating[j]);
    else {
      trained[u].add(i);
      counts[i]++;
    }
  }
  const offered: number[] = [];
  for (let g = 0; g < GENRES.length; g++) {
    const genre = counts.slice(g * ITEMS_PER_GENRE, (g + 1) * ITEMS_PER_GENRE);
    offered.push(...mostPopular(genre, OFFERED_PER_GENRE).map((i) => i + g * ITEMS_PER_GENRE));
  }
  return { counts, popular: new Set(mostPopular(counts, POPULAR_COUNT)), trained, heldOut, offered };
}

/** The model in the state, if the state is this run's (a new k or table sends a state of another size). */
export function currentFactors(info: RecommenderInfo | null, state: Float32Array | null): Factors | null {
  if (!info || !state || state.length !== stateSize(info.users, info.items, info.k)) return null;
  return factorsFromState(state, info.users, info.items, info.k, info.mu);
}

export function userList(f: Factors, facts: TableFacts, user: number, similarity: Similarity): Recommendation[] {
  const p = Array.from({ length: f.k }, (_, c) => f.p[user * f.k + c]);
  return recommend(f, { b: f.bu[user], p }, facts.trained[user], similarity, TOP_N);
}

/** The link's ratings, the last one for a film winning, films out of range dropped. */
export function ownRatings(codes: readonly number[], items: number): OwnRating[] {
  const byItem = new Map<number, number>();
  for (const code of codes) {
    const { item, stars } = decodeRating(code);
    if (item >= 0 && item < items && stars >= 1 && stars <= 5) byItem.set(item, stars);
  }
  return [...byItem].map(([item, stars]) => ({ item, stars }));
}

export function withRating(codes: readonly number[], items: number, item: number, stars: number): number[] {
  const kept = ownRatings(codes, items).filter((r) => r.item !== item);
  if (stars > 0) kept.push({ item, stars });
  return kept.map((r) => encodeRating(r.item, r.stars));
}

/**
 * Your list: folded in from your ratings with the films fixed; with no rating (or no model yet), the most
 * popular films you have not rated, with the prediction of the biases alone where there is a model.
 */
export function yourList(
  f: Factors | null,
  facts: TableFacts,
  ratings: readonly OwnRating[],
  lambda: number,
  similarity: Similarity,
): { list: Recommendation[]; you: { b: number; p: Float64Array } | null } {
  const rated = new Set(ratings.map((r) => r.item));
  if (f && ratings.length > 0) {
    const you = foldIn(f, ratings, lambda);
    return { list: recommend(f, you, rated, similarity, TOP_N), you };
  }
  const list = mostPopular(facts.counts, TOP_N + rated.size)
    .filter((i) => !rated.has(i))
    .slice(0, TOP_N)
    .map((item) => ({ item, predicted: f ? f.mu + f.bi[item] : NaN, score: facts.counts[item] }));
  return { list, you: null };
}
