/**
 * Every number lesson 14 (content/14-recommender/{en,zh}.md) quotes, recomputed from the widget's own
 * trainer and its page-side math (the lists, the fold-in) with the settings the text states: the defaults
 * (k = 2, λ = 1, Adam 0.05, full batch), seed 1, 300 steps unless it says otherwise. Runs on cpu, or on wasm
 * with FIGURES_BACKEND=wasm; the text quotes figures at a precision both give. Nothing is parsed from the
 * Markdown: each expectation is the value written in the text.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECOMMENDER_PARAMS, type RecommenderInfo, type RecommenderParams } from '../../../src/ml/recommender/contract';
import { generateRatings, USER_COUNT } from '../../../src/ml/recommender/data';
import type { Factors } from '../../../src/ml/recommender/math';
import { ITEM_COUNT, ITEMS_PER_GENRE, itemGenre, itemTitle } from '../../../src/ml/recommender/titles';
import { createRecommender } from '../../../src/ml/recommender/trainer';
import { defaults } from '../../../src/state/params';
import { currentFactors, tableFacts, TOP_N, userList, yourList } from '../../../src/widgets/matrix-factorization/recommendations';
import { setFiguresBackend } from './train';

const DEFAULTS = defaults(RECOMMENDER_PARAMS);
const fixed = (value: number, digits: number) => (value + 0).toFixed(digits);

interface Run {
  /** Per step (index s − 1), measured before that step's update. */
  loss: number[];
  train: number[];
  test: number[];
  info: RecommenderInfo;
  factors: Factors;
}

function run(overrides: Partial<RecommenderParams> = {}, steps = 300, seed = 1): Run {
  const model = createRecommender({ ...DEFAULTS, ...overrides }, seed);
  const loss: number[] = [];
  const train: number[] = [];
  const test: number[] = [];
  try {
    for (let s = 0; s < steps; s++) {
      const [l, tr, te] = tf.tidy(() => Array.from(model.step().dataSync()));
      loss.push(l);
      train.push(tr);
      test.push(te);
    }
    const info = model.info as RecommenderInfo;
    const state = tf.tidy(() => Float32Array.from(model.state!().dataSync()));
    return { loss, train, test, info, factors: currentFactors(info, state)! };
  } finally {
    model.dispose();
  }
}

const cos = (a: ArrayLike<number>, b: ArrayLike<number>) => (a[0] * b[0] + a[1] * b[1]) / Math.hypot(a[0], a[1]) / Math.hypot(b[0], b[1]);

beforeAll(setFiguresBackend);

describe('lesson 14: the table', () => {
  const table = generateRatings(1, { noise: DEFAULTS.noise });

  it('200 users × 100 films, 9,251 ratings (46 %), 1,853 held out, 7,398 for training', () => {
    expect([USER_COUNT, ITEM_COUNT]).toEqual([200, 100]);
    expect(table.rating.length).toBe(9251);
    expect(fixed((table.rating.length / 20000) * 100, 0)).toBe('46');
    const held = table.heldOut.reduce((a, b) => a + b, 0);
    expect(held).toBe(1853);
    expect(table.rating.length - held).toBe(7398);
  });

  it('k = 2 has 900 parameters for 20,000 cells', () => {
    expect(USER_COUNT * 3 + ITEM_COUNT * 3).toBe(900);
    expect(USER_COUNT * ITEM_COUNT).toBe(20000);
  });
});

