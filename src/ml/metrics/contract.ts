import type { Points2D } from '../shared/classification-data';
import { defineContract } from '../shared/contract';
import type { ParamSpec } from '../../state/params.ts';

/**
 * `threshold` only changes how the evaluation points' scores are read (no retraining); `positives` (the
 * share of class 1, in percent) and `separation` (the distance between the two classes' centres, in
 * standard deviations) rebuild the data.
 */
export const METRICS_PARAMS: readonly ParamSpec[] = [
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
  { key: 'steps', kind: 'int', min: 10, max: 5000, default: 300, step: 10, live: true, label: { zh: '训练步数上限', en: 'Step budget' } },
  { key: 'speed', kind: 'int', min: 1, max: 100, default: 2, step: 1, live: true, label: { zh: '每帧步数', en: 'Steps per frame' } },
  { key: 'seed', kind: 'int', min: 0, max: 2147483647, default: 1, hidden: true, label: { zh: '随机种子', en: 'Seed' } },
];

export interface MetricsInfo {
  train: Points2D;
  evaluation: Points2D;
}

/** The trace after the loss: the weights, then the evaluation part's log-loss. */
export const METRICS_TRACE = ['w1', 'w2', 'b', 'evalLoss'] as const;

export const METRICS = defineContract<MetricsInfo>()({ id: 'metrics', params: METRICS_PARAMS, trace: METRICS_TRACE });
