/** The words of the constant-fit widget, in both languages (kept beside the widget). */
import type { Lang } from '../../i18n/strings';

const zh = {
  fitted: '当前的 c',
  best: '精确解 ȳ',
  minLoss: (v: string) => `最小损失 ${v}`,
  newData: '换一组数据',
};

const en: typeof zh = {
  fitted: 'Current c',
  best: 'Exact answer ȳ',
  minLoss: (v: string) => `minimum loss ${v}`,
  newData: 'New data',
};

export const CONSTANT_FIT_STRINGS: Record<Lang, typeof zh> = { zh, en };
