/** What the MNIST CNN trainer and its widget agree on, without tfjs. */
import { runParams, type ParamSpec } from '../../state/params.ts';
import { defineContract, type ContractParams } from '../shared/contract.ts';
import type { CnnShape, LayerRow, StateLayout } from './architecture.ts';

export interface CnnMnistInfo {
  cnn: CnnShape;
  layers: LayerRow[];
  /** The dense network trained beside the CNN (784 → hidden → 10), null when it is switched off. */
  dense: { hidden: number; layers: LayerRow[] } | null;
  trainCount: number;
  testCount: number;
  /** Held-out accuracy is measured on every test digit once per this many steps. */
  evalEvery: number;
  layout: StateLayout;
}

/** Digits per training shard of the shipped data (data/mnist/train-<i>.bin.gz). */
export const SHARD_DIGITS = 12000;

export const CNN_MNIST_PARAMS = [
  {
    key: 'lr',
    kind: 'float',
    min: 1e-4,
    max: 1,
    default: 0.003,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  {
    key: 'optimizer',
    kind: 'choice',
    default: 'adam',
    options: [
      { value: 'adam', label: { zh: 'Adam', en: 'Adam' } },
      { value: 'sgd', label: { zh: 'SGD', en: 'SGD' } },
      { value: 'momentum', label: { zh: '动量 SGD（0.9）', en: 'SGD with momentum 0.9' } },
    ],
    label: { zh: '优化器', en: 'Optimizer' },
  },
  { key: 'batch', kind: 'int', min: 8, max: 256, default: 64, step: 8, live: true, label: { zh: '批大小', en: 'Batch size' } },
  { key: 'filters1', kind: 'int', min: 1, max: 16, default: 8, step: 1, label: { zh: '第 1 层卷积核个数', en: 'Layer 1 filters' } },
  { key: 'filters2', kind: 'int', min: 1, max: 32, default: 16, step: 1, label: { zh: '第 2 层卷积核个数', en: 'Layer 2 filters' } },
  { key: 'kernel', kind: 'int', min: 3, max: 7, default: 5, step: 2, label: { zh: '卷积核边长 F', en: 'Kernel size F' } },
  {
    key: 'padding',
    kind: 'choice',
    default: 'valid',
    options: [
      { value: 'valid', label: { zh: '不填充（valid）', en: 'None (valid)' } },
      { value: 'same', label: { zh: '补零保持尺寸（same）', en: 'Zeros, same size (same)' } },
    ],
    label: { zh: '填充 P', en: 'Padding P' },
  },
  {
    key: 'dense',
    kind: 'switch',
    default: true,
    label: { zh: '同时训练参数量相近的全连接网络', en: 'Train a dense network of similar size beside it' },
  },
  {
    key: 'digits',
    kind: 'int',
    min: SHARD_DIGITS,
    max: 5 * SHARD_DIGITS,
    default: SHARD_DIGITS,
    step: SHARD_DIGITS,
    label: { zh: '训练用的数字张数', en: 'Training digits' },
  },
  ...runParams({ steps: 4000, speed: 1, maxSteps: 20000, maxSpeed: 20 }),
] as const satisfies readonly ParamSpec[];

export const CNN_MNIST = defineContract<CnnMnistInfo>()({
  id: 'cnn-mnist',
  params: CNN_MNIST_PARAMS,
  // After the CNN's batch loss: its held-out accuracy at the last evaluation (−1 before the first), the dense
  // network's batch loss and held-out accuracy (0 and −1 when it is off), the step that evaluation was of,
  // and the epochs done (digits seen / training digits).
  trace: ['accuracy', 'denseLoss', 'denseAccuracy', 'evaluatedAt', 'epoch'],
});

export type CnnMnistParams = ContractParams<typeof CNN_MNIST>;

export function cnnShapeOf(params: Pick<CnnMnistParams, 'filters1' | 'filters2' | 'kernel' | 'padding'>): CnnShape {
  return { filters1: params.filters1, filters2: params.filters2, kernel: params.kernel, padding: params.padding };
}
