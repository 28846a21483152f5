/** The overfitting widget's own words, in both languages (kept beside the widget, as the playground does). */
import { countText } from '../../controls/format';
import type { Lang } from '../../i18n/strings';

const zh = {
  plot: '数据、拟合的多项式与生成数据的曲线',
  plotDescription: (n: number, validation: number, degree: number, train: string, val: string) =>
    `横轴 x 从 −1 到 1。${n} 个训练点（实心）和 ${validation} 个验证点（空心），都来自曲线 y = sin(πx) 加上噪声。粗线是当前拟合的 ${degree} 次多项式：训练集均方误差 ${train}，验证集均方误差 ${val}。`,
  trainPoints: '训练点',
  validationPoints: '验证点（不参与训练）',
  current: '当前拟合',
  early: (step: number) => `早停的模型（第 ${step} 步）`,
  truth: '真实曲线 sin(πx)',
  closed: '训练损失的精确最小值（正规方程）',
  lossChart: '训练集、验证集和新数据上的均方误差（对数刻度）',
  trainSeries: '训练集均方误差',
  validationSeries: '验证集均方误差',
  newDataSeries: '新数据上的期望均方误差',
  marker: (step: number) => `验证损失最低：第 ${step} 步`,
  newDataMarker: (step: number) => `新数据上最低：第 ${step} 步`,
  newDataHint:
    '灰线是当前模型在同一来源的新数据上的期望均方误差，由真实曲线和噪声大小精确算出（不是抽样估计）。实际工作中没有这条线，只能靠验证集去估计它。',
  trainMse: '训练集均方误差',
  penalty: '正则项',
  objective: '训练损失（均方误差 + 正则项）',
  validationMse: '验证集均方误差',
  newDataMse: '新数据上的期望均方误差',
  bestStep: '验证损失最低的一步（早停点）',
  bestValidation: '那一步的验证集均方误差',
  bestNewData: '早停模型在新数据上的期望均方误差',
  newDataBestStep: '新数据上误差最低的一步',
  newDataBestValue: '新数据上期望均方误差的最低值',
  norm: '‖w‖₂（不含偏置 b）',
  zeros: (d: number) => `接近 0 的权重（|wₖ| < 0.01，共 ${d} 个）`,
  noClosedL1: 'L1 正则没有闭式解，所以图中不画“精确最小值”。',
  noClosedUnderdetermined: (params: number, n: number) =>
    `参数（${params} 个）比训练点（${n} 个）多，又没有正则项：能穿过每个训练点的多项式有无穷多个，训练损失的最小值不唯一，所以图中不画“精确最小值”。`,
  newData: '换一组数据',
};

export type OverfittingStrings = typeof zh;

const en: OverfittingStrings = {
  plot: 'Data, the fitted polynomial and the curve the data come from',
  plotDescription: (n, validation, degree, train, val) =>
    `x runs from −1 to 1. ${n} training points (filled) and ${validation} validation points (hollow), all drawn from y = sin(πx) plus noise. The thick line is the current degree-${degree} polynomial: training MSE ${train}, validation MSE ${val}.`,
  trainPoints: 'Training points',
  validationPoints: 'Validation points (not trained on)',
  current: 'Current fit',
  early: (step) => `Early-stopped model (step ${countText(step, 'en')})`,
  truth: 'True curve sin(πx)',
  closed: 'Exact minimum of the training loss (normal equations)',
  lossChart: 'Training, validation and new-data MSE (log scale)',
  trainSeries: 'Training MSE',
  validationSeries: 'Validation MSE',
  newDataSeries: 'Expected MSE on new data',
  marker: (step) => `lowest validation loss: step ${countText(step, 'en')}`,
  newDataMarker: (step) => `lowest on new data: step ${countText(step, 'en')}`,
  newDataHint:
    'The grey curve is the expected MSE of the current model on new data from the same source, computed exactly from the true curve and the noise level (not estimated from a sample). Real work has no such curve: the validation set is there to estimate it.',
  trainMse: 'Training MSE',
  penalty: 'Penalty',
  objective: 'Training loss (MSE + penalty)',
  validationMse: 'Validation MSE',
  newDataMse: 'Expected MSE on new data',
  bestStep: 'Step with the lowest validation loss (early stop)',
  bestValidation: 'Validation MSE at that step',
  bestNewData: 'Expected MSE on new data of the early-stopped model',
  newDataBestStep: 'Step with the lowest error on new data',
  newDataBestValue: 'Lowest expected MSE on new data',
  norm: '‖w‖₂ (bias b excluded)',
  zeros: (d) => `Weights near 0 (|wₖ| < 0.01, of ${d})`,
  noClosedL1: 'L1 has no closed-form minimum, so no “exact minimum” is drawn.',
  noClosedUnderdetermined: (params, n) =>
    `More parameters (${params}) than training points (${n}) and no penalty: infinitely many polynomials pass through every training point, the minimum of the training loss is not unique, so no “exact minimum” is drawn.`,
  newData: 'New data',
};

export const OVERFITTING_STRINGS: Record<Lang, OverfittingStrings> = { zh, en };
