import { useMemo } from 'react';
import type { Points2D } from '../../ml/shared/classification-data';
import type { PlaygroundPoint } from '../../ml/mlp-playground/data';
import type { PlaygroundInfo } from '../../ml/mlp-playground/contract';

function toPoints(points: readonly PlaygroundPoint[], regression: boolean): Points2D {
  return {
    x1: Float32Array.from(points, (p) => p.x1),
    x2: Float32Array.from(points, (p) => p.x2),
    label: Uint8Array.from(points, (p) => (regression ? (p.label >= 0 ? 1 : 0) : p.label)),
  };
}

function joinPoints(a: Points2D, b: Points2D): Points2D {
  return {
    x1: Float32Array.from([...a.x1, ...b.x1]),
    x2: Float32Array.from([...a.x2, ...b.x2]),
    label: Uint8Array.from([...a.label, ...b.label]),
  };
}

/**
 * The model's training and test points as the output plot draws them (a regression's values as their
 * sign, the values themselves in `pointValues`), and both together, as the learner edits them.
 */
export function usePlaygroundPoints(info: PlaygroundInfo | null, regression: boolean) {
  const train = useMemo(() => (info ? toPoints(info.train, regression) : null), [info, regression]);
  const test = useMemo(() => (info ? toPoints(info.test, regression) : null), [info, regression]);
  const pointValues = useMemo(
    () => (info && regression ? { train: info.train.map((p) => p.label), test: info.test.map((p) => p.label) } : undefined),
    [info, regression],
  );
  const allPoints = useMemo(() => (train && test ? joinPoints(train, test) : null), [train, test]);
  return { train, test, pointValues, allPoints };
}
