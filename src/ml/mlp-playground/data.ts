/**
 * The data sets of the neural-network playground, on TensorFlow Playground's terms so figures compare:
 * points in [−6, 6]², a noise level from 0 to 0.5, classification labels 1 / 0 (the Playground's +1 / −1)
 * and regression targets in [−1, 1]. Seeded, so a link reproduces the data. Then the input features the
 * learner switches on, and the split into training and test points.
 */
import { createRng, gaussian, shuffleInPlace, uniform, type Rng } from '../shared/random.ts';

export const PLAYGROUND_RANGE: [number, number] = [-6, 6];
export const CLASSIFICATION_SETS = ['circle', 'xor', 'gaussian', 'spiral', 'moons'] as const;
export const REGRESSION_SETS = ['plane', 'multi-gaussian'] as const;
export type PlaygroundSet = (typeof CLASSIFICATION_SETS)[number] | (typeof REGRESSION_SETS)[number];

export interface PlaygroundPoint {
  x1: number;
  x2: number;
  /** 1 or 0 for classification, a value in [−1, 1] for regression. */
  label: number;
}

export function isRegression(set: PlaygroundSet): boolean {
  return (REGRESSION_SETS as readonly string[]).includes(set);
}

/** A point drawn uniformly in a disc ring, by angle and radius as the Playground draws them. */
function polar(rng: Rng, rMin: number, rMax: number): [number, number] {
  const r = uniform(rng, rMin, rMax);
  const angle = uniform(rng, 0, 2 * Math.PI);
  return [r * Math.sin(angle), r * Math.cos(angle)];
}

/** The learner's noise slider jitters where the label is read (circle, XOR, regressions) by up to ±noise·radius. */
function jitter(rng: Rng, radius: number, noise: number): [number, number] {
  return [uniform(rng, -radius, radius) * noise, uniform(rng, -radius, radius) * noise];
}

function multiGaussianTarget(x: number, y: number): number {
  // Six bumps of alternating sign; each falls linearly from ±1 at its centre to 0 at distance 2.
  const bumps: [number, number, number][] = [
    [-4, 2.5, 1],
    [0, 2.5, -1],
    [4, 2.5, 1],
    [-4, -2.5, -1],
    [0, -2.5, 1],
    [4, -2.5, -1],
  ];
  let target = 0;
  for (const [cx, cy, sign] of bumps) {
    const value = sign * Math.max(0, 1 - Math.hypot(x - cx, y - cy) / 2);
    if (Math.abs(value) > Math.abs(target)) target = value;
  }
  return target;
}

export function makePlaygroundData(set: PlaygroundSet, count: number, noise: number, seed: number): PlaygroundPoint[] {
  const rng = createRng(seed);
  const points: PlaygroundPoint[] = [];
  const half = Math.floor(count / 2);
  switch (set) {
    case 'circle':
      // Half inside radius 2.5, half in the ring 3.5–5; the label is read at the jittered position.
      for (let i = 0; i < count; i++) {
        const [x1, x2] = polar(rng, i < half ? 0 : 3.5, i < half ? 2.5 : 5);
        const [dx, dy] = jitter(rng, 5, noise);
        points.push({ x1, x2, label: Math.hypot(x1 + dx, x2 + dy) < 2.5 ? 1 : 0 });
      }
      break;
    case 'xor':
      // Uniform in the square, kept 0.3 away from the axes; class 1 where x₁·x₂ ≥ 0.
      for (let i = 0; i < count; i++) {
        const pad = (v: number) => v + (v > 0 ? 0.3 : -0.3);
        const [x1, x2] = [pad(uniform(rng, -5, 5)), pad(uniform(rng, -5, 5))];
        const [dx, dy] = jitter(rng, 5, noise);
        points.push({ x1, x2, label: (x1 + dx) * (x2 + dy) >= 0 ? 1 : 0 });
      }
      break;
    case 'gaussian': {
      // Two clusters at (2, 2) and (−2, −2); their variance grows from 0.5 to 4 with the noise.
      const sd = Math.sqrt(0.5 + 7 * noise);
      for (let i = 0; i < count; i++) {
        const c = i < half ? 2 : -2;
        points.push({ x1: c + sd * gaussian(rng), x2: c + sd * gaussian(rng), label: i < half ? 1 : 0 });
      }
      break;
    }
    case 'spiral':
      // Two interleaved arms of 1.75 turns out to radius 5, each point jittered by up to ±noise.
      for (let i = 0; i < count; i++) {
        const arm = i < half ? 0 : 1;
        const j = arm ? i - half : i;
        const n = arm ? count - half : half;
        const r = (j / n) * 5;
        const t = 1.75 * (j / n) * 2 * Math.PI + arm * Math.PI;
        points.push({
          x1: r * Math.sin(t) + uniform(rng, -1, 1) * noise,
          x2: r * Math.cos(t) + uniform(rng, -1, 1) * noise,
          label: arm ? 0 : 1,
        });
      }
      break;
    case 'moons':
      // Two interleaved half circles of radius 3 (not in the Playground), jittered by up to ±noise·3.
      for (let i = 0; i < count; i++) {
        const upper = i < half;
        const t = uniform(rng, 0, Math.PI);
        const [x1, x2] = upper ? [3 * Math.cos(t) - 1.5, 3 * Math.sin(t) - 0.75] : [1.5 - 3 * Math.cos(t), 0.75 - 3 * Math.sin(t)];
        const [dx, dy] = jitter(rng, 3, noise);
        points.push({ x1: x1 + dx, x2: x2 + dy, label: upper ? 1 : 0 });
      }
      break;
    case 'plane':
    case 'multi-gaussian':
      for (let i = 0; i < count; i++) {
        const [x1, x2] = [uniform(rng, -6, 6), uniform(rng, -6, 6)];
        const [dx, dy] = jitter(rng, 6, noise);
        const label = set === 'plane' ? (x1 + dx + x2 + dy) / 10 : multiGaussianTarget(x1 + dx, x2 + dy);
        points.push({ x1, x2, label });
      }
      break;
  }
  return points;
}

export const FEATURES = ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'] as const;
export type Feature = (typeof FEATURES)[number];

export function featureValue(feature: Feature, x1: number, x2: number): number {
  switch (feature) {
    case 'x1':
      return x1;
    case 'x2':
      return x2;
    case 'x1Squared':
      return x1 * x1;
    case 'x2Squared':
      return x2 * x2;
    case 'x1x2':
      return x1 * x2;
    case 'sinX1':
      return Math.sin(x1);
    case 'sinX2':
      return Math.sin(x2);
  }
}

/** The network's input rows: the chosen features of every point, row-major. */
export function featureRows(points: readonly { x1: number; x2: number }[], features: readonly Feature[]): Float32Array {
  const rows = new Float32Array(points.length * features.length);
  points.forEach((p, i) => features.forEach((f, k) => (rows[i * features.length + k] = featureValue(f, p.x1, p.x2))));
  return rows;
}

/** A seeded shuffle, then the first share for training and the rest for testing (as the Playground splits). */
export function splitTrainTest<T>(points: readonly T[], trainShare: number, seed: number): { train: T[]; test: T[] } {
  const rng = createRng(seed ^ 0x7e57);
  const order = shuffleInPlace(
    points.map((_, i) => i),
    rng,
  );
  // At least one point on each side (a learner's own handful of points), when there are two.
  const cut = Math.min(points.length - 1, Math.max(1, Math.round(points.length * trainShare)));
  return { train: order.slice(0, cut).map((i) => points[i]), test: order.slice(cut).map((i) => points[i]) };
}
