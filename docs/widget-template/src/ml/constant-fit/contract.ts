/** What the constant-fit trainer and its widget agree on, without tfjs. */
import { runParams, type ParamSpec } from '../../state/params.ts';
import { defineContract, type ContractParams } from '../shared/contract.ts';

export interface ConstantFitInfo {
  y: Float32Array;
  /** The closed-form answer ȳ and its loss. */
  best: number;
  minLoss: number;
}

export const CONSTANT_FIT_PARAMS = [
  {
    key: 'lr',
    kind: 'float',
    min: 1e-3,
    max: 2,
    default: 0.1,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  { key: 'noise', kind: 'float', min: 0, max: 3, default: 1, step: 0.1, label: { zh: '噪声 σ', en: 'Noise σ' } },
  { key: 'n', kind: 'int', min: 2, max: 200, default: 30, step: 1, label: { zh: '数据点数 n', en: 'Points n' } },
  ...runParams({ steps: 100, speed: 1 }),
] as const satisfies readonly ParamSpec[];

export const CONSTANT_FIT = defineContract<ConstantFitInfo>()({
  id: 'constant-fit',
  params: CONSTANT_FIT_PARAMS,
  // After the loss: c after the step's update.
  trace: ['c'],
});

export type ConstantFitParams = ContractParams<typeof CONSTANT_FIT>;
