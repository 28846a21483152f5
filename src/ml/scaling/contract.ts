import { defineContract, traceIndex, type ContractParams } from '../shared/contract.ts';
import type { ScalingInfo } from './info';
import type { ParamSpec } from '../../state/params.ts';

/**
 * The scaling sweep: one step trains one whole model, the next in `sweepPlan` (math.ts), and records its
 * validation loss. So `steps` counts finished models and `data-step` is the number of points on the chart.
 * The budget is the plan's length, which the widget keeps equal to it whatever the link says (hidden: a
 * slider for it would only cut the sweep short); the pace is one model per tick, whatever `speed` says.
 */
export const SCALING_PARAMS = [
  {
    key: 'seeds',
    kind: 'int',
    min: 1,
    max: 5,
    default: 3,
    step: 1,
    label: { zh: '每种规模训练几次（种子数）', en: 'Runs per size (seeds)' },
  },
  {
    key: 'dataSeries',
    kind: 'switch',
    default: true,
    label: { zh: '再训练一组：宽度固定为 32，改变训练数据量', en: 'Then a second series: width fixed at 32, training-set size varied' },
  },
  {
    key: 'modelSteps',
    kind: 'int',
    min: 100,
    max: 2000,
    default: 600,
    step: 100,
    label: { zh: '每个模型的训练步数', en: 'Training steps per model' },
  },
  {
    key: 'lr',
    kind: 'float',
    min: 1e-3,
    max: 0.1,
    default: 0.01,
    scale: 'log',
    label: { zh: '学习率 η（Adam）', en: 'Learning rate η (Adam)' },
  },
  {
    key: 'xAxis',
    kind: 'choice',
    default: 'size',
    live: true,
    options: [
      { value: 'size', label: { zh: '模型大小 N / 数据量 D', en: 'Model size N / data size D' } },
      { value: 'compute', label: { zh: '训练计算量 ≈ 6·N·见过的样本数', en: 'Training compute ≈ 6·N·examples seen' } },
    ],
    label: { zh: '横轴', en: 'Horizontal axis' },
  },
  { key: 'steps', kind: 'int', min: 1, max: 60, default: 36, step: 1, live: true, hidden: true, label: { zh: '模型个数', en: 'Models' } },
  { key: 'speed', kind: 'int', min: 1, max: 1, default: 1, step: 1, hidden: true, label: { zh: '每帧模型数', en: 'Models per frame' } },
  { key: 'seed', kind: 'int', min: 0, max: 2147483647, default: 1, hidden: true, label: { zh: '随机种子', en: 'Seed' } },
] as const satisfies readonly ParamSpec[];

export const SCALING = defineContract<ScalingInfo>()({
  id: 'scaling',
  params: SCALING_PARAMS,
  // After the loss (the finished model's validation MSE): its training MSE at the end, then its validation MSE
  // after 1/8, 1/4 and 1/2 of its steps (the compute view draws each model's way down).
  trace: ['trainLoss', 'validationAt8th', 'validationAtQuarter', 'validationAtHalf'],
});

export const TRACE_TRAIN = traceIndex(SCALING, 'trainLoss');
export const TRACE_CHECKPOINTS = [
  traceIndex(SCALING, 'validationAt8th'),
  traceIndex(SCALING, 'validationAtQuarter'),
  traceIndex(SCALING, 'validationAtHalf'),
] as const;

export type ScalingParams = ContractParams<typeof SCALING>;
