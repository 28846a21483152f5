/**
 * Reads two picks off the widget's flat trace: the early-stopping point, the step whose validation loss is
 * the lowest so far (src/ml/shared/early-stopping.ts decides), with that step's losses and parameters; and
 * the step the truth would pick, the lowest expected loss on new data so far.
 */
import { bestStep } from '../../ml/shared/early-stopping';
import { TRACE_NEW_DATA, TRACE_THETA, TRACE_TRAIN, TRACE_VALIDATION } from '../../ml/overfitting/contract';

export interface EarlyStopMark {
  /** 1-based, as the loss chart counts steps. */
  step: number;
  validation: number;
  train: number;
  /** The expected MSE on new data of the model kept. */
  newData: number;
  /** θ = [b, w₁, …, w_d] as measured at that step (before its update). */
  theta: number[];
}

export interface NewDataBest {
  step: number;
  newData: number;
}

/** The per-step values at `offset` of each record, skipping the initial trace (the first `width` values). */
export function stepSeries(traces: ArrayLike<number>, width: number, offset: number): Float64Array {
  const steps = width > 0 ? Math.max(0, Math.floor(traces.length / width) - 1) : 0;
  const out = new Float64Array(steps);
  for (let s = 0; s < steps; s++) out[s] = traces[(s + 1) * width + offset];
  return out;
}

export function earlyStopMark(traces: ArrayLike<number>, width: number): EarlyStopMark | null {
  const step = bestStep(stepSeries(traces, width, TRACE_VALIDATION));
  if (step === undefined) return null;
  const row = step * width;
  return {
    step,
    validation: traces[row + TRACE_VALIDATION],
    train: traces[row + TRACE_TRAIN],
    newData: traces[row + TRACE_NEW_DATA],
    theta: Array.from({ length: width - TRACE_THETA }, (_, k) => traces[row + TRACE_THETA + k]),
  };
}

export function newDataBest(traces: ArrayLike<number>, width: number): NewDataBest | null {
  const step = bestStep(stepSeries(traces, width, TRACE_NEW_DATA));
  return step === undefined ? null : { step, newData: traces[step * width + TRACE_NEW_DATA] };
}
