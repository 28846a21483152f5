/**
 * The metrics widget's data: two overlapping classes in the plane, isotropic Gaussians of unit standard
 * deviation whose centres lie `separation` apart on the diagonal, with an exact share of positives (class 1).
 * A training part the model learns from and a larger evaluation part the metrics are measured on, both drawn
 * from the same distribution with the same share.
 */
import type { Points2D } from '../shared/classification-data';
import { createRng, gaussian, type Rng } from '../shared/random';

export const TRAIN_SIZE = 400;
export const EVAL_SIZE = 1000;

export interface MetricsData {
  train: Points2D;
  evaluation: Points2D;
}

/** The positive class's centre; the negative one is its mirror image through the origin. */
export function positiveCentre(separation: number): [number, number] {
  const c = separation / 2 / Math.SQRT2;
  return [c, c];
}

/** round(share · size) positives, at least 1 and at most size − 1, so both classes always exist. */
export function positiveCount(size: number, sharePercent: number): number {
  return Math.min(size - 1, Math.max(1, Math.round((size * sharePercent) / 100)));
}

/** Negatives first, then positives (drawn last, so rare positives stay visible on a plot). */
function sample(rng: Rng, size: number, sharePercent: number, separation: number): Points2D {
  const positives = positiveCount(size, sharePercent);
  const [cx, cy] = positiveCentre(separation);
  const points: Points2D = { x1: new Float32Array(size), x2: new Float32Array(size), label: new Uint8Array(size) };
  for (let i = 0; i < size; i++) {
    const label = i >= size - positives ? 1 : 0;
    const sign = label === 1 ? 1 : -1;
    points.x1[i] = sign * cx + gaussian(rng);
    points.x2[i] = sign * cy + gaussian(rng);
    points.label[i] = label;
  }
  return points;
}

export function makeMetricsData(sharePercent: number, separation: number, seed: number): MetricsData {
  const rng = createRng(seed);
  const train = sample(rng, TRAIN_SIZE, sharePercent, separation);
  const evaluation = sample(rng, EVAL_SIZE, sharePercent, separation);
  return { train, evaluation };
}
