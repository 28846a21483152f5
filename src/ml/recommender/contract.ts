/** What the matrix-factorization trainer and its widget agree on, without tfjs. */
import { runParams, type ParamSpec } from '../../state/params.ts';
import { defineContract, traceIndex, type ContractParams } from '../shared/contract.ts';
import type { Baselines } from './math.ts';
import { USER_COUNT } from './data.ts';
import { ITEM_COUNT } from './titles.ts';

export interface RecommenderInfo extends Baselines {
  users: number;
  items: number;
  k: number;
  /** The rated cells (see RatingsTable). */
  user: Int32Array;
  item: Int32Array;
  rating: Float32Array;
  heldOut: Uint8Array;
  /** Each user's planted favourite genre. */
  favourite: Int32Array;
  trainCount: number;
  heldOutCount: number;
}

/** The learner's own ratings travel in the link as film × 10 + stars, the film counted from 1 (e.g. 125: film 12, 5 stars). */
export const OWN_RATINGS_MAX = 30;
export const encodeRating = (item: number, stars: number) => (item + 1) * 10 + stars;
export const decodeRating = (code: number) => ({ item: Math.floor(code / 10) - 1, stars: code % 10 });

export const RECOMMENDER_PARAMS = [
  { key: 'k', kind: 'int', min: 1, max: 8, default: 2, step: 1, label: { zh: '嵌入维数 k', en: 'Embedding size k' } },
  {
    key: 'lambda',
    kind: 'float',
    min: 0.01,
    max: 100,
    default: 1,
    scale: 'log',
    live: true,
    label: { zh: '正则化强度 λ', en: 'Penalty strength λ' },
  },
  {
    key: 'optimizer',
    kind: 'choice',
    default: 'adam',
    options: [
      { value: 'adam', label: { zh: 'Adam', en: 'Adam' } },
      { value: 'gd', label: { zh: '梯度下降', en: 'Gradient descent' } },
      { value: 'als', label: { zh: '交替最小二乘（ALS）', en: 'Alternating least squares (ALS)' } },
    ],
    label: { zh: '优化器', en: 'Optimizer' },
  },
  {
    key: 'lr',
    kind: 'float',
    min: 1e-3,
    max: 10,
    default: 0.05,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  {
    key: 'batch',
    kind: 'choice',
    default: 'full',
    live: true,
    options: [
      { value: 'full', label: { zh: '全部训练评分', en: 'All training ratings' } },
      { value: 'mini', label: { zh: '小批量（每步 128 条）', en: 'Mini-batch (128 a step)' } },
    ],
    label: { zh: '每步用的评分', en: 'Ratings per step' },
  },
  { key: 'noise', kind: 'float', min: 0, max: 1, default: 0.5, step: 0.05, label: { zh: '评分噪声 σ', en: 'Rating noise σ' } },
  {
    key: 'user',
    kind: 'int',
    min: 1,
    max: USER_COUNT,
    default: 1,
    step: 1,
    live: true,
    hidden: true,
    label: { zh: '查看的用户', en: 'User shown' },
  },
  {
    key: 'similarity',
    kind: 'choice',
    default: 'dot',
    live: true,
    hidden: true,
    options: [
      { value: 'dot', label: { zh: '点积（预测评分）', en: 'Dot product (predicted rating)' } },
      { value: 'cosine', label: { zh: '余弦相似度', en: 'Cosine similarity' } },
    ],
    label: { zh: '排序依据', en: 'Rank by' },
  },
  {
    key: 'mine',
    kind: 'int-list',
    min: 11,
    max: ITEM_COUNT * 10 + 5,
    maxLength: OWN_RATINGS_MAX,
    default: [],
    live: true,
    hidden: true,
    label: { zh: '我的评分', en: 'My ratings' },
  },
  ...runParams({ steps: 2000, speed: 10, maxSteps: 20000, maxSpeed: 100 }),
] as const satisfies readonly ParamSpec[];

export const RECOMMENDER = defineContract<RecommenderInfo>()({
  id: 'matrix-factorization',
  params: RECOMMENDER_PARAMS,
  // After the loss (the regularized objective), measured before the step's update: RMSE on the training
  // ratings and on the held-out ones.
  trace: ['trainRmse', 'testRmse'],
});

export const TRACE_TRAIN_RMSE = traceIndex(RECOMMENDER, 'trainRmse');
export const TRACE_TEST_RMSE = traceIndex(RECOMMENDER, 'testRmse');

export type RecommenderParams = ContractParams<typeof RECOMMENDER>;
