import { defineContract } from '../shared/contract';
import type { ParamValues } from '../../state/params';
import type { Activation, MlpShape, Regularization } from './mlp';
import { CLASSIFICATION_SETS, FEATURES, REGRESSION_SETS, type Feature, type PlaygroundPoint, type PlaygroundSet } from './data';
import type { ParamSpec } from '../../state/params.ts';

/**
 * The neural-network playground, on TensorFlow Playground's defaults (circle, inputs x₁ x₂, hidden layers
 * 4 and 2, tanh, learning rate 0.03, batch 10, half the points for training). `features` is a bit mask over
 * x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂ (bit 0 = x₁); `layers` counts the hidden layers and `n1` … `n6`
 * their sizes. Those are edited on the network diagram, not with sliders, so they are hidden here.
 */
export const MLP_PLAYGROUND_PARAMS: readonly ParamSpec[] = [
  {
    key: 'dataset',
    kind: 'int',
    min: 0,
    max: 6,
    default: 0,
    control: 'select',
    options: [
      { zh: '圆形', en: 'Circle' },
      { zh: '异或（XOR）', en: 'XOR' },
      { zh: '两团高斯', en: 'Gaussian' },
      { zh: '双螺旋', en: 'Two spirals' },
      { zh: '双月牙', en: 'Moons' },
      { zh: '回归：平面', en: 'Regression: plane' },
      { zh: '回归：多个高斯峰', en: 'Regression: multi-Gaussian' },
    ],
    label: { zh: '数据集', en: 'Data set' },
  },
  {
    key: 'lr',
    kind: 'float',
    min: 1e-5,
    max: 10,
    default: 0.03,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  {
    key: 'activation',
    kind: 'int',
    min: 0,
    max: 3,
    default: 1,
    control: 'select',
    options: [
      { zh: 'ReLU', en: 'ReLU' },
      { zh: 'tanh', en: 'tanh' },
      { zh: 'sigmoid', en: 'Sigmoid' },
      { zh: '线性（无激活）', en: 'Linear (none)' },
    ],
    label: { zh: '激活函数', en: 'Activation' },
  },
  {
    key: 'optimizer',
    kind: 'int',
    min: 0,
    max: 1,
    default: 0,
    control: 'select',
    options: [
      { zh: 'SGD', en: 'SGD' },
      { zh: 'Adam', en: 'Adam' },
    ],
    label: { zh: '优化器', en: 'Optimizer' },
  },
  {
    key: 'regularization',
    kind: 'int',
    min: 0,
    max: 2,
    default: 0,
    control: 'select',
    live: true,
    options: [
      { zh: '无', en: 'None' },
      { zh: 'L1', en: 'L1' },
      { zh: 'L2', en: 'L2' },
    ],
    label: { zh: '正则化', en: 'Regularization' },
  },
  {
    key: 'regRate',
    kind: 'float',
    min: 1e-4,
    max: 10,
    default: 0.001,
    scale: 'log',
    live: true,
    label: { zh: '正则化率 λ', en: 'Regularization rate λ' },
  },
  { key: 'batch', kind: 'int', min: 1, max: 30, default: 10, step: 1, label: { zh: '批大小', en: 'Batch size' } },
  { key: 'noise', kind: 'float', min: 0, max: 0.5, default: 0, step: 0.05, label: { zh: '噪声', en: 'Noise' } },
  { key: 'trainShare', kind: 'float', min: 0.1, max: 0.9, default: 0.5, step: 0.1, label: { zh: '训练集比例', en: 'Training share' } },
  {
    key: 'discretize',
    kind: 'int',
    min: 0,
    max: 1,
    default: 0,
    control: 'toggle',
    live: true,
    label: { zh: '离散化输出', en: 'Discretize output' },
  },
  {
    key: 'showTest',
    kind: 'int',
    min: 0,
    max: 1,
    default: 0,
    control: 'toggle',
    live: true,
    label: { zh: '显示测试数据', en: 'Show test data' },
  },
  {
    key: 'steps',
    kind: 'int',
    min: 10,
    max: 20000,
    default: 1000,
    step: 10,
    live: true,
    label: { zh: '训练轮数上限', en: 'Epoch budget' },
  },
  { key: 'speed', kind: 'int', min: 1, max: 50, default: 10, step: 1, live: true, label: { zh: '每帧轮数', en: 'Epochs per frame' } },
  { key: 'features', kind: 'int', min: 1, max: 127, default: 3, hidden: true, label: { zh: '输入特征', en: 'Input features' } },
  { key: 'layers', kind: 'int', min: 0, max: 6, default: 2, hidden: true, label: { zh: '隐藏层数', en: 'Hidden layers' } },
  { key: 'n1', kind: 'int', min: 1, max: 8, default: 4, hidden: true, label: { zh: '第 1 层神经元', en: 'Neurons in layer 1' } },
  { key: 'n2', kind: 'int', min: 1, max: 8, default: 2, hidden: true, label: { zh: '第 2 层神经元', en: 'Neurons in layer 2' } },
  { key: 'n3', kind: 'int', min: 1, max: 8, default: 2, hidden: true, label: { zh: '第 3 层神经元', en: 'Neurons in layer 3' } },
  { key: 'n4', kind: 'int', min: 1, max: 8, default: 2, hidden: true, label: { zh: '第 4 层神经元', en: 'Neurons in layer 4' } },
  { key: 'n5', kind: 'int', min: 1, max: 8, default: 2, hidden: true, label: { zh: '第 5 层神经元', en: 'Neurons in layer 5' } },
  { key: 'n6', kind: 'int', min: 1, max: 8, default: 2, hidden: true, label: { zh: '第 6 层神经元', en: 'Neurons in layer 6' } },
  { key: 'seed', kind: 'int', min: 0, max: 2147483647, default: 1, hidden: true, label: { zh: '随机种子', en: 'Seed' } },
];

export const PLAYGROUND_POINTS = 500;
export const DATA_SETS: readonly PlaygroundSet[] = [...CLASSIFICATION_SETS, ...REGRESSION_SETS];
export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];
export const REGULARIZATIONS: readonly Regularization[] = ['none', 'l1', 'l2'];
export const MAX_LAYERS = 6;

