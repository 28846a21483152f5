/** The words of the optimizer race, in both languages (kept beside the widget). */
import { countText } from '../../controls/format';
import type { Lang } from '../../i18n/strings';

const zh = {
  map: '损失曲面与四条下降路径',
  mapDescription: (surface: string) =>
    `${surface}的等高线图。颜色越深，离最小值越近；白色圆圈标出最小值点。每个优化器的路径用各自的颜色画出。点击地图（或聚焦地图后用方向键）可以换一个起点。`,
  pickHint: '点击地图可以换一个起点；聚焦地图后，也可以用方向键移动起点。',
  lossChart: 'f(θ) − f* 随步数的变化（对数刻度）',
  racer: '优化器',
  status: '状态',
  reached: '首次 f − f* < 10⁻³',
  gap: '当前 f − f*',
  position: '位置 (x, y)',
  running: '仍在赛道上',
  off: '未启用',
  out: (step: number) => `第 ${step} 步飞出`,
  never: '尚未达到',
  atStep: (step: number) => `第 ${step} 步`,
  allOut: '所有启用的优化器都飞出了地图（坐标超过 1000 或不再是有限数）：对这个曲面来说，它们的学习率太大了。请调小学习率，再点“重置”。',
  noneOn: '请至少启用一个优化器。',
};

const en: typeof zh = {
  map: 'Loss surface and the four descent paths',
  mapDescription: (surface: string) =>
    `Contour map of the ${surface}. Darker is closer to the minimum; white rings mark the minima. Each optimizer's path is drawn in its own colour. Click the map (or focus it and use the arrow keys) to start somewhere else.`,
  pickHint: 'Click the map to choose the start; with the map focused, the arrow keys move it.',
  lossChart: 'f(θ) − f* by step (log scale)',
  racer: 'Optimizer',
  status: 'Status',
  reached: 'First f − f* < 10⁻³',
  gap: 'f − f* now',
  position: 'Position (x, y)',
  running: 'in the race',
  off: 'off',
  out: (step: number) => `out at step ${countText(step, 'en')}`,
  never: 'not yet',
  atStep: (step: number) => `step ${countText(step, 'en')}`,
  allOut:
    'Every optimizer switched on has left the map (a coordinate past 1000 or no longer a finite number): their learning rates are too large for this surface. Lower them and press Reset.',
  noneOn: 'Switch on at least one optimizer.',
};

export type OptimizerRaceStrings = typeof zh;

export const OPTIMIZER_RACE_STRINGS: Record<Lang, OptimizerRaceStrings> = { zh, en };
