import type { Points2D } from '../shared/classification-data';
import { defineContract, type ContractParams } from '../shared/contract.ts';
import { runParams, type ParamSpec } from '../../state/params.ts';

/**
 * `threshold` only changes how the evaluation points' scores are read (no retraining); `positives` (the
 * share of class 1, in percent) and `separation` (the distance between the two classes' centres, in
 * standard deviations) rebuild the data.
 */
export const METRICS_PARAMS = [
  {
    key: 'threshold',
    kind: 'float',
    min: 0.01,
    max: 0.99,
    default: 0.5,
    step: 0.01,
    live: true,
    label: { zh: '判定阈值', en: 'Decision threshold' },
  },
  { key: 'positives', kind: 'int', min: 1, max: 50, default: 50, step: 1, label: { zh: '正类占比（%）', en: 'Positive share (%)' } },
  {
    key: 'separation',
    kind: 'float',
    min: 0.5,
    max: 4,
    default: 2,
    step: 0.1,
    label: { zh: '两类间距（标准差）', en: 'Class separation (std. dev.)' },
  },
  {
    key: 'lr',
    kind: 'float',
    min: 1e-3,
    max: 100,
    default: 0.5,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  ...runParams({ steps: 300, speed: 2 }),
] as const satisfies readonly ParamSpec[];

export interface MetricsInfo {
  train: Points2D;
  evaluation: Points2D;
}

/** The trace after the loss: the weights, then the evaluation part's log-loss. */
export const METRICS_TRACE = ['w1', 'w2', 'b', 'evalLoss'] as const;

export const METRICS = defineContract<MetricsInfo>()({ id: 'metrics', params: METRICS_PARAMS, trace: METRICS_TRACE });

export type MetricsParams = ContractParams<typeof METRICS>;
