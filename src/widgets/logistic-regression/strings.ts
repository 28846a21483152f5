/** The words of the logistic-regression widget, in both languages (kept beside the widget). */
import type { Lang } from '../../i18n/strings';

const zh = {
  plot: '数据、概率热力图与决策边界',
  plotDescription: (n: number, w1: string, w2: string, b: string) =>
    `${n} 个点的散点图：类别 1 为圆点，类别 0 为方块。背景颜色表示模型判为类别 1 的概率，实线是 p = 0.5 处的决策边界 ${w1}·x₁ + ${w2}·x₂ + ${b} = 0。`,
  lossChart: '交叉熵损失（对数刻度）',
  accuracyChart: '准确率（阈值 0.5）',
  accuracy: '准确率',
  newData: '换一组数据',
};

const en: typeof zh = {
  plot: 'Data, probability heatmap and decision boundary',
  plotDescription: (n: number, w1: string, w2: string, b: string) =>
    `Scatter plot of ${n} points: class 1 as circles, class 0 as squares. The background shows the model's probability of class 1; the solid line is the p = 0.5 decision boundary ${w1}·x₁ + ${w2}·x₂ + ${b} = 0.`,
  lossChart: 'Cross-entropy loss (log scale)',
  accuracyChart: 'Accuracy (threshold 0.5)',
  accuracy: 'Accuracy',
  newData: 'New data',
};

export type LogisticRegressionStrings = typeof zh;

export const LOGISTIC_REGRESSION_STRINGS: Record<Lang, LogisticRegressionStrings> = { zh, en };
