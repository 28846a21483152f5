import type { Points2D } from '../shared/classification-data';
import { defineContract } from '../shared/contract';
import type { ParamSpec } from '../../state/params.ts';

export const LOGISTIC_REGRESSION_PARAMS: readonly ParamSpec[] = [
  {
    key: 'preset',
    kind: 'int',
    min: 0,
    max: 2,
    default: 0,
    control: 'select',
    options: [
      { zh: '两团，可分', en: 'Two clusters, separable' },
      { zh: '两团，重叠', en: 'Two clusters, overlapping' },
      { zh: '异或（XOR）', en: 'XOR' },
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
  { key: 'steps', kind: 'int', min: 10, max: 5000, default: 500, step: 10, live: true, label: { zh: '训练步数上限', en: 'Step budget' } },
  { key: 'speed', kind: 'int', min: 1, max: 100, default: 2, step: 1, live: true, label: { zh: '每帧步数', en: 'Steps per frame' } },
  { key: 'seed', kind: 'int', min: 0, max: 2147483647, default: 1, hidden: true, label: { zh: '随机种子', en: 'Seed' } },
];

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
