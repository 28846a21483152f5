/**
 * Fitting one number c to data y₁ … yₙ by least squares, in plain TypeScript: the data, the loss
 * L(c) = (1/n) Σ (c − yᵢ)², its gradient dL/dc = 2 (c − ȳ) and the closed-form answer c* = ȳ.
 */
import { createRng, gaussian } from '../shared/random';

export const TRUE_VALUE = 2;

export function makeData(n: number, noise: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => TRUE_VALUE + noise * gaussian(rng));
}

export function mean(y: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += y[i];
  return sum / y.length;
}

export function loss(y: ArrayLike<number>, c: number): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (c - y[i]) ** 2;
  return sum / y.length;
}

export function gradient(y: ArrayLike<number>, c: number): number {
  return 2 * (c - mean(y));
}
