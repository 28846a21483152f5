import { describe, expect, it } from 'vitest';
import { bestStep, stopStep } from '../../src/ml/shared/early-stopping';
import { createRng, gaussian } from '../../src/ml/shared/random';

// Step:        1    2    3    4    5    6    7
const losses = [0.9, 0.7, 0.5, 0.6, 0.5, 0.8, 0.55];

describe('bestStep', () => {
  it('finds the lowest loss, counting steps from 1, and takes the first of a tie', () => {
    // 0.5 at step 3 and again at step 5 → 3.
    expect(bestStep(losses)).toBe(3);
    expect(bestStep(Float32Array.from([3, 2, 1]))).toBe(3);
    expect(bestStep([4])).toBe(1);
  });

  it('ignores losses that are not finite', () => {
    // Lowest finite value: 1 at step 4 (−∞ at step 5 is not a loss a run can reach).
    expect(bestStep([NaN, 2, Infinity, 1, -Infinity, NaN])).toBe(4);
  });

  it('is undefined with no finite loss', () => {
    expect(bestStep([])).toBeUndefined();
    expect(bestStep([NaN, Infinity])).toBeUndefined();
  });
});

describe('stopStep', () => {
  it('stops once the loss has not improved for `patience` steps', () => {
    // Best so far: 0.9, 0.7, 0.5 (step 3); then 0.6 (1 step without improvement), 0.5 (not lower: 2),
    // 0.8 (3), 0.55 (4).
    expect(stopStep(losses, 1)).toBe(4);
    expect(stopStep(losses, 2)).toBe(5);
    expect(stopStep(losses, 3)).toBe(6);
    expect(stopStep(losses, 4)).toBe(7);
    expect(stopStep(losses, 5)).toBeNull();
  });

  it('never stops a loss that keeps falling, or an empty run', () => {
    expect(stopStep([5, 4, 3, 2, 1], 1)).toBeNull();
    expect(stopStep([], 3)).toBeNull();
  });

  it('counts a non-finite loss as no improvement', () => {
    // NaN (1), 2 improves (0), ∞ (1), 1 improves (0), NaN (1), NaN (2) → stops at step 6.
    expect(stopStep([NaN, 2, Infinity, 1, NaN, NaN], 2)).toBe(6);
    expect(stopStep([NaN, NaN, NaN], 3)).toBe(3);
  });

  it('starts counting again after an improvement', () => {
    // 3 (best), 4 (1), 2 improves (0), 5 (1), 6 (2), 7 (3) → with patience 3, step 6.
    expect(stopStep([3, 4, 2, 5, 6, 7], 3)).toBe(6);
    expect(stopStep([3, 4, 2, 5, 6, 7], 2)).toBe(5);
  });

  it('requires a positive integer patience', () => {
    expect(() => stopStep(losses, 0)).toThrow(RangeError);
    expect(() => stopStep(losses, 1.5)).toThrow(RangeError);
  });

  it('stops exactly `patience` steps after the best step so far', () => {
    const rng = createRng(3);
    let stops = 0;
    for (let run = 0; run < 40; run++) {
      // A noisy U-shaped validation curve.
      const curve = Array.from({ length: 60 }, (_, t) => (t / 30 - 1) ** 2 + 0.05 * gaussian(rng));
      for (const patience of [1, 3, 8]) {
        const stop = stopStep(curve, patience);
        if (stop === null) {
          // Never stopping means the last stretch since the best step is shorter than the patience.
          expect(curve.length - bestStep(curve)!).toBeLessThan(patience);
        } else {
          stops++;
          expect(bestStep(curve.slice(0, stop))).toBe(stop - patience);
        }
      }
    }
    expect(stops).toBeGreaterThan(100);
  });
});
