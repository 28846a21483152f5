/** The words of the metrics widget, in both languages (kept beside the widget). */
import type { Lang } from '../../i18n/strings';

const zh = {
  plot: '评估集的点、概率热力图与阈值线',
  plotDescription: (n: number, positives: number, t: string) =>
    `评估集 ${n} 个点的散点图，其中正类 ${positives} 个：正类为圆点，负类为方块。背景颜色表示模型判为正类的概率；实线是阈值 p = ${t} 对应的分界线，线的正类一侧预测为正类。`,
  heldOut: (train: number, evaluation: number) =>
    `模型只在 ${train} 个训练点上训练；下面所有的指标、直方图和 ROC 曲线都在另外 ${evaluation} 个评估点上计算，这些点模型训练时没见过。拖动阈值不会重新训练，只改变怎样读模型的输出。`,
  histogram: '两类的预测概率分布与阈值',
  histogramDescription: (t: string, recall: string, fpr: string) =>
    `横轴是模型给出的正类概率 p。正类的分布画在中线上方，负类画在下方，各按本类的比例计（每类加起来都是 1，上下两半的刻度各自独立）。竖线是阈值 ${t}，它右侧的点预测为正类：上方右侧占正类的 ${recall}（召回率），下方右侧占负类的 ${fpr}（假正例率）。`,
  histogramAxes: { x: '预测概率 p', y: '占本类的比例' },
  positiveAbove: '正类（上方）',
  negativeBelow: '负类（下方）',
  roc: 'ROC 曲线与当前阈值的位置',
  rocDescription: (auc: string, t: string, fpr: string, tpr: string) =>
    `ROC 曲线：横轴为假正例率，纵轴为真正例率（召回率），阈值从高到低扫过所有取值。虚线对角线是随机猜测。曲线下面积 AUC = ${auc}。圆点是当前阈值 ${t} 的位置：假正例率 ${fpr}，真正例率 ${tpr}。`,
  rocAxes: { x: '假正例率 FPR', y: '真正例率 TPR' },
  rocCurve: 'ROC 曲线',
  chance: '随机猜测',
  current: '当前阈值',
  confusion: (t: string) => `混淆矩阵（评估集，阈值 ${t}）`,
  actual: '真实',
  predicted: '预测',
  positive: '正类',
  negative: '负类',
  tp: '真正例 TP',
  fp: '假正例 FP',
  fn: '假负例 FN',
  tn: '真负例 TN',
  metric: '指标',
  value: '值',
  accuracy: '准确率',
  precision: '精确率',
  recall: '召回率',
  fpr: '假正例率',
  f1: 'F1 分数',
  auc: 'AUC（与阈值无关）',
  aucFormula: 'ROC 曲线下面积',
  total: '全部',
  baseline: '“全部预测为负类”的准确率',
  baselineFormula: '负类 / 全部',
  lossChart: '对数损失（交叉熵，对数刻度）',
  trainLoss: '训练集',
  evalLoss: '评估集',
  newData: '换一组数据',
};

const en: typeof zh = {
  plot: 'Evaluation points, probability map and threshold line',
  plotDescription: (n: number, positives: number, t: string) =>
    `Scatter plot of the ${n} evaluation points, ${positives} of them positive: positives are circles, negatives squares. The background shows the model's probability of the positive class; the solid line is where p = ${t}, the threshold: points on its positive side are predicted positive.`,
  heldOut: (train: number, evaluation: number) =>
    `The model trains on ${train} training points only; every metric, histogram and ROC curve below is measured on ${evaluation} other evaluation points it never saw. Moving the threshold does not retrain anything: it only changes how the model's output is read.`,
  histogram: 'Predicted probability per class, and the threshold',
  histogramDescription: (t: string, recall: string, fpr: string) =>
    `The horizontal axis is the model's probability p of the positive class. Positives are drawn above the middle line and negatives below it, each as shares of its own class (each adds up to 1; the two halves have their own scales). The vertical line is the threshold ${t}; points right of it are predicted positive: above, that is ${recall} of the positives (the recall); below, ${fpr} of the negatives (the false positive rate).`,
  histogramAxes: { x: 'predicted probability p', y: 'share of its class' },
  positiveAbove: 'positives (above)',
  negativeBelow: 'negatives (below)',
  roc: 'ROC curve and the current threshold on it',
  rocDescription: (auc: string, t: string, fpr: string, tpr: string) =>
    `ROC curve: false positive rate across, true positive rate (recall) up, as the threshold sweeps from high to low. The dashed diagonal is random guessing. Area under the curve AUC = ${auc}. The dot is the current threshold ${t}: false positive rate ${fpr}, true positive rate ${tpr}.`,
  rocAxes: { x: 'false positive rate FPR', y: 'true positive rate TPR' },
  rocCurve: 'ROC curve',
  chance: 'random guessing',
  current: 'current threshold',
  confusion: (t: string) => `Confusion matrix (evaluation points, threshold ${t})`,
  actual: 'Actual',
  predicted: 'Predicted',
  positive: 'positive',
  negative: 'negative',
  tp: 'true positives TP',
  fp: 'false positives FP',
  fn: 'false negatives FN',
  tn: 'true negatives TN',
  metric: 'Metric',
  value: 'Value',
  accuracy: 'Accuracy',
  precision: 'Precision',
  recall: 'Recall',
  fpr: 'False positive rate',
  f1: 'F1 score',
  auc: 'AUC (no threshold)',
  aucFormula: 'area under the ROC curve',
  total: 'all',
  baseline: 'Accuracy of “always negative”',
  baselineFormula: 'negatives / all',
  lossChart: 'Log-loss (cross-entropy, log scale)',
  trainLoss: 'training',
  evalLoss: 'evaluation',
  newData: 'New data',
};

export type MetricsStrings = typeof zh;

export const METRICS_STRINGS: Record<Lang, MetricsStrings> = { zh, en };
