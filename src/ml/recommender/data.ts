/**
 * A seeded synthetic ratings table (no MovieLens: its licence forbids redistribution). Every user has a
 * planted taste for each of the four genres and every film a planted genre, so a rating is
 *
 *   r = clip(round(μ* + b*ᵤ + b*ᵢ + p*ᵤ·q*ᵢ + ε), 1, 5),   ε ~ N(0, σ²),
 *
 * a rank-2 table plus noise, rounded to whole stars. Which cells are rated is skewed as real tables are:
 * users differ in how much they rate (log-normal), films in how often they are watched (a Zipf-like
 * popularity, and popular films are a little better liked). A fifth of each user's ratings is held out.
 */
import { createRng, gaussian, shuffleInPlace, type Rng } from '../shared/random.ts';
import { GENRES, ITEM_COUNT, ITEMS_PER_GENRE } from './titles.ts';

export const USER_COUNT = 200;
/** Two taste axes: sci-fi (+x) ↔ romance (−x), animation (+y) ↔ mystery (−y). */
export const PLANTED_RANK = 2;
export const GENRE_AXES: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
];
/**
 * Sets how many cells are rated (about 46 %: the most popular films' chances are capped at 95 %). Real tables
 * are far sparser (MovieLens 100K: 6 %); this one is small, and each user needs enough ratings for the
 * three numbers they are described by.
 */
export const TARGET_DENSITY = 0.7;
/** The share of each user's ratings held out (users with fewer than MIN_TO_HOLD_OUT ratings keep them all). */
export const HELD_OUT_SHARE = 0.2;
const MIN_PER_USER = 5;
const MIN_TO_HOLD_OUT = 5;
const PLANTED_MEAN = 3.4;
const USER_BIAS_SD = 0.4;
const ITEM_BIAS_SD = 0.35;
/** How strongly a user's favourite genre stands out from the others in p*ᵤ. */
const FAVOURITE = 1.2;
const TASTE_SD = 0.4;
const FILM_SD = 0.15;

export interface RatingsTable {
  users: number;
  items: number;
  /** The rated cells: user, item, stars, and whether the rating is held out (never trained on). */
  user: Int32Array;
  item: Int32Array;
  rating: Float32Array;
  heldOut: Uint8Array;
  /** What the ratings were generated from, which only this widget can show. */
  planted: {
    /** E[r | planted tastes] for every cell, users × items (the best any model could predict). */
    expected: Float32Array;
    /** Each user's favourite genre (index into GENRES). */
    favourite: Int32Array;
    noise: number;
  };
}

export interface GenerateOptions {
  noise: number;
  /** Whole stars in 1–5 (the widget); without, the raw planted value plus noise (the recovery test). */
  stars?: boolean;
  /** Rate this share of cells instead of TARGET_DENSITY (1: every cell). */
  density?: number;
}

const erf = (x: number) => {
  // Abramowitz & Stegun 7.1.26, |error| < 1.5·10⁻⁷.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
};
const normalCdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));

/** E[clip(round(x + ε), 1, 5)] for ε ~ N(0, σ²): the expected number of stars given the planted value x. */
export function expectedStars(x: number, noise: number): number {
  if (noise === 0) return Math.min(5, Math.max(1, Math.round(x)));
  // P(stars ≤ s) = P(x + ε < s + ½) for s = 1 … 4.
  let mean = 5;
  for (let s = 1; s <= 4; s++) mean -= normalCdf((s + 0.5 - x) / noise);
  return mean;
}

function popularityWeights(rng: Rng, items: number): Float64Array {
  const rank = shuffleInPlace(
    Array.from({ length: items }, (_, i) => i),
    rng,
  );
  const w = new Float64Array(items);
  for (let i = 0; i < items; i++) w[i] = 1 / (rank[i] + 4);
  return w;
}

