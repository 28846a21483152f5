/**
 * The held-out accuracies as curves: the trace carries the last measured accuracy on every step (−1 before
 * the first measurement), which a chart must not draw. This keeps, per step, the accuracy or NaN (drawn as
 * nothing), appending only the steps that are new since the last render.
 */
import { useRef } from 'react';
import { CNN_MNIST } from '../../ml/cnn-mnist/contract';
import { traceIndex } from '../../ml/shared/contract';

const CNN = traceIndex(CNN_MNIST, 'accuracy');
const DENSE = traceIndex(CNN_MNIST, 'denseAccuracy');

export function useAccuracySeries(traces: readonly number[], width: number) {
  const kept = useRef({ source: traces, cnn: [] as number[], dense: [] as number[] });
  const k = kept.current;
  if (k.source !== traces || k.cnn.length * width > traces.length - width) {
    k.source = traces;
    k.cnn = [];
    k.dense = [];
  }
  if (width) {
    // The first record is the initial trace; step i's record follows at (i + 1)·width.
    for (let i = k.cnn.length; (i + 2) * width <= traces.length; i++) {
      const at = (i + 1) * width;
      k.cnn.push(traces[at + CNN] >= 0 ? traces[at + CNN] : NaN);
      k.dense.push(traces[at + DENSE] >= 0 ? traces[at + DENSE] : NaN);
    }
  }
  return { cnn: k.cnn, dense: k.dense };
}
