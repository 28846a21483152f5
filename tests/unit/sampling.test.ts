/** Sampling the next token: greedy, temperature, top-k and top-p against hand-computed cases. */
import { describe, expect, it } from 'vitest';
import { samplingDistribution, sampleToken, softmaxWithTemperature } from '../../src/ml/language-model/sampling';
import { createRng } from '../../src/ml/shared/random';

// Logits whose softmax at temperature 1 is exactly 0.5, 0.25, 0.125, 0.125 (logs of those numbers).
const LOGITS = [Math.log(4), Math.log(2), 0, 0];
const ALL = { temperature: 1, topK: 0, topP: 1 };

describe('sampling', () => {
  it('softmax with a temperature: T = 1 is the softmax, T = 0.5 squares and renormalises', () => {
    expect(Array.from(softmaxWithTemperature(LOGITS, 1)).map((p) => +p.toFixed(6))).toEqual([0.5, 0.25, 0.125, 0.125]);
    // (4², 2², 1, 1) / 22
    const half = softmaxWithTemperature(LOGITS, 0.5);
    [16 / 22, 4 / 22, 1 / 22, 1 / 22].forEach((p, i) => expect(half[i]).toBeCloseTo(p, 10));
  });

  it('top-k keeps the k most probable tokens, renormalised', () => {
    const p = samplingDistribution(LOGITS, { ...ALL, topK: 2 });
    [2 / 3, 1 / 3, 0, 0].forEach((q, i) => expect(p[i]).toBeCloseTo(q, 10));
  });

  it('top-p keeps the smallest set of most probable tokens reaching p', () => {
    // 0.5 < 0.6 ≤ 0.5 + 0.25: two tokens.
    const p = samplingDistribution(LOGITS, { ...ALL, topP: 0.6 });
    [2 / 3, 1 / 3, 0, 0].forEach((q, i) => expect(p[i]).toBeCloseTo(q, 10));
    // Exactly reaching p: 0.5 is enough for 0.5.
    expect(Array.from(samplingDistribution(LOGITS, { ...ALL, topP: 0.5 }))).toEqual([1, 0, 0, 0]);
    // 0.8 needs three (0.875); the tie between the last two goes to the lower id.
    const three = samplingDistribution(LOGITS, { ...ALL, topP: 0.8 });
    [4 / 7, 2 / 7, 1 / 7, 0].forEach((q, i) => expect(three[i]).toBeCloseTo(q, 10));
  });

  it('draws follow the distribution, and never leave the top-k', () => {
    const random = createRng(5);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20000; i++) counts[sampleToken(LOGITS, { ...ALL, greedy: false }, random)]++;
    [0.5, 0.25, 0.125, 0.125].forEach((p, i) => expect(counts[i] / 20000).toBeCloseTo(p, 1));
    const logits = Array.from({ length: 50 }, (_, i) => Math.sin(i * 1.7) * 3);
    const best = logits
      .map((z, i) => [z, i])
      .sort((a, b) => b[0] - a[0])
      .slice(0, 5)
      .map(([, i]) => i);
    for (let i = 0; i < 2000; i++) expect(best).toContain(sampleToken(logits, { temperature: 2, topK: 5, topP: 1, greedy: false }, random));
  });

  it('temperature → 0 is greedy, and greedy is the arg max', () => {
    const random = createRng(9);
    const logits = [0.3, 2.1, 2.0, -1];
    for (let i = 0; i < 200; i++) expect(sampleToken(logits, { ...ALL, temperature: 1e-7, greedy: false }, random)).toBe(1);
    expect(sampleToken(logits, { ...ALL, greedy: true }, random)).toBe(1);
    // At a small but positive temperature the second-best token is already vanishingly rare.
    const p = samplingDistribution(logits, { ...ALL, temperature: 0.01 });
    expect(p[2]).toBeCloseTo(Math.exp(-10) / (1 + Math.exp(-10)), 8);
  });
});
