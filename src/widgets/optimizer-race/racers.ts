import type { RacerName } from '../../ml/optimizer-race/contract';

export const LABEL: Record<RacerName, string> = { sgd: 'SGD', momentum: 'Momentum', rmsprop: 'RMSProp', adam: 'Adam' };
export const COLOR: Record<RacerName, string> = { sgd: '--series-1', momentum: '--series-2', rmsprop: '--series-3', adam: '--series-4' };
export const colorVar = (name: RacerName) => `var(${COLOR[name]})`;
