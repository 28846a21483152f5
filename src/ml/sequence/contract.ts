/** What the sequence widget's trainer and its component agree on, without tfjs. */
import { runParams, type NumberSpec, type ParamSpec, type SwitchSpec } from '../../state/params.ts';
import { defineContract, type ContractParams } from '../shared/contract.ts';

export const CELL_KINDS = ['rnn', 'lstm', 'gru'] as const;
export type CellKind = (typeof CELL_KINDS)[number];
/** Gate blocks of H units in each cell's weights: the RNN one, the LSTM four (f, i, o, g), the GRU three (z, r, n). */
export const GATE_BLOCKS: Record<CellKind, number> = { rnn: 1, lstm: 4, gru: 3 };

const racer = <const K extends string>(key: K, on: boolean, zh: string, en: string) =>
  ({ key, kind: 'switch', default: on, label: { zh, en } }) as const satisfies SwitchSpec;
const rate = <const K extends string>(key: K, value: number, zh: string, en: string) =>
  ({ key, kind: 'float', min: 1e-4, max: 1, default: value, scale: 'log', live: true, label: { zh, en } }) as const satisfies NumberSpec;

export const SEQUENCE_PARAMS = [
  { key: 'delay', kind: 'int', min: 1, max: 60, default: 30, step: 1, label: { zh: '间隔步数', en: 'Delay (steps)' } },
  { key: 'symbols', kind: 'int', min: 2, max: 8, default: 4, step: 1, label: { zh: '符号数 K', en: 'Symbols K' } },
  { key: 'hidden', kind: 'int', min: 8, max: 64, default: 32, step: 8, label: { zh: '隐藏单元数', en: 'Hidden units' } },
  racer('rnn', true, '简单 RNN', 'Simple RNN'),
  rate('lrRnn', 0.01, 'RNN 学习率 η', 'RNN learning rate η'),
  racer('lstm', true, 'LSTM', 'LSTM'),
  rate('lrLstm', 0.01, 'LSTM 学习率 η', 'LSTM learning rate η'),
  racer('gru', false, 'GRU', 'GRU'),
  rate('lrGru', 0.01, 'GRU 学习率 η', 'GRU learning rate η'),
  {
    key: 'forgetBias',
    kind: 'float',
    min: 0,
    max: 5,
    default: 3,
    step: 0.5,
    label: { zh: '遗忘门（GRU 为更新门）初始偏置', en: 'Initial bias of the forget gate (GRU: update gate)' },
  },
  {
    key: 'gain',
    kind: 'float',
    min: 0.5,
    max: 2,
    default: 1,
    step: 0.1,
    label: { zh: '循环权重初始尺度 g', en: 'Recurrent weights’ initial scale g' },
  },
  {
    key: 'optimizer',
    kind: 'choice',
    default: 'adam',
    options: [
      { value: 'adam', label: { zh: 'Adam', en: 'Adam' } },
      { value: 'sgd', label: { zh: 'SGD', en: 'SGD' } },
    ],
    label: { zh: '优化器', en: 'Optimizer' },
  },
  { key: 'clip', kind: 'switch', default: true, live: true, label: { zh: '梯度裁剪', en: 'Gradient clipping' } },
  {
    key: 'clipNorm',
    kind: 'float',
    min: 0.1,
    max: 10,
    default: 1,
    scale: 'log',
    live: true,
    label: { zh: '裁剪阈值（梯度范数上限）', en: 'Clip threshold (largest gradient norm)' },
  },
  { key: 'batch', kind: 'int', min: 8, max: 128, default: 32, step: 8, live: true, label: { zh: '批大小', en: 'Batch size' } },
  ...runParams({ steps: 300, speed: 1, maxSteps: 20000, maxSpeed: 20 }),
] as const satisfies readonly ParamSpec[];

export type SequenceParams = ContractParams<typeof SEQUENCE>;

export interface SequenceInfo {
  racers: CellKind[];
  symbols: number;
  delay: number;
  /** Tokens per sequence: the symbol, the delay, the query. */
  length: number;
  hidden: number;
  /** Trainable numbers per racer, in the order of `racers`. */
  parameters: number[];
  /** Held-out sequences (never trained on) for the accuracy. */
  heldOut: number;
  /** Sequences the gradient norms are averaged over. */
  probeSize: number;
  /** The sequence the gates, states and answers are shown for: the first of the probe sequences. */
  example: number[];
}

/** Each racer's block of a step's record, racers in the order of `info.racers`. */
export const RACER_TRACE = ['loss', 'accuracy', 'gradNorm', 'out'] as const;
/** Held-out accuracy is measured every this many steps (and carried in between). */
export const EVAL_EVERY = 10;
/** Delays the accuracy-against-delay sweep measures. */
export const SWEEP_DELAYS = [1, 5, 10, 20, 30, 40, 50, 60] as const;

export const SEQUENCE = defineContract<SequenceInfo>()({
  id: 'sequence',
  params: SEQUENCE_PARAMS,
  // One RACER_TRACE block per racer; the run's own loss (the best racer still in) comes first, as for every model.
  trace: [],
});

/** Wx [V, G·H], U [H, G·H], b [G·H], Wo [H, K], bo [K]. */
export const parameterCount = (kind: CellKind, vocabulary: number, hidden: number, symbols: number) =>
  (vocabulary + hidden + 1) * GATE_BLOCKS[kind] * hidden + (hidden + 1) * symbols;

/**
 * The model's state, flat: per racer ‖∂L/∂h_t‖ for t = 0 … T−1 (the mean over the probe sequences of each
 * one's own gradient) and the example's answer probabilities (K), then per racer the example's hidden states
 * [T × H] (time-major), then — when the LSTM races — its forget, input and output gates and cell state, each
 * [T × H].
 */
export interface SequenceState {
  gradients: Float32Array[];
  answers: Float32Array[];
  hidden: Float32Array[];
  lstm?: { forget: Float32Array; input: Float32Array; output: Float32Array; cell: Float32Array };
}

export function stateSize(info: SequenceInfo): number {
  const { length: T, hidden: H, symbols: K, racers } = info;
  return racers.length * (T + K + T * H) + (racers.includes('lstm') ? 4 * T * H : 0);
}

export function readState(info: SequenceInfo, flat: Float32Array): SequenceState {
  const { length: T, hidden: H, symbols: K, racers } = info;
  let at = 0;
  const take = (n: number) => flat.subarray(at, (at += n));
  const gradients: Float32Array[] = [];
  const answers: Float32Array[] = [];
  for (let r = 0; r < racers.length; r++) {
    gradients.push(take(T));
    answers.push(take(K));
  }
  const hidden = racers.map(() => take(T * H));
  const lstm = racers.includes('lstm') ? { forget: take(T * H), input: take(T * H), output: take(T * H), cell: take(T * H) } : undefined;
  return { gradients, answers, hidden, lstm };
}

/** The reply to the `sweep` request: held-out accuracy at each of SWEEP_DELAYS, per racer. */
export interface SweepReply {
  step: number;
  delays: number[];
  accuracy: number[][];
}
