/**
 * Mini-batches drawn without replacement: the examples in a seeded random order, a fresh order every
 * epoch, the order read B at a time. A batch that runs past the end of an epoch's order continues in the
 * next one, so every batch has exactly B examples and after s steps exactly s·B examples have been seen.
 */
import { createRng, shuffleInPlace, type Rng } from './random';

export class BatchStream {
  private order: Int32Array;
  private cursor: number;
  private readonly rng: Rng;

  constructor(
    private readonly n: number,
    seed: number,
  ) {
    this.rng = createRng(seed);
    this.order = new Int32Array(n);
    this.cursor = n;
  }

  next(size: number): Int32Array {
    const batch = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      if (this.cursor === this.n) this.shuffle();
      batch[i] = this.order[this.cursor++];
    }
    return batch;
  }

  /** Fisher–Yates over 0 … n − 1. */
  private shuffle() {
    for (let i = 0; i < this.n; i++) this.order[i] = i;
    shuffleInPlace(this.order, this.rng);
    this.cursor = 0;
  }
}
