import { traceIndex } from '../../ml/shared/contract';
import { GD_VARIANTS, type GdVariantsInfo, type VariantName } from '../../ml/gd-variants/contract';

export const COLOR: Record<VariantName, string> = { batch: '--series-1', mini: '--series-3', sgd: '--series-2' };
export const colorVar = (name: VariantName) => `var(${COLOR[name]})`;

/** Where each kind of value starts in a step's trace: 3 losses, 3 × (β₀, β₁), 3 timings, in VARIANTS order. */
export const LOSS = traceIndex(GD_VARIANTS, 'batch.loss');
export const PARAMS = traceIndex(GD_VARIANTS, 'batch.b0');
export const MS = traceIndex(GD_VARIANTS, 'batch.ms');

/** The epochs variant `k` goes through per step: its batch size over n. */
export const epochsPerStep = (info: GdVariantsInfo | null, k: number) => (info ? info.batchSizes[k] / info.n : 1);
