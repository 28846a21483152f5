import type { ParamSpec } from '../../state/params.ts';

export const NORMALIZATION_PARAMS: readonly ParamSpec[] = [
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
    kind: 'int',
    min: 0,
    max: 1,
    default: 0,
    control: 'select',
    options: [
      { zh: '标准化 (x − μ)/σ', en: 'Standardize (x − μ)/σ' },
      { zh: '最小–最大缩放到 [0, 1]', en: 'Min–max to [0, 1]' },
    ],
    label: { zh: '右侧的缩放方式', en: 'Scaling of the right-hand run' },
  },
  { key: 'outlier', kind: 'int', min: 0, max: 1, default: 0, control: 'toggle', label: { zh: '加入一个异常值', en: 'Add one outlier' } },
  { key: 'noise', kind: 'float', min: 0, max: 2, default: 0.5, step: 0.1, label: { zh: '噪声 σ', en: 'Noise σ' } },
  { key: 'steps', kind: 'int', min: 10, max: 5000, default: 400, step: 10, live: true, label: { zh: '训练步数上限', en: 'Step budget' } },
  { key: 'speed', kind: 'int', min: 1, max: 100, default: 1, step: 1, live: true, label: { zh: '每帧步数', en: 'Steps per frame' } },
  { key: 'seed', kind: 'int', min: 0, max: 2147483647, default: 1, hidden: true, label: { zh: '随机种子', en: 'Seed' } },
];
