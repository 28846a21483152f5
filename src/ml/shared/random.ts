/** Seeded pseudo-random numbers, so that a seed in the URL reproduces data, initialisation and shuffling. */
export type Rng = () => number;

/** mulberry32: a small, fast 32-bit generator; returns floats in [0, 1). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal sample by the Box–Muller transform. */
export function gaussian(rng: Rng): number {
  let u = rng();
  while (u <= Number.EPSILON) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

export function uniform(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng();
}

/** Fisher–Yates in place (from the last index down), drawing one number from `rng` per swap. */
export function shuffleInPlace<A extends { length: number; [index: number]: unknown }>(items: A, rng: Rng): A {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
