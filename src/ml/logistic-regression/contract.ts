import type { Points2D } from '../shared/classification-data';
import { defineContract, type ContractParams } from '../shared/contract.ts';
import { runParams, type ParamSpec } from '../../state/params.ts';

export const LOGISTIC_REGRESSION_PARAMS = [
  {
    key: 'preset',
    kind: 'choice',
    default: 'separable',
    options: [
      { value: 'separable', label: { zh: '两团，可分', en: 'Two clusters, separable' } },
      { value: 'overlapping', label: { zh: '两团，重叠', en: 'Two clusters, overlapping' } },
      { value: 'xor', label: { zh: '异或（XOR）', en: 'XOR' } },
    ],
    label: { zh: '数据', en: 'Data' },
  },
  {
    key: 'lr',
    kind: 'float',
    min: 1e-3,
    max: 10,
    default: 0.5,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  { key: 'n', kind: 'int', min: 5, max: 100, default: 40, step: 1, label: { zh: '每类点数', en: 'Points per class' } },
  ...runParams({ steps: 500, speed: 2 }),
] as const satisfies readonly ParamSpec[];

export interface LogisticInfo {
  points: Points2D;
  /** True when the points are the learner's own rather than a preset's. */
  custom: boolean;
}

export const LOGISTIC_REGRESSION = defineContract<LogisticInfo>()({
  id: 'logistic-regression',
  params: LOGISTIC_REGRESSION_PARAMS,
  trace: ['w1', 'w2', 'b', 'accuracy'],
});

export type LogisticRegressionParams = ContractParams<typeof LOGISTIC_REGRESSION>;
