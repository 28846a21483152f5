import { defineContract, type ContractParams } from '../shared/contract.ts';
import type { Line, LossGrid } from '../linear-regression/math';
import { runParams, type ParamSpec } from '../../state/params.ts';

export const GD_VARIANTS_PARAMS = [
  {
    key: 'lr',
    kind: 'float',
    min: 1e-3,
    max: 1,
    default: 0.05,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  { key: 'batch', kind: 'int', min: 2, max: 32, default: 8, step: 1, label: { zh: '小批量大小 B', en: 'Mini-batch size B' } },
  {
    key: 'decay',
    kind: 'float',
    min: 0,
    max: 0.05,
    default: 0,
    step: 0.001,
    live: true,
    label: { zh: '学习率衰减 k（η/(1+kt)）', en: 'Learning-rate decay k (η/(1+kt))' },
  },
  { key: 'n', kind: 'int', min: 32, max: 400, default: 200, step: 8, label: { zh: '数据点数 n', en: 'Points n' } },
  { key: 'noise', kind: 'float', min: 0, max: 2, default: 0.5, step: 0.1, label: { zh: '噪声 σ', en: 'Noise σ' } },
  ...runParams({ steps: 400, speed: 2 }),
  {
    key: 'axis',
    kind: 'choice',
    default: 'steps',
    live: true,
    viewOnly: true,
    options: [
      { value: 'steps', label: { zh: '按步数', en: 'Steps' } },
      { value: 'epochs', label: { zh: '按轮次（epoch）', en: 'Epochs' } },
    ],
    label: { zh: '横轴', en: 'Horizontal axis' },
  },
] as const satisfies readonly ParamSpec[];

export const GD_X_RANGE: [number, number] = [-2, 2];
export const VARIANTS = ['batch', 'mini', 'sgd'] as const;
export type VariantName = (typeof VARIANTS)[number];

export interface GdVariantsInfo {
  x: Float32Array;
  y: Float32Array;
  n: number;
  /** Examples per step of each variant, in VARIANTS order. */
  batchSizes: [number, number, number];
  closedForm: Line;
  minLoss: number;
  /** 2/λ_max: the largest rate at which batch gradient descent converges on this data. */
  criticalLr: number;
  grid: LossGrid;
}

export const GD_VARIANTS = defineContract<GdVariantsInfo>()({
  id: 'gd-variants',
  params: GD_VARIANTS_PARAMS,
  // Per variant in VARIANTS order: the loss before its update, its parameters after it, its update's time.
  trace: [
    'batch.loss',
    'mini.loss',
    'sgd.loss',
    'batch.b0',
    'batch.b1',
    'mini.b0',
    'mini.b1',
    'sgd.b0',
    'sgd.b1',
    'batch.ms',
    'mini.ms',
    'sgd.ms',
  ],
});

export type GdVariantsParams = ContractParams<typeof GD_VARIANTS>;
