import { defineContract, traceIndex, type ContractParams } from '../shared/contract.ts';
import type { OverfittingInfo } from './math';
import { runParams, type ParamSpec } from '../../state/params.ts';

/**
 * A polynomial ŷ = b + Σₖ wₖ xᵏ (k = 1 … degree, x in [−1, 1]) fitted by Adam to a dozen noisy points of
 * y = sin(πx) (one in each twelfth of [−1, 1]); a separate validation set (40 points spread the same way,
 * same curve and noise, or with `unluckyValidation` 8 points in the middle only) is never trained on.
 * Training loss = MSE on the training points + the penalty on w₁ … w_d (L1: λΣ|wₖ|, L2: λΣwₖ²; the bias b
 * is not penalized). Validation loss = plain MSE on the validation points (no penalty). New-data loss = the
 * expected MSE on fresh points from the same source (expected-error.ts), which only a widget that knows the
 * true curve can show.
 */
export const OVERFITTING_PARAMS = [
  { key: 'degree', kind: 'int', min: 1, max: 15, default: 12, step: 1, label: { zh: '多项式次数 d', en: 'Polynomial degree d' } },
  {
    key: 'penalty',
    kind: 'choice',
    default: 'none',
    live: true,
    options: [
      { value: 'none', label: { zh: '无', en: 'None' } },
      { value: 'l1', label: { zh: 'L1：λΣ|wₖ|', en: 'L1: λΣ|wₖ|' } },
      { value: 'l2', label: { zh: 'L2：λΣwₖ²', en: 'L2: λΣwₖ²' } },
    ],
    label: { zh: '正则化（不惩罚偏置 b）', en: 'Penalty (bias b not penalized)' },
  },
  {
    key: 'lambda',
    kind: 'float',
    min: 1e-5,
    max: 1,
    default: 0.001,
    scale: 'log',
    live: true,
    label: { zh: '正则化强度 λ', en: 'Penalty strength λ' },
  },
  {
    key: 'lr',
    kind: 'float',
    min: 1e-4,
    max: 10,
    default: 0.05,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η（Adam）', en: 'Learning rate η (Adam)' },
  },
  { key: 'n', kind: 'int', min: 5, max: 40, default: 12, step: 1, label: { zh: '训练点数 n', en: 'Training points n' } },
  { key: 'noise', kind: 'float', min: 0, max: 1, default: 0.2, step: 0.05, label: { zh: '噪声 σ', en: 'Noise σ' } },
  {
    key: 'unluckyValidation',
    kind: 'switch',
    default: false,
    label: { zh: '换成小而不走运的验证集（8 个点，都在中段）', en: 'Small, unlucky validation set (8 points, all in the middle)' },
  },
  ...runParams({ steps: 3000, speed: 10, maxSpeed: 200 }),
] as const satisfies readonly ParamSpec[];

export const OVERFITTING = defineContract<OverfittingInfo>()({
  id: 'overfitting',
  params: OVERFITTING_PARAMS,
  // After the loss (the training MSE plus the penalty), measured before the step's update: the training MSE,
  // the validation MSE, the expected MSE on new data, then θ = [b, w₁, …, w_d].
  trace: ['trainMse', 'validationMse', 'newDataMse', 'b'],
});

export const TRACE_TRAIN = traceIndex(OVERFITTING, 'trainMse');
export const TRACE_VALIDATION = traceIndex(OVERFITTING, 'validationMse');
export const TRACE_NEW_DATA = traceIndex(OVERFITTING, 'newDataMse');
export const TRACE_THETA = traceIndex(OVERFITTING, 'b');

export type OverfittingParams = ContractParams<typeof OVERFITTING>;
