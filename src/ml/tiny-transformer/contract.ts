/** What the tiny transformer's trainer and its widget agree on, without tfjs. */
import { runParams, type ParamSpec } from '../../state/params.ts';
import { defineContract, type ContractParams } from '../shared/contract.ts';

export interface TinyTransformerInfo {
  /** Tokens are the digits 0–9 and a separator; the model reads the input, the separator, then writes the answer. */
  vocabulary: number;
  length: number;
  heads: number;
  layers: number;
  width: number;
  parameters: number;
  /** Held-out sequences (never trained on), for the accuracy and the attention maps. */
  heldOut: number;
  /** The first held-out input: the state's attention maps and answer are for it. */
  example: number[];
}

export const TINY_TRANSFORMER_PARAMS = [
  {
    key: 'task',
    kind: 'choice',
    default: 'reverse',
    options: [
      { value: 'reverse', label: { zh: '倒序', en: 'Reverse' } },
      { value: 'sort', label: { zh: '排序', en: 'Sort' } },
    ],
    label: { zh: '任务', en: 'Task' },
  },
  { key: 'length', kind: 'int', min: 4, max: 12, default: 8, step: 1, label: { zh: '序列长度', en: 'Sequence length' } },
  {
    key: 'position',
    kind: 'choice',
    default: 'sinusoidal',
    options: [
      { value: 'sinusoidal', label: { zh: '正弦位置编码', en: 'Sinusoidal' } },
      { value: 'learned', label: { zh: '可学习的位置编码', en: 'Learned' } },
      { value: 'none', label: { zh: '不用位置编码', en: 'None' } },
    ],
    label: { zh: '位置编码', en: 'Positional encoding' },
  },
  { key: 'layers', kind: 'int', min: 1, max: 2, default: 1, step: 1, label: { zh: '层数', en: 'Layers' } },
  { key: 'heads', kind: 'int', min: 1, max: 4, default: 2, step: 1, label: { zh: '注意力头数', en: 'Heads' } },
  { key: 'width', kind: 'int', min: 16, max: 64, default: 32, step: 16, label: { zh: '模型宽度 d_model', en: 'Model width d_model' } },
  {
    key: 'lr',
    kind: 'float',
    min: 1e-4,
    max: 0.1,
    default: 1e-3,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  { key: 'batch', kind: 'int', min: 8, max: 128, default: 32, step: 8, live: true, label: { zh: '批大小', en: 'Batch size' } },
  ...runParams({ steps: 3000, speed: 1, maxSteps: 20000, maxSpeed: 20 }),
] as const satisfies readonly ParamSpec[];

export const TINY_TRANSFORMER = defineContract<TinyTransformerInfo>()({
  id: 'tiny-transformer',
  params: TINY_TRANSFORMER_PARAMS,
  // After the batch's loss: held-out token accuracy and whole-sequence accuracy at the last measurement.
  trace: ['accuracy', 'sequenceAccuracy'],
});

export type TinyTransformerParams = ContractParams<typeof TINY_TRANSFORMER>;
