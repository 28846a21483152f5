/** The scaling widget's own words, in both languages. */
import type { Lang } from '../../i18n/strings';

const zh = {
  widthChart: '模型越大，验证损失越低吗？',
  dataChart: '数据越多，验证损失越低吗？（宽度固定为 32）',
  axisParams: '参数个数 N（对数刻度）',
  axisData: '训练样本数 D（对数刻度）',
  axisCompute: '训练计算量，FLOPs（对数刻度）',
  axisLoss: '验证损失（均方误差，对数刻度）',
  dots: '每个训练完的模型',
  means: '同一规模各个种子的平均',
  fitLegend: '拟合 L = a·N^(−α) + L∞',
  fitLegendData: '拟合 L = b·D^(−β) + L∞',
  curves: '每个模型训练途中的验证损失',
  noFit: '至少要三种不同大小的模型训练完，才能拟合。',
  fitLine: (alpha: string, floor: string, a: string) => `拟合结果：α = ${alpha}，L∞ = ${floor}，a = ${a}`,
  fitLineData: (beta: string, floor: string) => `数据量的拟合：β = ${beta}，L∞ = ${floor}`,
  progress: (done: number, total: number) => `已训练完 ${done} / ${total} 个模型`,
  current: (width: number, parameters: number, examples: number) => `下一个：宽度 ${width}（${parameters} 个参数），${examples} 个训练样本`,
  allDone: '全部训练完了。可以换一个种子再量一次，或者把横轴换成训练计算量。',
  floorHint: '数据里加了标准差 0.05 的噪声，谁也预测不了它：验证损失不可能低于 0.0025，这就是 L∞ 的下限。',
  describeWidth: (count: number, alpha: string) =>
    `对数–对数图：横轴参数个数，纵轴验证损失。已完成 ${count} 个模型。${alpha ? `拟合指数 α = ${alpha}。` : ''}`,
  describeData: (count: number) => `对数–对数图：横轴训练样本数，纵轴验证损失，宽度 32 的网络，已完成 ${count} 个模型。`,
  describeCompute: (count: number) => `对数–对数图：横轴训练计算量，纵轴验证损失，每个模型一条线，已完成 ${count} 个模型。`,
  newSeed: '换一组种子重新量',
  tableCaption: '每种规模的验证损失（各种子的平均，括号里是最低–最高）',
  width: '宽度',
  parameters: '参数个数 N',
  examples: '训练样本数 D',
  loss: '验证损失',
};

type ScalingStrings = typeof zh;

const en: ScalingStrings = {
  widthChart: 'Does a bigger model reach a lower validation loss?',
  dataChart: 'Does more data reach a lower validation loss? (width fixed at 32)',
  axisParams: 'Parameters N (log scale)',
  axisData: 'Training examples D (log scale)',
  axisCompute: 'Training compute, FLOPs (log scale)',
  axisLoss: 'Validation loss (MSE, log scale)',
  dots: 'Each finished model',
  means: 'Mean over seeds at each size',
  fitLegend: 'Fit L = a·N^(−α) + L∞',
  fitLegendData: 'Fit L = b·D^(−β) + L∞',
  curves: 'Each model’s validation loss during its training',
  noFit: 'The fit needs finished models of at least three different sizes.',
  fitLine: (alpha, floor, a) => `Fit: α = ${alpha}, L∞ = ${floor}, a = ${a}`,
  fitLineData: (beta, floor) => `Fit over data size: β = ${beta}, L∞ = ${floor}`,
  progress: (done, total) => `${done} of ${total} models trained`,
  current: (width, parameters, examples) => `Next: width ${width} (${parameters} parameters), ${examples} training examples`,
  allDone: 'All trained. Measure again with new seeds, or put training compute on the horizontal axis.',
  floorHint:
    'The targets carry noise of standard deviation 0.05 that no model can predict: the validation loss cannot go below 0.0025, a lower bound for L∞.',
  describeWidth: (count, alpha) =>
    `Log–log chart: parameters across, validation loss up. ${count} models finished.${alpha ? ` Fitted exponent α = ${alpha}.` : ''}`,
  describeData: (count) => `Log–log chart: training examples across, validation loss up, network of width 32. ${count} models finished.`,
  describeCompute: (count) => `Log–log chart: training compute across, validation loss up, one line per model. ${count} models finished.`,
  newSeed: 'Measure again with new seeds',
  tableCaption: 'Validation loss at each size (mean over seeds, lowest–highest in brackets)',
  width: 'Width',
  parameters: 'Parameters N',
  examples: 'Training examples D',
  loss: 'Validation loss',
};

export const SCALING_STRINGS: Record<Lang, ScalingStrings> = { zh, en };
export type { ScalingStrings };
