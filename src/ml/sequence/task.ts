/**
 * The memory task: a sequence opens with one of K symbols, then `delay` distractors, then a query mark; the
 * model must answer, at the query, which symbol opened the sequence. Chance is 1/K. Distractors are drawn from
 * their own small alphabet, so the symbol to recall is never repeated by chance later in the sequence.
 *
 * Token ids: 0 … K−1 the symbols to recall, K … K+DISTRACTORS−1 the distractors, then the query mark.
 */
import { createRng } from '../shared/random.ts';

export const DISTRACTORS = 4;
/** Letters for the symbols to recall (K ≤ 8), digits for the distractors, '?' for the query. */
export const SYMBOL_NAMES = 'ABCDEFGH';
export const DISTRACTOR_NAMES = '1234';
export const QUERY_NAME = '?';

export const vocabularySize = (symbols: number) => symbols + DISTRACTORS + 1;
export const queryId = (symbols: number) => symbols + DISTRACTORS;
/** The first symbol, the delay's distractors, the query. */
export const sequenceLength = (delay: number) => delay + 2;

export function tokenName(id: number, symbols: number): string {
  if (id < symbols) return SYMBOL_NAMES[id];
  if (id < symbols + DISTRACTORS) return DISTRACTOR_NAMES[id - symbols];
  return QUERY_NAME;
}

export interface SequenceBatch {
  /** Token ids, time-major: ids[t · size + b] is sequence b's token at time t. */
  ids: Int32Array;
  /** The symbol each sequence must recall (its first token). */
  labels: Int32Array;
  size: number;
  length: number;
}

/** A source of batches: one seeded stream, so a seed reproduces every batch a run trains on. */
export function createTask(symbols: number, delay: number, seed: number) {
  const rng = createRng(seed);
  const length = sequenceLength(delay);
  return (size: number): SequenceBatch => {
    const ids = new Int32Array(length * size);
    const labels = new Int32Array(size);
    for (let b = 0; b < size; b++) {
      const label = Math.floor(rng() * symbols);
      labels[b] = label;
      ids[b] = label;
      for (let t = 1; t <= delay; t++) ids[t * size + b] = symbols + Math.floor(rng() * DISTRACTORS);
      ids[(length - 1) * size + b] = queryId(symbols);
    }
    return { ids, labels, size, length };
  };
}

/** The ids of sequence `b` of a batch, in time order. */
export function sequenceOf(batch: SequenceBatch, b: number): number[] {
  return Array.from({ length: batch.length }, (_, t) => batch.ids[t * batch.size + b]);
}
