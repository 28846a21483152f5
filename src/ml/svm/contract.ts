import type { Points2D } from '../shared/classification-data';
import type { FeatureMap } from './math';
import { defineContract, type ContractParams } from '../shared/contract.ts';
import { runParams, type ParamSpec } from '../../state/params.ts';

export const SVM_PARAMS = [
  {
    key: 'kernel',
    kind: 'choice',
    default: 'linear',
    options: [
      { value: 'linear', label: { zh: '线性', en: 'Linear' } },
      { value: 'rbf', label: { zh: 'RBF 核（随机傅里叶特征）', en: 'RBF kernel (random Fourier features)' } },
    ],
    label: { zh: '核函数', en: 'Kernel' },
  },
  {
    key: 'preset',
    kind: 'choice',
    default: 'separable',
    options: [
      { value: 'separable', label: { zh: '两团，可分', en: 'Two clusters, separable' } },
      { value: 'overlapping', label: { zh: '两团，重叠', en: 'Two clusters, overlapping' } },
      { value: 'ring', label: { zh: '圆环', en: 'Ring' } },
    ],
    label: { zh: '数据', en: 'Data' },
  },
  { key: 'C', kind: 'float', min: 0.01, max: 100, default: 1, scale: 'log', live: true, label: { zh: '惩罚系数 C', en: 'Penalty C' } },
  { key: 'gamma', kind: 'float', min: 0.1, max: 10, default: 1, scale: 'log', label: { zh: 'RBF 宽度 γ', en: 'RBF width γ' } },
  { key: 'lr', kind: 'float', min: 1e-3, max: 1, default: 0.1, scale: 'log', live: true, label: { zh: '学习率 η', en: 'Learning rate η' } },
  { key: 'n', kind: 'int', min: 5, max: 100, default: 30, step: 1, label: { zh: '每类点数', en: 'Points per class' } },
  ...runParams({ steps: 1000, speed: 5 }),
] as const satisfies readonly ParamSpec[];

export interface SvmInfo {
  points: Points2D;
  features: FeatureMap;
}

export const SVM = defineContract<SvmInfo>()({
  id: 'svm',
  params: SVM_PARAMS,
  // Then one weight per feature: w1 … wd.
  trace: ['accuracy', 'b'],
});

export type SvmParams = ContractParams<typeof SVM>;
