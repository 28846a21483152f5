import type { Points2D } from '../shared/classification-data';
import type { FeatureMap } from './math';
import { defineContract } from '../shared/contract';
import type { ParamSpec } from '../../state/params.ts';

export const SVM_PARAMS: readonly ParamSpec[] = [
  {
    key: 'kernel',
    kind: 'int',
    min: 0,
    max: 1,
    default: 0,
    control: 'select',
    options: [
      { zh: '线性', en: 'Linear' },
      { zh: 'RBF 核（随机傅里叶特征）', en: 'RBF kernel (random Fourier features)' },
    ],
    label: { zh: '核函数', en: 'Kernel' },
  },
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
      { zh: '圆环', en: 'Ring' },
    ],
    label: { zh: '数据', en: 'Data' },
  },
  { key: 'C', kind: 'float', min: 0.01, max: 100, default: 1, scale: 'log', live: true, label: { zh: '惩罚系数 C', en: 'Penalty C' } },
  { key: 'gamma', kind: 'float', min: 0.1, max: 10, default: 1, scale: 'log', label: { zh: 'RBF 宽度 γ', en: 'RBF width γ' } },
  { key: 'lr', kind: 'float', min: 1e-3, max: 1, default: 0.1, scale: 'log', live: true, label: { zh: '学习率 η', en: 'Learning rate η' } },
  { key: 'n', kind: 'int', min: 5, max: 100, default: 30, step: 1, label: { zh: '每类点数', en: 'Points per class' } },
  { key: 'steps', kind: 'int', min: 10, max: 5000, default: 1000, step: 10, live: true, label: { zh: '训练步数上限', en: 'Step budget' } },
  { key: 'speed', kind: 'int', min: 1, max: 100, default: 5, step: 1, live: true, label: { zh: '每帧步数', en: 'Steps per frame' } },
  { key: 'seed', kind: 'int', min: 0, max: 2147483647, default: 1, hidden: true, label: { zh: '随机种子', en: 'Seed' } },
];

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
