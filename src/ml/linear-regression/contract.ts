import { defineContract } from '../shared/contract';
import type { LinearRegressionInfo } from './math';
import type { ParamSpec } from '../../state/params.ts';

export const LINEAR_REGRESSION_PARAMS: readonly ParamSpec[] = [
  {
    key: 'lr',
    kind: 'float',
    min: 1e-4,
    max: 1,
    default: 0.05,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  { key: 'noise', kind: 'float', min: 0, max: 3, default: 0.5, step: 0.1, label: { zh: '噪声 σ', en: 'Noise σ' } },
  { key: 'n', kind: 'int', min: 5, max: 200, default: 40, step: 1, label: { zh: '数据点数 n', en: 'Points n' } },
  { key: 'steps', kind: 'int', min: 10, max: 5000, default: 300, step: 10, live: true, label: { zh: '训练步数上限', en: 'Step budget' } },
  { key: 'speed', kind: 'int', min: 1, max: 100, default: 2, step: 1, live: true, label: { zh: '每帧步数', en: 'Steps per frame' } },
  { key: 'seed', kind: 'int', min: 0, max: 2147483647, default: 1, hidden: true, label: { zh: '随机种子', en: 'Seed' } },
];

export const LINEAR_REGRESSION = defineContract<LinearRegressionInfo>()({
  id: 'linear-regression',
  params: LINEAR_REGRESSION_PARAMS,
  trace: ['b0', 'b1'],
});