export interface PlaygroundConfig {
  set: PlaygroundSet;
  noise: number;
  trainShare: number;
  batch: number;
  lr: number;
  activation: Activation;
  regularization: Regularization;
  regRate: number;
  optimizer: 'sgd' | 'adam';
  features: Feature[];
  hidden: number[];
}

/**
 * Reads the playground's flat numeric parameters: `features` is a bit mask over FEATURES (bit 0 = x₁),
 * `layers` the number of hidden layers and `n1` … `n6` their sizes.
 */
export function playgroundConfig(params: ParamValues): PlaygroundConfig {
  const mask = Math.round(params.features ?? 3);
  const features = FEATURES.filter((_, i) => mask & (1 << i));
  const layers = Math.min(MAX_LAYERS, Math.max(0, Math.round(params.layers ?? 2)));
  return {
    set: DATA_SETS[Math.round(params.dataset ?? 0)] ?? 'circle',
    noise: params.noise ?? 0,
    trainShare: params.trainShare ?? 0.5,
    batch: Math.max(1, Math.round(params.batch ?? 10)),
    lr: params.lr ?? 0.03,
    activation: ACTIVATIONS[Math.round(params.activation ?? 1)] ?? 'tanh',
    regularization: REGULARIZATIONS[Math.round(params.regularization ?? 0)] ?? 'none',
    regRate: params.regRate ?? 0,
    optimizer: params.optimizer === 1 ? 'adam' : 'sgd',
    features: features.length > 0 ? features : ['x1', 'x2'],
    hidden: Array.from({ length: layers }, (_, l) => Math.max(1, Math.round(params[`n${l + 1}`] ?? (l === 0 ? 4 : 2)))),
  };
}

export interface PlaygroundInfo {
  train: PlaygroundPoint[];
  test: PlaygroundPoint[];
  features: Feature[];
  shape: MlpShape;
}

export const MLP_PLAYGROUND = defineContract<PlaygroundInfo>()({
  id: 'mlp-playground',
  params: MLP_PLAYGROUND_PARAMS,
  trace: ['testLoss'],
});