describe('lesson 14: the default run', () => {
  let r: Run;
  beforeAll(() => {
    r = run();
  }, 120_000);

  it('μ ≈ 3.43; global mean 1.16, biases only 1.05, noise level 0.53', () => {
    expect(fixed(r.info.mu, 2)).toBe('3.43');
    expect(fixed(r.info.globalMean, 2)).toBe('1.16');
    expect(fixed(r.info.biasOnly, 2)).toBe('1.05');
    expect(fixed(r.info.noiseLevel, 2)).toBe('0.53');
  });

  it('below the bias-only baseline at step 7, within 10 % of the noise level by step 46, 0.57 (training 0.51) at step 300', () => {
    expect(r.test.findIndex((v) => v < r.info.biasOnly) + 1).toBe(7);
    expect(r.test.findIndex((v) => v < 1.1 * r.info.noiseLevel) + 1).toBe(46);
    expect(fixed(r.test[299], 2)).toBe('0.57');
    expect(fixed(r.train[299], 2)).toBe('0.51');
  });

  it('the map: sci-fi and romance at the ends of one line, animation and mystery of another; 199 of 200 users on their favourite side', () => {
    const f = r.factors;
    const centre = (g: number) => {
      const m = [0, 0];
      for (let i = g * ITEMS_PER_GENRE; i < (g + 1) * ITEMS_PER_GENRE; i++) for (let c = 0; c < 2; c++) m[c] += f.q[2 * i + c];
      return m;
    };
    const [scifi, romance, animation, mystery] = [0, 1, 2, 3].map(centre);
    expect(cos(scifi, romance)).toBeLessThan(-0.95);
    expect(cos(animation, mystery)).toBeLessThan(-0.95);
    expect(Math.abs(cos(scifi, animation))).toBeLessThan(0.2);
    const centres = [scifi, romance, animation, mystery];
    let onSide = 0;
    for (let u = 0; u < USER_COUNT; u++) if (cos([f.p[2 * u], f.p[2 * u + 1]], centres[r.info.favourite[u]]) > 0) onSide++;
    expect(onSide).toBe(199);
  });

  it('the filled-in table: each group of users predicts its favourite genre highest and the other end of its axis lowest', () => {
    const f = r.factors;
    const opposite = [1, 0, 3, 2];
    const sum = Array.from({ length: 4 }, () => new Float64Array(4));
    const count = Array.from({ length: 4 }, () => new Float64Array(4));
    for (let u = 0; u < USER_COUNT; u++)
      for (let i = 0; i < ITEM_COUNT; i++) {
        const g = r.info.favourite[u];
        const h = Math.floor(i / ITEMS_PER_GENRE);
        sum[g][h] += f.mu + f.bu[u] + f.bi[i] + f.p[2 * u] * f.q[2 * i] + f.p[2 * u + 1] * f.q[2 * i + 1];
        count[g][h]++;
      }
    for (let g = 0; g < 4; g++) {
      const means = Array.from(sum[g], (v, h) => v / count[g][h]);
      expect(means.indexOf(Math.max(...means))).toBe(g);
      expect(means.indexOf(Math.min(...means))).toBe(opposite[g]);
    }
  });

  it('popular films in the top 8 of all 200 users: 189 by dot product, 75 by cosine; b_i correlates about 0.6 with the count', () => {
    const facts = tableFacts(r.info);
    let dot = 0;
    let cosine = 0;
    for (let u = 0; u < USER_COUNT; u++) {
      dot += userList(r.factors, facts, u, 'dot').filter((x) => facts.popular.has(x.item)).length;
      cosine += userList(r.factors, facts, u, 'cosine').filter((x) => facts.popular.has(x.item)).length;
    }
    expect(TOP_N).toBe(8);
    expect(facts.popular.size).toBe(10);
    expect([dot, cosine]).toEqual([189, 75]);
    const counts = Array.from(facts.counts);
    const bi = Array.from(r.factors.bi);
    const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
    const [mc, mb] = [mean(counts), mean(bi)];
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    counts.forEach((c, i) => {
      sxy += (c - mc) * (bi[i] - mb);
      sxx += (c - mc) ** 2;
      syy += (bi[i] - mb) ** 2;
    });
    expect(fixed(sxy / Math.sqrt(sxx * syy), 1)).toBe('0.6');
  });

  it('cold start: 5 stars to The Time Rift and Galactic Frontier, 1 to Summer Sweethearts: all 8 sci-fi, on the sci-fi side; taste length 0.33 with one rating, 1.37 with three', () => {
    const facts = tableFacts(r.info);
    const byTitle = (title: string) => Array.from({ length: ITEM_COUNT }, (_, i) => i).find((i) => itemTitle(i, 'en') === title)!;
    const [rift, frontier, summer] = ['The Time Rift', 'Galactic Frontier', 'Summer Sweethearts'].map(byTitle);
    expect([rift, frontier, summer].map((i) => itemTitle(i, 'zh'))).toEqual(['时间裂缝', '银河边境', '夏日恋人']);
    // All three are among the films the widget offers to rate.
    for (const i of [rift, frontier, summer]) expect(facts.offered).toContain(i);
    const three = yourList(
      r.factors,
      facts,
      [
        { item: rift, stars: 5 },
        { item: frontier, stars: 5 },
        { item: summer, stars: 1 },
      ],
      DEFAULTS.lambda,
      'dot',
    );
    expect(three.list.map((x) => itemGenre(x.item))).toEqual(Array(8).fill('scifi'));
    const scifi = [0, 0];
    for (let i = 0; i < ITEMS_PER_GENRE; i++) for (let c = 0; c < 2; c++) scifi[c] += r.factors.q[2 * i + c];
    expect(cos(three.you!.p, scifi)).toBeGreaterThan(0.9);
    expect(fixed(Math.hypot(...three.you!.p), 2)).toBe('1.37');
    const one = yourList(r.factors, facts, [{ item: rift, stars: 5 }], DEFAULTS.lambda, 'dot');
    expect(fixed(Math.hypot(...one.you!.p), 2)).toBe('0.33');
    // With no rating, the most popular films.
    const none = yourList(r.factors, facts, [], DEFAULTS.lambda, 'dot');
    expect(none.you).toBeNull();
    expect(none.list.map((x) => x.item)).toEqual([...facts.popular].slice(0, 8));
  });
});

