import { defineContract, type ContractParams } from '../shared/contract.ts';
import type { Activation, ClassificationLoss, InitScheme, MlpShape, Regularization } from './mlp';
import { FEATURES, type Feature, type PlaygroundPoint, type PlaygroundSet } from './data.ts';
import { runParams, type ParamSpec } from '../../state/params.ts';

export const MAX_LAYERS = 6;
const SIZES = [4, 2, 2, 2, 2, 2];

/**
 * The neural-network playground, on TensorFlow Playground's defaults (circle, inputs x₁ x₂, hidden layers
 * 4 and 2, tanh, learning rate 0.03, batch 10, half the points for training). `features` names the network's
 * inputs (`features=x1,x2,sinX1`) and `layers` lists the hidden layers' sizes (`layers=4,2`; empty: no hidden
 * layer). Those are edited on the network diagram, not in the parameter panel, so they are hidden there.
 */
export const MLP_PLAYGROUND_PARAMS = [
  {
    key: 'dataset',
    kind: 'choice',
    default: 'circle',
    options: [
      { value: 'circle', label: { zh: '圆形', en: 'Circle' } },
      { value: 'xor', label: { zh: '异或（XOR）', en: 'XOR' } },
      { value: 'gaussian', label: { zh: '两团高斯', en: 'Gaussian' } },
      { value: 'spiral', label: { zh: '双螺旋', en: 'Two spirals' } },
      { value: 'moons', label: { zh: '双月牙', en: 'Moons' } },
      { value: 'plane', label: { zh: '回归：平面', en: 'Regression: plane' } },
      { value: 'multi-gaussian', label: { zh: '回归：多个高斯峰', en: 'Regression: multi-Gaussian' } },
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
    kind: 'choice',
    default: 'tanh',
    options: [
      { value: 'relu', label: { zh: 'ReLU', en: 'ReLU' } },
      { value: 'tanh', label: { zh: 'tanh', en: 'tanh' } },
      { value: 'sigmoid', label: { zh: 'sigmoid', en: 'Sigmoid' } },
      { value: 'linear', label: { zh: '线性（无激活）', en: 'Linear (none)' } },
    ],
    label: { zh: '激活函数', en: 'Activation' },
  },
  {
    key: 'loss',
    kind: 'choice',
    default: 'cross-entropy',
    options: [
      { value: 'cross-entropy', label: { zh: 'sigmoid + 交叉熵', en: 'Sigmoid + cross-entropy' } },
      { value: 'squared', label: { zh: 'tanh + 平方误差（TF Playground）', en: 'tanh + squared error (TF Playground)' } },
    ],
    label: { zh: '输出与损失', en: 'Output and loss' },
  },
  {
    key: 'init',
    kind: 'choice',
    default: 'glorot',
    options: [
      { value: 'glorot', label: { zh: 'Glorot 均匀分布，偏置 0', en: 'Glorot uniform, biases 0' } },
      { value: 'playground', label: { zh: '±0.5 均匀分布，偏置 0.1（TF Playground）', en: 'Uniform ±0.5, biases 0.1 (TF Playground)' } },
    ],
    label: { zh: '初始权重', en: 'Initial weights' },
  },
  {
    key: 'optimizer',
    kind: 'choice',
    default: 'sgd',
    options: [
      { value: 'sgd', label: { zh: 'SGD', en: 'SGD' } },
      { value: 'adam', label: { zh: 'Adam', en: 'Adam' } },
    ],
    label: { zh: '优化器', en: 'Optimizer' },
  },
  {
    key: 'regularization',
    kind: 'choice',
    default: 'none',
    live: true,
    options: [
      { value: 'none', label: { zh: '无', en: 'None' } },
      { value: 'l1', label: { zh: 'L1', en: 'L1' } },
      { value: 'l2', label: { zh: 'L2', en: 'L2' } },
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
  { key: 'discretize', kind: 'switch', default: false, live: true, viewOnly: true, label: { zh: '离散化输出', en: 'Discretize output' } },
  { key: 'showTest', kind: 'switch', default: false, live: true, viewOnly: true, label: { zh: '显示测试数据', en: 'Show test data' } },
  ...runParams({ steps: 1000, speed: 10, maxSteps: 20000, maxSpeed: 50, epochs: true }),
  {
    key: 'features',
    kind: 'name-list',
    names: FEATURES,
    minLength: 1,
    default: ['x1', 'x2'],
    hidden: true,
    label: { zh: '输入特征', en: 'Input features' },
    // Older links: a bit mask over FEATURES (bit 0 = x₁), features=3 for x₁ x₂.
    legacy: { upgrade: (raw) => upgradeFeatureMask(raw.features) },
  },
  {
    key: 'layers',
    kind: 'int-list',
    min: 1,
    max: 8,
    maxLength: MAX_LAYERS,
    default: [4, 2],
    hidden: true,
    label: { zh: '隐藏层神经元数', en: 'Hidden layer sizes' },
    // Older links: `layers` counted the hidden layers and n1 … n6 gave their sizes.
    legacy: { keys: SIZES.map((_, l) => `n${l + 1}`), upgrade: upgradeLayerSizes },
  },
] as const satisfies readonly ParamSpec[];

/** `features=<mask>` of older links as a list of names; anything else is left to be read (or refused) as it is. */
export function upgradeFeatureMask(text: string | undefined): string | undefined {
  if (text === undefined || !/^\d+$/.test(text.trim())) return undefined;
  const mask = Number(text);
  if (mask < 1 || mask >= 1 << FEATURES.length) return undefined;
  return FEATURES.filter((_, i) => mask & (1 << i)).join(',');
}

/**
 * `layers=<count>` with `n1` … `n6` of older links (which always wrote all six sizes) as a list of sizes.
 * Without any `n` key the link is today's, `layers` already a list.
 */
export function upgradeLayerSizes(raw: Readonly<Record<string, string>>): string | undefined {
  if (!SIZES.some((_, l) => raw[`n${l + 1}`] !== undefined)) return undefined;
  const count = (raw.layers ?? '2').trim();
  if (!/^\d$/.test(count) || Number(count) > MAX_LAYERS) return raw.layers;
  return SIZES.slice(0, Number(count))
    .map((size, l) => (raw[`n${l + 1}`] ?? String(size)).trim())
    .join(',');
}

export const PLAYGROUND_POINTS = 500;

export type PlaygroundParams = ContractParams<typeof MLP_PLAYGROUND>;

export interface PlaygroundConfig {
  set: PlaygroundSet;
  noise: number;
  trainShare: number;
  batch: number;
  lr: number;
  activation: Activation;
  loss: ClassificationLoss;
  init: InitScheme;
  regularization: Regularization;
  regRate: number;
  optimizer: 'sgd' | 'adam';
  features: Feature[];
  hidden: number[];
}

/** The playground's settings from its parameters, by the names the model uses. */
export function playgroundConfig(params: PlaygroundParams): PlaygroundConfig {
  return {
    set: params.dataset,
    noise: params.noise,
    trainShare: params.trainShare,
    batch: params.batch,
    lr: params.lr,
    activation: params.activation,
    loss: params.loss,
    init: params.init,
    regularization: params.regularization,
    regRate: params.regRate,
    optimizer: params.optimizer,
    features: params.features.length > 0 ? [...params.features] : ['x1', 'x2'],
    hidden: params.layers.slice(0, MAX_LAYERS),
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
  trace: ['testLoss', 'testAccuracy'],
});
