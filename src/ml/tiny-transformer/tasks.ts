/**
 * The sequence tasks, without tfjs: a causal model reads L digits, a separator, and writes the answer one
 * digit at a time (teacher forcing in training: it sees the right digits so far and predicts the next).
 * Token ids: the digits 0–9, then SEP = 10.
 */
import type { Rng } from '../shared/random';

export type Task = 'reverse' | 'sort';
export const DIGITS = 10;
export const SEP = 10;
export const VOCABULARY = 11;

export function answer(task: Task, input: readonly number[]): number[] {
  return task === 'reverse' ? [...input].reverse() : [...input].sort((a, b) => a - b);
}

/** The whole sequence a model sees: input, separator, answer (2L + 1 tokens; the last is never read). */
export function sequence(task: Task, input: readonly number[]): number[] {
  return [...input, SEP, ...answer(task, input)];
}

export function randomInput(length: number, rng: Rng): number[] {
  return Array.from({ length }, () => Math.floor(rng() * DIGITS));
}

/** Position t predicts token t + 1; the answer's tokens are predicted at positions L … 2L − 1. */
export function answerPositions(length: number): { from: number; to: number } {
  return { from: length, to: 2 * length };
}

/** The sinusoidal encoding: PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i + 1) = cos(pos / 10000^(2i/d)). */
export function sinusoidalEncoding(positions: number, width: number): Float32Array {
  const out = new Float32Array(positions * width);
  for (let pos = 0; pos < positions; pos++)
    for (let i = 0; i < width; i += 2) {
      const angle = pos / Math.pow(10000, i / width);
      out[pos * width + i] = Math.sin(angle);
      if (i + 1 < width) out[pos * width + i + 1] = Math.cos(angle);
    }
  return out;
}