describe('lesson 14: other settings, 300 steps', () => {
  it('k = 1: held-out 0.83', () => {
    expect(fixed(run({ k: 1 }).test[299], 2)).toBe('0.83');
  }, 60_000);

  it('k = 4: training 0.47, held-out 0.59', () => {
    const r = run({ k: 4 });
    expect(fixed(r.train[299], 2)).toBe('0.47');
    expect(fixed(r.test[299], 2)).toBe('0.59');
  }, 60_000);

  it('λ = 20: held-out 0.79', () => {
    expect(fixed(run({ lambda: 20 }).test[299], 2)).toBe('0.79');
  }, 60_000);

  it('mini-batch: about 0.61; plain gradient descent at rate 2: about 0.67, still falling', () => {
    expect(fixed(run({ batch: 'mini' }).test[299], 2)).toBe('0.61');
    const gd = run({ optimizer: 'gd', lr: 2 });
    expect(fixed(gd.test[299], 2)).toBe('0.67');
    expect(gd.test[299]).toBeLessThan(gd.test[289]);
  }, 120_000);

  it('ALS: within 10 % of the noise level by step 4, held-out 0.57 there and still at step 300', () => {
    const als = run({ optimizer: 'als' });
    expect(als.test.findIndex((v) => v < 1.1 * als.info.noiseLevel) + 1).toBe(4);
    expect(fixed(als.test[3], 2)).toBe('0.57');
    expect(fixed(als.test[299], 2)).toBe('0.57');
    // The loss never rises.
    const losses = als.loss;
    for (let s = 1; s < losses.length; s++) expect(losses[s]).toBeLessThanOrEqual(losses[s - 1] + 1e-6);
  }, 120_000);

  it('seeds 2 to 6: held-out RMSE 1.07 to 1.10 times the noise level', () => {
    const ratios = [2, 3, 4, 5, 6].map((seed) => {
      const r = run({}, 300, seed);
      return r.test[299] / r.info.noiseLevel;
    });
    expect(fixed(Math.min(...ratios), 2)).toBe('1.07');
    expect(fixed(Math.max(...ratios), 2)).toBe('1.10');
  }, 300_000);
});
