/** Arrivals (a burst, a Poisson stream) and the traffic split between two versions. Pure TypeScript, seeded. */
import type { Rng } from '../shared/random';

/** `count` requests all at time 0. */
export function burstArrivals(count: number): number[] {
  return new Array<number>(count).fill(0);
}

/**
 * A Poisson stream: `count` arrival times (ms, from 0) with independent exponential gaps of mean
 * 1000 / `ratePerSecond` ms, drawn from `rng`.
 */
export function poissonArrivals(count: number, ratePerSecond: number, rng: Rng): number[] {
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    t += (-Math.log(1 - rng()) * 1000) / ratePerSecond;
    times.push(t);
  }
  return times;
}

export type Version = 'stable' | 'canary';

/** Which version answers each of `count` requests: the canary with probability canaryPercent / 100, drawn from `rng`. */
export function splitTraffic(count: number, canaryPercent: number, rng: Rng): Version[] {
  return Array.from({ length: count }, () => route(canaryPercent, rng));
}

/** One request's version: the canary with probability canaryPercent / 100 (0 and 100 are certain). One draw. */
export function route(canaryPercent: number, rng: Rng): Version {
  const share = Math.min(100, Math.max(0, canaryPercent)) / 100;
  return rng() < share ? 'canary' : 'stable';
}
