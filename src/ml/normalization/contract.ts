import { defineContract, traceIndex, type ContractParams } from '../shared/contract.ts';
import type { Conditioning, Moments, ScaledProblem, Scaling, Theta, Window2D } from './math';
import { runParams, type ParamSpec } from '../../state/params.ts';

export const NORMALIZATION_PARAMS = [
  {
    key: 'lr',
    kind: 'float',
    min: 1e-4,
    max: 3,
    default: 0.08,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η（两边相同）', en: 'Learning rate η (both runs)' },
  },
  {
    key: 'scaling',
    kind: 'choice',
    default: 'standardize',
    options: [
      { value: 'standardize', label: { zh: '标准化 (x − μ)/σ', en: 'Standardize (x − μ)/σ' } },
      { value: 'minmax', label: { zh: '最小–最大缩放到 [0, 1]', en: 'Min–max to [0, 1]' } },
    ],
    label: { zh: '右侧的缩放方式', en: 'Scaling of the right-hand run' },
  },
  { key: 'outlier', kind: 'switch', default: false, label: { zh: '加入一个异常值', en: 'Add one outlier' } },
  { key: 'noise', kind: 'float', min: 0, max: 2, default: 0.5, step: 0.1, label: { zh: '噪声 σ', en: 'Noise σ' } },
  ...runParams({ steps: 400, speed: 1 }),
] as const satisfies readonly ParamSpec[];

export interface NormalizationRunInfo {
  scaling: Scaling;
  fit: ScaledProblem['fit'];
  moments: Moments;
  start: Theta;
  best: Theta;
  /** L*, the least-squares loss: the same for both runs (scaling is an affine change of the features). */
  minLoss: number;
  conditioning: Conditioning;
  window: Window2D;
}

export interface NormalizationInfo {
  n: number;
  outlier: boolean;
  outlierIndex: number;
  /** Both features under every transform, for the strip plot: [x₁, x₂] each. */
  features: Record<Scaling, [Float32Array, Float32Array]>;
  runs: [NormalizationRunInfo, NormalizationRunInfo];
  startLoss: number;
  /** A measured loss at or below this counts as having reached the optimum (within 1 % of L*). */
  nearOptimum: number;
  /** A run is out when its next loss would pass this. */
  divergeLimit: number;
}

export const NORMALIZATION = defineContract<NormalizationInfo>()({
  id: 'normalization',
  params: NORMALIZATION_PARAMS,
  // After the loss the session reads: each run's loss (raw, scaled), its θ = (w₁, w₂, b), its out flag.
  trace: ['raw.loss', 'scaled.loss', 'raw.w1', 'raw.w2', 'raw.b', 'scaled.w1', 'scaled.w2', 'scaled.b', 'raw.out', 'scaled.out'],
});

/** Where each kind of value starts in a step's trace (run k adds k, or 3k for θ). */
export const TRACE = {
  loss: traceIndex(NORMALIZATION, 'raw.loss'),
  theta: traceIndex(NORMALIZATION, 'raw.w1'),
  out: traceIndex(NORMALIZATION, 'raw.out'),
} as const;

export type NormalizationParams = ContractParams<typeof NORMALIZATION>;
