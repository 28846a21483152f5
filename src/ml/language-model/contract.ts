/** What the tiny GPT's trainer and its widget agree on, without tfjs. */
import { runParams, type ParamSpec } from '../../state/params.ts';
import { defineContract, type ContractParams } from '../shared/contract.ts';
import type { CorpusId } from './corpus.ts';

export interface TinyGptInfo {
  corpus: CorpusId;
  /** Characters kept, plus the unknown token (the last id). */
  characters: string[];
  vocabulary: number;
  parameters: number;
  trainCharacters: number;
  heldOutCharacters: number;
  /** Share of held-out characters outside the vocabulary (they count as the unknown token). */
  unknownRate: number;
  /** Held-out bits per character of the add-one unigram and the interpolated bigram. */
  unigram: number;
  bigram: number;
  /** Held-out characters the validation loss is measured on. */
  validationCharacters: number;
}

export const TINY_GPT_PARAMS = [
  {
    key: 'corpus',
    kind: 'choice',
    default: 'quatrains',
    options: [
      { value: 'quatrains', label: { zh: '五言绝句', en: 'Tang quatrains (Chinese)' } },
      { value: 'shakespeare', label: { zh: '莎士比亚（英文）', en: 'Shakespeare' } },
    ],
    label: { zh: '语料', en: 'Corpus' },
  },
  { key: 'layers', kind: 'int', min: 1, max: 3, default: 2, step: 1, label: { zh: '层数', en: 'Layers' } },
  { key: 'heads', kind: 'int', min: 1, max: 4, default: 4, step: 1, label: { zh: '注意力头数', en: 'Heads' } },
  { key: 'width', kind: 'int', min: 32, max: 128, default: 128, step: 32, label: { zh: '模型宽度 d_model', en: 'Model width d_model' } },
  { key: 'context', kind: 'int', min: 8, max: 64, default: 32, step: 8, label: { zh: '上下文长度（字符）', en: 'Context (characters)' } },
  {
    key: 'lr',
    kind: 'float',
    min: 1e-4,
    max: 0.03,
    default: 3e-3,
    scale: 'log',
    live: true,
    label: { zh: '学习率 η', en: 'Learning rate η' },
  },
  { key: 'batch', kind: 'int', min: 8, max: 64, default: 32, step: 8, live: true, label: { zh: '批大小', en: 'Batch size' } },
  {
    key: 'dropout',
    kind: 'float',
    min: 0,
    max: 0.5,
    default: 0.2,
    step: 0.05,
    live: true,
    label: { zh: 'dropout 比例', en: 'Dropout rate' },
  },
  {
    key: 'temperature',
    kind: 'float',
    min: 0.1,
    max: 2,
    default: 0.8,
    step: 0.05,
    live: true,
    label: { zh: '温度 T', en: 'Temperature T' },
  },
  {
    key: 'topK',
    kind: 'int',
    min: 0,
    max: 100,
    default: 0,
    step: 1,
    live: true,
    label: { zh: 'top-k（0 = 不限）', en: 'Top-k (0 = all)' },
  },
  { key: 'topP', kind: 'float', min: 0.05, max: 1, default: 1, step: 0.05, live: true, label: { zh: 'top-p', en: 'Top-p' } },
  { key: 'greedy', kind: 'switch', default: false, live: true, label: { zh: '贪心解码', en: 'Greedy decoding' } },
  ...runParams({ steps: 1000, speed: 1, maxSteps: 20000, maxSpeed: 10 }),
] as const satisfies readonly ParamSpec[];

export const TINY_GPT = defineContract<TinyGptInfo>()({
  id: 'tiny-gpt',
  params: TINY_GPT_PARAMS,
  // After the batch's loss (bits per character): the held-out loss at the last measurement.
  trace: ['validation'],
});

export type TinyGptParams = ContractParams<typeof TINY_GPT>;

/** What the page asks the worker to write, and what comes back. */
export interface SampleRequest {
  /** Text the sample continues; a new line is put before it. */
  prompt: string;
  /** Characters to write. */
  length: number;
  temperature: number;
  topK: number;
  topP: number;
  greedy: boolean;
  seed: number;
  /** Start afresh after each new line (a quatrain is a unit: each poem is written from the start of a poem). */
  restartAtNewline: boolean;
  /** Stop after this many new lines (0: write `length` characters). */
  stopAfterLines: number;
}

export interface SampleReply {
  /** The prompt as the model read it (characters outside its vocabulary shown as the unknown sign). */
  prompt: string;
  /** The characters written after the prompt. */
  text: string;
  /** The last token's context, one string per token, and its attention [layers, heads, context]. */
  context: string[];
  attention: Float32Array;
  /** The step of the model that wrote it, and the seed it drew with. */
  step: number;
  seed: number;
  /** Quatrains: how many of the lines written are well-formed quatrains, of how many asked for. */
  wellFormed?: { ok: number; total: number };
  /** Shakespeare: the share of the words written that occur in the training text. */
  wordShare?: number;
}

/** Bits per character from the cross-entropy in nats. */
export const bits = (nats: number) => nats / Math.LN2;
