import { defineContract, type ContractParams } from '../shared/contract.ts';
import type { SurfaceName, surfaceGrid } from './surfaces';
import { runParams, type NumberSpec, type ParamSpec, type SwitchSpec } from '../../state/params.ts';

const racer = <const K extends string>(key: K, zh: string, en: string) =>
  ({ key, kind: 'switch', default: true, label: { zh, en } }) as const satisfies SwitchSpec;
const rate = <const K extends string>(key: K, value: number, zh: string, en: string) =>
  ({ key, kind: 'float', min: 1e-4, max: 1, default: value, scale: 'log', live: true, label: { zh, en } }) as const satisfies NumberSpec;
// The race has no randomness: no seed.
const [steps, speed] = runParams({ steps: 300, speed: 1, maxSteps: 3000, maxSpeed: 50 });

/** Defaults are the ill-conditioned bowl's; choosing another surface loads that surface's rates. */
export const OPTIMIZER_RACE_PARAMS = [
  {
    key: 'surface',
    kind: 'choice',
    default: 'bowl',
    // In the order of SURFACE_NAMES.
    options: [
      { value: 'bowl', label: { zh: '狭长的碗（病态）', en: 'Narrow bowl (ill-conditioned)' } },
      { value: 'rosenbrock', label: { zh: 'Rosenbrock 香蕉谷', en: 'Rosenbrock valley' } },
      { value: 'saddle', label: { zh: '鞍点', en: 'Saddle point' } },
    ],
    label: { zh: '损失曲面', en: 'Loss surface' },
  },
  racer('sgd', 'SGD', 'SGD'),
  rate('lrSgd', 0.018, 'SGD 学习率 η', 'SGD learning rate η'),
  racer('momentum', 'Momentum', 'Momentum'),
  rate('lrMomentum', 0.01, 'Momentum 学习率 η', 'Momentum learning rate η'),
  { key: 'mu', kind: 'float', min: 0, max: 0.99, default: 0.9, step: 0.01, label: { zh: '动量系数 μ', en: 'Momentum μ' } },
  racer('rmsprop', 'RMSProp', 'RMSProp'),
  rate('lrRmsprop', 0.05, 'RMSProp 学习率 η', 'RMSProp learning rate η'),
  { key: 'rho', kind: 'float', min: 0, max: 0.999, default: 0.9, step: 0.001, label: { zh: '衰减率 ρ', en: 'Decay ρ' } },
  racer('adam', 'Adam', 'Adam'),
  rate('lrAdam', 0.1, 'Adam 学习率 η', 'Adam learning rate η'),
  { key: 'beta1', kind: 'float', min: 0, max: 0.99, default: 0.9, step: 0.01, label: { zh: 'β₁', en: 'β₁' } },
  { key: 'beta2', kind: 'float', min: 0.9, max: 0.9999, default: 0.999, step: 0.0001, label: { zh: 'β₂', en: 'β₂' } },
  steps,
  speed,
  // The start point, set by clicking the surface. A point outside the surface's window means "its own start".
  { key: 'x0', kind: 'float', min: -10, max: 10, default: -4, hidden: true, label: { zh: '起点 x', en: 'Start x' } },
  { key: 'y0', kind: 'float', min: -10, max: 10, default: 1, hidden: true, label: { zh: '起点 y', en: 'Start y' } },
] as const satisfies readonly ParamSpec[];

export type OptimizerRaceParams = ContractParams<typeof OPTIMIZER_RACE>;

export const RACERS = ['sgd', 'momentum', 'rmsprop', 'adam'] as const;
export type RacerName = (typeof RACERS)[number];
/** tfjs's default for float32 backends, passed explicitly so the update formulas are fully specified. */
export const OPTIMIZER_EPSILON = 1e-7;
export const OUT_OF_BOUNDS = 1000;

export interface OptimizerRaceInfo {
  surface: SurfaceName;
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
