/** The normalization widget's own words, in both languages (kept beside the widget, like the playground's). */
import { countText } from '../../controls/format';
import type { Lang } from '../../i18n/strings';
import type { Scaling } from '../../ml/normalization/math';

const zh = {
  runs: { raw: '原始特征', standardize: '标准化后的特征', minmax: '最小–最大缩放后的特征' } as Record<Scaling, string>,
  short: { raw: '原始', standardize: '标准化', minmax: '最小–最大' } as Record<Scaling, string>,
  lossChart: '两次训练的损失（对数刻度），学习率相同',
  minLoss: (v: string) => `L* = ${v}（可能的最小损失）`,
  map: (run: string) => `${run}：损失等高线与下降路径`,
  mapDescription: (run: string, b: string, condition: string, position: string) =>
    `${run}的损失等高线图：横轴 w₁，纵轴 w₂，两轴刻度相同；画的是 b 固定在这次训练当前值 ${b} 时的切面。颜色越深，损失越小；白色圆圈是最小二乘解；彩色线是 (w₁, w₂) 走过的路径，现在位于 ${position}。条件数 κ = ${condition}：κ 越大，山谷越狭长。`,
  sliceHint:
    '等高线画的是 b 取这次训练当前值时的切面，所以每一步都正好沿切面的下坡方向走。特征没有中心化时（原始、最小–最大），b 和 w 互相牵连，b 一变，山谷也跟着移动。',
  ring: '最小二乘解',
  run: '训练',
  condition: '条件数 κ = λ_max/λ_min',
  critical: '最大稳定学习率 2/λ_max',
  loss: '当前损失',
  reached: '损失进入 L*（最小可能值）的 1% 以内',
  model: '换算回原始单位的模型',
  atStep: (s: number) => `第 ${s} 步`,
  notYet: '尚未达到',
  outAt: (s: number) => `第 ${s} 步发散`,
  runOut: (run: string, step: number, lr: string, critical: string) =>
    `${run}的训练在第 ${step} 步发散：学习率 ${lr} 超过了它的上限 2/λ_max ≈ ${critical}，每一步都越过谷底、落得更远。它的参数停在被叫停时的位置，另一次训练照常进行。调小学习率，再点“重置”。`,
  allOut: '两次训练都发散了：这个学习率对两者都太大（见表中的最大稳定学习率）。调小学习率，再点“重置”。',
  sameAnswer: '缩放只改变梯度下降走的路，不改变答案：两次训练都收敛后，换算回原始单位的模型是同一个。',
  features: '三种处理下的两个特征（每个点是一个样本）',
  groups: { raw: '原始', standardize: '标准化 (x − μ)/σ', minmax: '最小–最大 (x − min)/(max − min)' } as Record<Scaling, string>,
  featuresDescription: (parts: string[]) => `每种处理下 x₁ 与 x₂ 的取值范围：${parts.join('；')}。`,
  featureRange: (group: string, x1: string, x2: string) => `${group}：x₁ 从 ${x1}，x₂ 从 ${x2}`,
  range: (low: string, high: string) => `${low} 到 ${high}`,
  outlierNote: (value: string, mm: string, z: string) =>
    `圈出的是异常值：有一个样本的 x₁ 被记成了真实值的 10 倍（${value}），它的 y 仍是真实的。最小–最大缩放由它决定最大值，其余样本的 x₁ 被挤进 ${mm}；标准化后的 σ 也被它撑大，其余样本落在 ${z}，但标准化特征的方差始终是 1，所以梯度下降仍然很快。异常值本身把拟合拉偏了：L* 变大，x₁ 的系数变小——这与怎样缩放无关，要靠清洗数据解决。`,
  noOutlier: '打开“加入一个异常值”，看看两种缩放怎样对待一个极端值。',
  newData: '换一组数据',
};

export type NormalizationStrings = typeof zh;

const en: NormalizationStrings = {
  runs: { raw: 'Raw features', standardize: 'Standardized features', minmax: 'Min–max scaled features' },
  short: { raw: 'raw', standardize: 'standardized', minmax: 'min–max' },
  lossChart: 'Loss of both runs (log scale), same learning rate',
  minLoss: (v: string) => `L* = ${v} (lowest possible)`,
  map: (run: string) => `${run}: loss contours and the descent path`,
  mapDescription: (run: string, b: string, condition: string, position: string) =>
    `Loss contours for the ${run.toLowerCase()}: w₁ across, w₂ up, both axes on the same scale; the slice at the run's current b = ${b}. Darker means a lower loss; the white ring is the least-squares answer; the coloured line is the path of (w₁, w₂), now at ${position}. Condition number κ = ${condition}: the larger κ, the longer and narrower the valley.`,
  sliceHint:
    'Each map is the slice at the run’s current b, so every step goes straight downhill on it. Where the features are not centred (raw, min–max), b and w pull on each other, and the valley moves as b changes.',
  ring: 'least-squares answer',
  run: 'Run',
  condition: 'Condition number κ = λ_max/λ_min',
  critical: 'Largest stable rate 2/λ_max',
  loss: 'Loss now',
  reached: 'Loss within 1 % of L* (the lowest possible)',
  model: 'The model in the original units',
  atStep: (s: number) => `step ${countText(s, 'en')}`,
  notYet: 'not yet',
  outAt: (s: number) => `diverged at step ${countText(s, 'en')}`,
  runOut: (run: string, step: number, lr: string, critical: string) =>
    `The run on ${run.toLowerCase()} diverged at step ${countText(step, 'en')}: a learning rate of ${lr} is above its limit 2/λ_max ≈ ${critical}, so each step overshoots the bottom of the valley and lands further away. Its parameters stay where they were when it was stopped; the other run goes on. Lower the learning rate and press Reset.`,
  allOut:
    'Both runs diverged: this learning rate is too large for both (see the largest stable rates in the table). Lower it and press Reset.',
  sameAnswer:
    'Scaling changes the path gradient descent takes, not the answer: once both runs have converged, their models in the original units are the same.',
  features: 'Both features under each transform (one dot per example)',
  groups: { raw: 'Raw', standardize: 'Standardized (x − μ)/σ', minmax: 'Min–max (x − min)/(max − min)' },
  featuresDescription: (parts: string[]) => `Where x₁ and x₂ lie under each transform: ${parts.join('; ')}.`,
  featureRange: (group: string, x1: string, x2: string) => `${group}: x₁ from ${x1}, x₂ from ${x2}`,
  range: (low: string, high: string) => `${low} to ${high}`,
  outlierNote: (value: string, mm: string, z: string) =>
    `The ringed dot is the outlier: one example's x₁ was recorded ten times too large (${value}); its y is the real one. It sets min–max scaling's maximum, so every other x₁ is squeezed into ${mm}. It inflates standardization's σ too, leaving the others in ${z}, but a standardized feature always has variance 1, so gradient descent stays fast. The outlier also drags the fit itself — L* rises and x₁'s weight shrinks — whatever the scaling: that takes cleaning the data.`,
  noOutlier: 'Switch on “Add one outlier” to see what each scaling does with one extreme value.',
  newData: 'New data',
};

export const NORMALIZATION_STRINGS: Record<Lang, NormalizationStrings> = { zh, en };
