/** The words of the linear-regression widget, in both languages (kept beside the widget). */
import type { Lang } from '../../i18n/strings';

const zh = {
  scatter: '数据与拟合直线',
  surface: '损失曲面与下降路径',
  learned: '梯度下降',
  closed: '正规方程（闭式解）',
  newData: '换一组数据',
  legendPath: '下降路径',
  minLoss: (v: string) => `闭式解的损失 ${v}`,
  legendNow: '当前参数',
  criticalLr: (v: string) => `在这组数据上，学习率超过约 ${v} 就会发散。`,
  scatterDescription: (n: number, b0: string, b1: string) => `${n} 个数据点的散点图，当前的拟合直线为 ŷ = ${b0} + ${b1}x。`,
  surfaceDescription:
    '横轴为 β₀，纵轴为 β₁。颜色越深，损失越小；等高线按对数间隔绘制。白色折线是梯度下降走过的路径，橙色圆点是当前参数，白色圆圈是闭式解。',
};

const en: typeof zh = {
  scatter: 'Data and fitted line',
  surface: 'Loss surface and descent path',
  learned: 'Gradient descent',
  closed: 'Normal equation (closed form)',
  newData: 'New data',
  legendPath: 'Descent path',
  minLoss: (v: string) => `closed-form loss ${v}`,
  legendNow: 'Current parameters',
  criticalLr: (v: string) => `On this data, learning rates above about ${v} diverge.`,
  scatterDescription: (n: number, b0: string, b1: string) => `Scatter plot of ${n} points with the current fitted line ŷ = ${b0} + ${b1}x.`,
  surfaceDescription:
    'β₀ across, β₁ up; darker means lower loss, contour lines are log-spaced, the white path is gradient descent, the orange dot the current parameters and the white ring the closed-form answer.',
};

export type LinearRegressionStrings = typeof zh;

export const LINEAR_REGRESSION_STRINGS: Record<Lang, LinearRegressionStrings> = { zh, en };