export function generateRatings(seed: number, options: GenerateOptions): RatingsTable {
  const rng = createRng(seed);
  const users = USER_COUNT;
  const items = ITEM_COUNT;
  const k = PLANTED_RANK;
  const stars = options.stars ?? true;
  const noise = options.noise;

  // Planted tastes: two axes, sci-fi ↔ romance and animation ↔ mystery. A user leans towards a favourite
  // genre, and so away from the genre at the other end of its axis.
  const favourite = new Int32Array(users);
  const p = new Float64Array(users * k);
  const bu = new Float64Array(users);
  for (let u = 0; u < users; u++) {
    const f = Math.floor(rng() * GENRES.length);
    favourite[u] = f;
    for (let c = 0; c < k; c++) p[u * k + c] = FAVOURITE * GENRE_AXES[f][c] + TASTE_SD * gaussian(rng);
    bu[u] = USER_BIAS_SD * gaussian(rng);
  }
  // A film sits near its genre's end of an axis (strength 0.7–1.3), some leaning a little off it.
  const q = new Float64Array(items * k);
  const popularity = popularityWeights(rng, items);
  const bi = new Float64Array(items);
  let meanPopularity = 0;
  for (let i = 0; i < items; i++) meanPopularity += Math.log(popularity[i]) / items;
  for (let i = 0; i < items; i++) {
    const genre = Math.floor(i / ITEMS_PER_GENRE);
    const strength = 0.7 + 0.6 * rng();
    for (let c = 0; c < k; c++) q[i * k + c] = strength * GENRE_AXES[genre][c] + FILM_SD * gaussian(rng);
    // Popular films are a little better liked.
    bi[i] = ITEM_BIAS_SD * gaussian(rng) + 0.25 * (Math.log(popularity[i]) - meanPopularity);
  }

  // Who rates what: activity × popularity, scaled to the target density.
  const activity = new Float64Array(users);
  for (let u = 0; u < users; u++) activity[u] = Math.exp(0.6 * gaussian(rng));
  const density = options.density ?? TARGET_DENSITY;
  let total = 0;
  for (let u = 0; u < users; u++) for (let i = 0; i < items; i++) total += activity[u] * popularity[i];
  const scale = (density * users * items) / total;

  const cells: { u: number; i: number; r: number }[] = [];
  const expected = new Float32Array(users * items);
  for (let u = 0; u < users; u++) {
    const rated: number[] = [];
    for (let i = 0; i < items; i++) if (density >= 1 || rng() < Math.min(0.95, scale * activity[u] * popularity[i])) rated.push(i);
    // Everyone has rated a few films.
    while (rated.length < Math.min(MIN_PER_USER, items)) {
      const i = Math.floor(rng() * items);
      if (!rated.includes(i)) rated.push(i);
    }
    rated.sort((a, b) => a - b);
    for (let i = 0; i < items; i++) {
      let x = PLANTED_MEAN + bu[u] + bi[i];
      for (let g = 0; g < k; g++) x += p[u * k + g] * q[i * k + g];
      expected[u * items + i] = stars ? expectedStars(x, noise) : x;
      if (rated.includes(i)) {
        const raw = x + noise * gaussian(rng);
        cells.push({ u, i, r: stars ? Math.min(5, Math.max(1, Math.round(raw))) : raw });
      }
    }
  }

  // Hold out a fifth of each user's ratings.
  const heldOut = new Uint8Array(cells.length);
  let start = 0;
  for (let u = 0; u < users; u++) {
    let end = start;
    while (end < cells.length && cells[end].u === u) end++;
    const n = end - start;
    if (n >= MIN_TO_HOLD_OUT) {
      const order = shuffleInPlace(
        Array.from({ length: n }, (_, j) => start + j),
        rng,
      );
      for (let j = 0; j < Math.round(HELD_OUT_SHARE * n); j++) heldOut[order[j]] = 1;
    }
    start = end;
  }

  return {
    users,
    items,
    user: Int32Array.from(cells, (c) => c.u),
    item: Int32Array.from(cells, (c) => c.i),
    rating: Float32Array.from(cells, (c) => c.r),
    heldOut,
    planted: { expected, favourite, noise },
  };
}
