/**
 * Two-class points in the plane, for logistic regression and the SVM: seeded presets and the format of a
 * learner's own points in a link. Labels are 0 and 1 here; the SVM reads 0 as −1.
 */
import { createRng, gaussian, uniform, type Rng } from './random';

export const WINDOW: [number, number] = [-3, 3];
// The playground's generated sets have 500 points, and a learner may edit them.
export const MAX_POINTS = 600;

export interface Points2D {
  x1: Float32Array;
  x2: Float32Array;
  label: Uint8Array;
}

export const PRESETS = ['separable', 'overlapping', 'xor', 'ring'] as const;
export type PresetName = (typeof PRESETS)[number];

const clampTo = (window: readonly [number, number], v: number) => Math.min(window[1], Math.max(window[0], v));
const clampToWindow = (v: number) => clampTo(WINDOW, v);

function build(count: number, make: (i: number) => [number, number, number]): Points2D {
  const points: Points2D = { x1: new Float32Array(count), x2: new Float32Array(count), label: new Uint8Array(count) };
  for (let i = 0; i < count; i++) {
    const [a, b, label] = make(i);
    points.x1[i] = clampToWindow(a);
    points.x2[i] = clampToWindow(b);
    points.label[i] = label;
  }
  return points;
}

function cluster(rng: Rng, cx: number, cy: number, sd: number): [number, number] {
  return [cx + sd * gaussian(rng), cy + sd * gaussian(rng)];
}

/** n points per class. Class 1 first, then class 0. Points falling outside the window are moved to its edge. */
export function makePreset(preset: PresetName, n: number, seed: number): Points2D {
  const rng = createRng(seed);
  switch (preset) {
    case 'separable':
    case 'overlapping': {
      const sd = preset === 'separable' ? 0.5 : 1.2;
      return build(2 * n, (i) => (i < n ? [...cluster(rng, 1, 1, sd), 1] : [...cluster(rng, -1, -1, sd), 0]));
    }
    case 'xor':
      // Class 1 in the first and third quadrants, class 0 in the others; each class split over two clusters.
      return build(2 * n, (i) => {
        const label = i < n ? 1 : 0;
        const first = (i < n ? i : i - n) < Math.ceil(n / 2);
        const [cx, cy] = label === 1 ? (first ? [1, 1] : [-1, -1]) : first ? [-1, 1] : [1, -1];
        return [...cluster(rng, cx, cy, 0.35), label];
      });
    case 'ring':
      // Class 1 uniformly in the disc of radius 1, class 0 in the ring 1.8 ≤ r ≤ 2.6 around it.
      return build(2 * n, (i) => {
        const inner = i < n;
        const angle = uniform(rng, 0, 2 * Math.PI);
        const r = inner ? Math.sqrt(rng()) : Math.sqrt(uniform(rng, 1.8 ** 2, 2.6 ** 2));
        return [r * Math.cos(angle), r * Math.sin(angle), inner ? 1 : 0];
      });
  }
}

/**
 * "x1_x2_label*…" with two decimals: characters a URL keeps as they are, so a link with a few hundred
 * points stays short. (Commas and semicolons are read too, for hand-written links.)
 */
export function formatPoints(points: Points2D): string {
  const parts: string[] = [];
  for (let i = 0; i < points.x1.length; i++) {
    parts.push(`${round2(points.x1[i])}_${round2(points.x2[i])}_${points.label[i]}`);
  }
  return parts.join('*');
}

/** The points exactly as a link holds them (two decimals), so a run on them and a run from the link agree. */
export function asInLink(points: Points2D): Points2D {
  return unflattenPoints(flattenPoints(points).map((v, i) => (i % 3 === 2 ? v : Number(round2(v)))));
}

function round2(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** The points in a link, or why they cannot be used (the widget then keeps its preset and says so). */
export function parsePoints(
  text: string,
  window: readonly [number, number] = WINDOW,
): Points2D | { error: 'malformed' | 'too-many' | 'outside' | 'one-class' } {
  const entries = text.split(/[*;]/).filter((e) => e.trim() !== '');
  if (entries.length > MAX_POINTS) return { error: 'too-many' };
  const points: Points2D = {
    x1: new Float32Array(entries.length),
    x2: new Float32Array(entries.length),
    label: new Uint8Array(entries.length),
  };
  for (let i = 0; i < entries.length; i++) {
    const fields = entries[i].split(/[_,]/);
    if (fields.length !== 3 || !fields.every((f) => /^\s*-?\d+(\.\d+)?\s*$/.test(f))) return { error: 'malformed' };
    const [a, b, label] = fields.map(Number);
    if (label !== 0 && label !== 1) return { error: 'malformed' };
    if (a < window[0] || a > window[1] || b < window[0] || b > window[1]) return { error: 'outside' };
    points.x1[i] = a;
    points.x2[i] = b;
    points.label[i] = label;
  }
  if (!points.label.includes(0) || !points.label.includes(1)) return { error: 'one-class' };
  return points;
}

/** Flat [x1, x2, label, …], the form points travel in to the training worker. */
export function flattenPoints(points: Points2D): number[] {
  const flat: number[] = [];
  for (let i = 0; i < points.x1.length; i++) flat.push(points.x1[i], points.x2[i], points.label[i]);
  return flat;
}

export function unflattenPoints(flat: ArrayLike<number>): Points2D {
  const count = Math.floor(flat.length / 3);
  const points: Points2D = { x1: new Float32Array(count), x2: new Float32Array(count), label: new Uint8Array(count) };
  for (let i = 0; i < count; i++) {
    points.x1[i] = flat[3 * i];
    points.x2[i] = flat[3 * i + 1];
    points.label[i] = flat[3 * i + 2];
  }
  return points;
}

/** A click at (a, b): removes the nearest point within `radius`, or else adds one of class `label`. */
export function togglePoint(
  points: Points2D,
  a: number,
  b: number,
  label: number,
  radius: number,
  window: readonly [number, number] = WINDOW,
): Points2D {
  let nearest = -1;
  let best = radius * radius;
  for (let i = 0; i < points.x1.length; i++) {
    const d = (points.x1[i] - a) ** 2 + (points.x2[i] - b) ** 2;
    if (d <= best) {
      best = d;
      nearest = i;
    }
  }
  const flat = flattenPoints(points);
  if (nearest >= 0) flat.splice(3 * nearest, 3);
  else if (points.x1.length < MAX_POINTS) flat.push(clampTo(window, a), clampTo(window, b), label);
  return unflattenPoints(flat);
}

/** The learner's own points when there are any (at least two), else the chosen preset's n points per class. */
export function pointsFor(params: { preset: PresetName; n: number }, seed: number, data: number[] | undefined): Points2D {
  if (data && data.length >= 6) return unflattenPoints(data);
  return makePreset(params.preset, params.n, seed);
}
