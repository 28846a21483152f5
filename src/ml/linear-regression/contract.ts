import { defineContract, type ContractParams } from '../shared/contract.ts';
import type { LinearRegressionInfo } from './math';
import { runParams, type ParamSpec } from '../../state/params.ts';

export const LINEAR_REGRESSION_PARAMS = [
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
  ...runParams({ steps: 300, speed: 2 }),
] as const satisfies readonly ParamSpec[];

export const LINEAR_REGRESSION = defineContract<LinearRegressionInfo>()({
  id: 'linear-regression',
  params: LINEAR_REGRESSION_PARAMS,
  trace: ['b0', 'b1'],
});

export type LinearRegressionParams = ContractParams<typeof LINEAR_REGRESSION>;
