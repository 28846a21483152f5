import { describe, expect, it } from 'vitest';
import { EXPLOSION_FACTOR, isDiverged } from '../../src/ml/shared/divergence';

describe('isDiverged', () => {
  it('flags non-finite losses', () => {
    for (const loss of [NaN, Infinity, -Infinity]) expect(isDiverged(loss, 1)).toBe(true);
  });
  it('flags a loss that exploded relative to where it began', () => {
    expect(isDiverged(10 * EXPLOSION_FACTOR + 1, 10)).toBe(true);
    expect(isDiverged(10 * EXPLOSION_FACTOR - 1, 10)).toBe(false);
  });
  it('uses an absolute floor when the first loss is tiny', () => {
    expect(isDiverged(5, 1e-6)).toBe(false);
    expect(isDiverged(EXPLOSION_FACTOR + 1, 1e-6)).toBe(true);
  });
  it('lets a healthy, decreasing loss run', () => {
    expect(isDiverged(0.3, 12)).toBe(false);
  });
});
