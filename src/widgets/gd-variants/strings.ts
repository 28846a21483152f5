/** The words of the gradient-descent variants widget, in both languages (kept beside the widget). */
import type { Lang } from '../../i18n/strings';

const zh = {
  names: { batch: '批量', mini: '小批量', sgd: '随机' },
  long: {
    batch: '批量梯度下降（每步 n 个样本）',
    mini: (b: number) => `小批量梯度下降（每步 ${b} 个样本）`,
    sgd: '随机梯度下降（每步 1 个样本）',
  },
  scatter: '数据与三条拟合直线',
  scatterDescription: (n: number) => `${n} 个数据点的散点图，以及批量、小批量和随机梯度下降当前的拟合直线；虚线是闭式解。`,
  surface: '全部数据上的损失曲面与三条路径',
  surfaceDescription:
    '横轴为 β₀，纵轴为 β₁。颜色越深，全部数据上的损失越小；白色圆圈是闭式解。三条路径分别是批量、小批量和随机梯度下降的参数轨迹。',
  lossChartSteps: '全部数据上的损失随步数的变化（对数刻度）',
  lossChartEpochs: '全部数据上的损失随轮次（epoch）的变化（对数刻度），只画出三者都已走到的范围',
  variant: '方法',
  steps: '步数',
  epochs: '轮次',
  loss: '当前损失',
  time: '每步耗时',
  minLoss: (v: string) => `闭式解的损失 ${v}`,
  criticalLr: (v: string) =>
    `在这组数据上，批量梯度下降的学习率超过约 ${v} 就会发散；单个样本的梯度更陡，随机梯度下降在更小的学习率下就可能发散。`,
  newData: '换一组数据',
};

const en: typeof zh = {
  names: { batch: 'Batch', mini: 'Mini-batch', sgd: 'Stochastic' },
  long: {
    batch: 'Batch GD (n examples per step)',
    mini: (b: number) => `Mini-batch GD (${b} examples per step)`,
    sgd: 'Stochastic GD (1 example per step)',
  },
  scatter: 'Data and the three fitted lines',
  scatterDescription: (n: number) =>
    `Scatter plot of ${n} points with the current lines of batch, mini-batch and stochastic gradient descent; the dashed line is the closed form.`,
  surface: 'Loss on all the data, with the three paths',
  surfaceDescription:
    'β₀ across, β₁ up. Darker means a lower loss on all the data; the white ring is the closed-form answer. The three paths are the parameters that batch, mini-batch and stochastic gradient descent went through.',
  lossChartSteps: 'Loss on all the data by step (log scale)',
  lossChartEpochs: 'Loss on all the data by epoch (log scale), over the range all three have reached',
  variant: 'Method',
  steps: 'Steps',
  epochs: 'Epochs',
  loss: 'Loss now',
  time: 'Time per step',
  minLoss: (v: string) => `closed-form loss ${v}`,
  criticalLr: (v: string) =>
    `On this data, batch gradient descent diverges above a learning rate of about ${v}; single examples have steeper gradients, so stochastic descent can diverge sooner.`,
  newData: 'New data',
};

export type GdVariantsStrings = typeof zh;

export const GD_VARIANTS_STRINGS: Record<Lang, GdVariantsStrings> = { zh, en };
