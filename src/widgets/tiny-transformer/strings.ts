/** The tiny transformer widget's own words, in both languages. */
import { countText } from '../../controls/format';
import type { Lang } from '../../i18n/strings';

const zh = {
  lossChart: '训练损失（答案各位数字的交叉熵，对数刻度）',
  accuracyChart: (every: number) => `留出序列上的准确率（每 ${every} 步测一次）`,
  tokenSeries: '逐个数字的准确率',
  sequenceSeries: '整条答案全对的比例',
  chance: '随机猜测 10%',
  accuracy: '留出准确率（逐个数字）',
  parameters: (n: number) => `共 ${n} 个参数`,
  example: '一个留出的例子',
  input: '输入',
  target: '正确答案',
  output: '模型的答案',
  mapsCaption:
    '每个注意力头在这个例子上的注意力权重：每一行是一个位置（输入、分隔词元、答案），每一列是它所关注的位置；颜色越深，权重越大，每行之和为 1。因果掩码让右上三角全部为 0。',
  headLabel: (layer: number, head: number) => `第 ${layer} 层第 ${head} 个头`,
  mapLabel: (layer: number, head: number, n: number) => `第 ${layer} 层第 ${head} 个头的注意力权重，${n}×${n}`,
  entropy: (bits: string) => `答案各位置的平均熵 ${bits} 比特`,
  entropyChart: '每个头在这个例子答案各位置上的注意力熵（比特，越低越集中）',
  ownLabel: (n: number) => `自己出题：输入 ${n} 个数字`,
  ask: '让模型作答',
  ownInvalid: (n: number) => `请正好输入 ${n} 个 0–9 的数字。`,
  ownShown: '下面是模型对你的输入写出的答案（一位一位地写，看不到正确答案），训练时会随时更新。',
  exampleShown: '下面是一个留出的例子；输入框留空再按“让模型作答”也会回到这里。',
};

export type TinyTransformerStrings = typeof zh;

const en: TinyTransformerStrings = {
  lossChart: 'Training loss (cross-entropy of the answer’s digits, log scale)',
  accuracyChart: (every) => `Accuracy on held-out sequences (measured every ${every} steps)`,
  tokenSeries: 'Digit by digit',
  sequenceSeries: 'Whole answer right',
  chance: 'Chance 10 %',
  accuracy: 'Held-out accuracy (per digit)',
  parameters: (n) => `${countText(n, 'en')} parameters`,
  example: 'One held-out example',
  input: 'Input',
  target: 'Right answer',
  output: 'Model’s answer',
  mapsCaption:
    'Every head’s attention weights on this example: each row is a position (input, separator, answer), each column a position it looks at; darker is more weight, and every row sums to 1. The causal mask keeps the upper-right triangle at 0.',
  headLabel: (layer, head) => `Layer ${layer}, head ${head}`,
  mapLabel: (layer, head, n) => `Attention weights of layer ${layer}, head ${head}, ${n}×${n}`,
  entropy: (bits) => `mean entropy over the answer's rows ${bits} bits`,
  entropyChart: 'Each head’s attention entropy on the example’s answer rows (bits; lower is sharper)',
  ownLabel: (n) => `Your own input: ${n} digits`,
  ask: 'Ask the model',
  ownInvalid: (n) => `Type exactly ${n} digits from 0 to 9.`,
  ownShown:
    'Below is the model’s answer to your input (written one digit at a time, without the right answer to lean on), updated while it trains.',
  exampleShown: 'Below is a held-out example; an empty box and “Ask the model” come back to it.',
};

export const TINY_TRANSFORMER_STRINGS: Record<Lang, TinyTransformerStrings> = { zh, en };
