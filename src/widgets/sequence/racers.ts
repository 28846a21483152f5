import type { CellKind } from '../../ml/sequence/contract';

export const LABEL: Record<CellKind, string> = { rnn: 'RNN', lstm: 'LSTM', gru: 'GRU' };
export const colorVar = (kind: CellKind) => `var(${{ rnn: '--series-2', lstm: '--series-1', gru: '--series-3' }[kind]})`;
