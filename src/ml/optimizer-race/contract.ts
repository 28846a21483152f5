import { defineContract } from '../shared/contract';
import type { surfaceGrid } from './surfaces';
import type { ParamSpec } from '../../state/params.ts';

const toggle = (key: string, zh: string, en: string): ParamSpec => ({
  key,
  kind: 'int',
  min: 0,
  max: 1,
  default: 1,
  control: 'toggle',
  label: { zh, en },
});
const rate = (key: string, value: number, zh: string, en: string): ParamSpec => ({
  key,
  kind: 'float',
  min: 1e-4,
  max: 1,
  default: value,
  scale: 'log',
  live: true,
  label: { zh, en },
});

/** Defaults are the ill-conditioned bowl's; choosing another surface loads that surface's rates. */
export const OPTIMIZER_RACE_PARAMS: readonly ParamSpec[] = [
  {
    key: 'surface',
    kind: 'int',
    min: 0,
    max: 2,
    default: 0,
    control: 'select',
    options: [
      { zh: '狭长的碗（病态）', en: 'Narrow bowl (ill-conditioned)' },
      { zh: 'Rosenbrock 香蕉谷', en: 'Rosenbrock valley' },
      { zh: '鞍点', en: 'Saddle point' },
    ],
    label: { zh: '损失曲面', en: 'Loss surface' },
  },
  toggle('sgd', 'SGD', 'SGD'),
  rate('lrSgd', 0.018, 'SGD 学习率 η', 'SGD learning rate η'),
  toggle('momentum', 'Momentum', 'Momentum'),
  rate('lrMomentum', 0.01, 'Momentum 学习率 η', 'Momentum learning rate η'),
  { key: 'mu', kind: 'float', min: 0, max: 0.99, default: 0.9, step: 0.01, label: { zh: '动量系数 μ', en: 'Momentum μ' } },
  toggle('rmsprop', 'RMSProp', 'RMSProp'),
  rate('lrRmsprop', 0.05, 'RMSProp 学习率 η', 'RMSProp learning rate η'),
  { key: 'rho', kind: 'float', min: 0, max: 0.999, default: 0.9, step: 0.001, label: { zh: '衰减率 ρ', en: 'Decay ρ' } },
  toggle('adam', 'Adam', 'Adam'),
  rate('lrAdam', 0.1, 'Adam 学习率 η', 'Adam learning rate η'),
  { key: 'beta1', kind: 'float', min: 0, max: 0.99, default: 0.9, step: 0.01, label: { zh: 'β₁', en: 'β₁' } },
  { key: 'beta2', kind: 'float', min: 0.9, max: 0.9999, default: 0.999, step: 0.0001, label: { zh: 'β₂', en: 'β₂' } },
  { key: 'steps', kind: 'int', min: 10, max: 3000, default: 300, step: 10, live: true, label: { zh: '训练步数上限', en: 'Step budget' } },
  { key: 'speed', kind: 'int', min: 1, max: 50, default: 1, step: 1, live: true, label: { zh: '每帧步数', en: 'Steps per frame' } },
  // The start point, set by clicking the surface. A point outside the surface's window means "its own start".
  { key: 'x0', kind: 'float', min: -10, max: 10, default: -4, hidden: true, label: { zh: '起点 x', en: 'Start x' } },
  { key: 'y0', kind: 'float', min: -10, max: 10, default: 1, hidden: true, label: { zh: '起点 y', en: 'Start y' } },
];

export const RACERS = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export type RacerName = (typeof RACERS)[number];
/** tfjs's default for float32 backends, passed explicitly so the update formulas are fully specified. */
export const OPTIMIZER_EPSILON = 1e-7;
export const OUT_OF_BOUNDS = 1000;

export interface OptimizerRaceInfo {
  surface: number;
  racers: RacerName[];
  start: [number, number];
  minima: [number, number][];
  fMin: number;
  grid: ReturnType<typeof surfaceGrid>;
}

/** Each racer's block of a step's trace, racers in the order of `info.racers`. */
export const RACER_TRACE = ['loss', 'x', 'y', 'out'] as const;

export const OPTIMIZER_RACE = defineContract<OptimizerRaceInfo>()({
  id: 'optimizer-race',
  params: OPTIMIZER_RACE_PARAMS,
  // One RACER_TRACE block per racer in the race.
  trace: [],
});
