/** The sequence widget's own words, in both languages. */
import { countText, percentText } from '../../controls/format';
import type { Lang } from '../../i18n/strings';

const zh = {
  task: (k: number, delay: number) => `任务：记住开头的字母（${k} 选 1），隔 ${delay} 个干扰数字之后，在问号处说出它。`,
  example: '一个不参与训练的例子',
  lossChart: '训练损失（交叉熵，对数刻度）',
  accuracyChart: (every: number) => `留出序列上的回忆准确率（每 ${every} 步测一次）`,
  chance: (k: number) => `随机猜测 1/${k}`,
  normChart: '每个训练步的梯度范数 ‖∇θL‖（裁剪之前，对数刻度）',
  clipLine: (v: string) => `裁剪阈值 ${v}`,
  gradientChart: '梯度沿时间传回了多少：‖∂L/∂hₜ‖（对数刻度，横轴是序列里的时间步 t）',
  timeStep: '时间步',
  gradientNote: (n: number) =>
    `对 ${n} 条固定的、不参与训练的序列求平均。最右边是问号处（损失就在那里算），越往左越早；最左边的 t = 1 是要记住的字母。曲线往左掉得越快，开头的字母收到的学习信号就越弱。`,
  racer: '模型',
  parameters: '参数',
  status: '状态',
  accuracy: '留出准确率',
  loss: '训练损失',
  answer: '对例子的回答',
  running: '训练中',
  off: '未参赛',
  out: '发散，已停止',
  answerText: (symbol: string, p: number) => `${symbol}（${percentText(p, 'zh', 0)}）`,
  lstmTitle: 'LSTM 内部：这个例子上每一步的门与细胞状态',
  lstmNote:
    '每张图的横轴是时间步（与上面的例子一一对应），纵轴是 LSTM 的各个隐藏单元。门的值在 0 到 1 之间，越深越接近 1；细胞状态有正有负，两种颜色表示正负。看遗忘门是否一直接近 1、输入门是否只在开头打开：那就是细胞把第一个字母“锁”住了。',
  forget: '遗忘门 f',
  input: '输入门 i',
  output: '输出门 o',
  cell: '细胞状态 c',
  rnnHidden: (name: string) => `${name} 的隐状态 h`,
  mapLabel: (name: string, units: number, steps: number) => `${name}：${units} 个单元 × ${steps} 个时间步`,
  sweepTitle: '准确率与间隔长度',
  sweepButton: '测一测：不同间隔下的准确率',
  sweepBusy: '测量中…',
  sweepNote: (step: number, trained: number) =>
    `第 ${step} 步时的模型（在间隔 ${trained} 上训练），在每个间隔各 128 条新序列上测得。训练结束时会自动测一次。低于随机猜测（甚至 0%）并不是“什么都没记住”：答案仍取决于开头的字母，只是在这个间隔上把它对应成了错的字母。`,
  sweepChart: '回忆准确率与间隔步数',
  delayAxis: '间隔步数',
  allOut: '所有模型都发散了：打开梯度裁剪或调小学习率，再按重置。',
  noneOn: '一个模型都没选：请至少勾选一个。',
  parametersText: (n: number) => countText(n, 'zh'),
};

export type SequenceStrings = typeof zh;

const en: SequenceStrings = {
  task: (k, delay) =>
    `Task: remember the opening letter (one of ${k}) and name it at the question mark, after ${delay} distracting digits.`,
  example: 'An example never trained on',
  lossChart: 'Training loss (cross-entropy, log scale)',
  accuracyChart: (every) => `Recall accuracy on held-out sequences (measured every ${every} steps)`,
  chance: (k) => `Chance 1/${k}`,
  normChart: 'Gradient norm ‖∇θL‖ at each training step (before clipping, log scale)',
  clipLine: (v) => `Clip threshold ${v}`,
  gradientChart: 'How much gradient flows back in time: ‖∂L/∂hₜ‖ (log scale; across, the time step t of the sequence)',
  timeStep: 'Time step',
  gradientNote: (n) =>
    `Averaged over ${n} fixed sequences never trained on. The right end is the question mark, where the loss is measured; further left is earlier, and t = 1 at the far left is the letter to remember. The faster a curve falls to the left, the weaker the learning signal that reaches the opening letter.`,
  racer: 'Model',
  parameters: 'Parameters',
  status: 'Status',
  accuracy: 'Held-out accuracy',
  loss: 'Training loss',
  answer: 'Answer to the example',
  running: 'Training',
  off: 'Not racing',
  out: 'Diverged; stopped',
  answerText: (symbol, p) => `${symbol} (${percentText(p, 'en', 0)})`,
  lstmTitle: 'Inside the LSTM: its gates and cell state at every step of the example',
  lstmNote:
    'Across each map: the time steps, aligned with the example above; down: the LSTM’s hidden units. Gates lie between 0 and 1, darker is nearer 1; the cell state is signed, one hue for each sign. Watch for a forget gate that stays near 1 and an input gate that opens only at the start: that is the cell latching the first letter.',
  forget: 'Forget gate f',
  input: 'Input gate i',
  output: 'Output gate o',
  cell: 'Cell state c',
  rnnHidden: (name) => `${name}’s hidden state h`,
  mapLabel: (name, units, steps) => `${name}: ${units} units × ${steps} time steps`,
  sweepTitle: 'Accuracy against delay',
  sweepButton: 'Measure accuracy at other delays',
  sweepBusy: 'Measuring…',
  sweepNote: (step, trained) =>
    `The models as they were at step ${step} (trained at delay ${trained}), each measured on 128 new sequences per delay. Measured again when training ends. Below chance, even 0 %, does not mean nothing was remembered: the answer still depends on the opening letter, but at this delay it maps it to the wrong one.`,
  sweepChart: 'Recall accuracy against delay',
  delayAxis: 'Delay',
  allOut: 'Every model diverged: turn gradient clipping on or lower the learning rate, then press Reset.',
  noneOn: 'No model is chosen: tick at least one.',
  parametersText: (n) => countText(n, 'en'),
};

export const SEQUENCE_STRINGS: Record<Lang, SequenceStrings> = { zh, en };
