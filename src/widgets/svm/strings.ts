/** The words of the SVM widget, in both languages (kept beside the widget). */
import type { Lang } from '../../i18n/strings';

const zh = {
  plot: '数据、决策函数与间隔带',
  plotDescription: (n: number, sv: number) =>
    `${n} 个点的散点图：类别 +1 为圆点，类别 −1 为方块。背景颜色表示决策函数 f(x) 的符号和大小；实线是决策边界 f = 0，两条虚线是间隔带的两条边线 f = ±1；圈出的 ${sv} 个点是支持向量。`,
  lossChart: '目标函数 J（对数刻度）',
  supportVectors: '支持向量个数',
  margin: '间隔带宽度 2/‖w‖',
  accuracy: '训练准确率',
  objective: '目标函数 J',
  rbfMargin: '（用 RBF 核时间隔带是弯曲的，没有统一的宽度）',
  newData: '换一组数据',
};

const en: typeof zh = {
  plot: 'Data, decision function and margin band',
  plotDescription: (n: number, sv: number) =>
    `Scatter plot of ${n} points: class +1 as circles, class −1 as squares. The background shows the sign and size of the decision function f(x); the solid line is the decision boundary f = 0 and the dashed lines are the edges of the margin band, f = ±1; the ${sv} circled points are the support vectors.`,
  lossChart: 'Objective J (log scale)',
  supportVectors: 'Support vectors',
  margin: 'Band width 2/‖w‖',
  accuracy: 'Training accuracy',
  objective: 'Objective J',
  rbfMargin: '(with the RBF kernel the band is curved and has no single width)',
  newData: 'New data',
};

export type SvmStrings = typeof zh;

export const SVM_STRINGS: Record<Lang, SvmStrings> = { zh, en };
