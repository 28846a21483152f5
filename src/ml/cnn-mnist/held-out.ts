/**
 * Held-out accuracy on every test digit, measured on a copy of the weights (so training goes on while it is
 * measured) one chunk of digits per training step: 10,000 digits at once would stall the worker for about
 * half a second, long enough to make Pause feel stuck.
 */
import * as tf from '@tensorflow/tfjs';
import { type CnnShape } from './architecture';
import { gatherPixels, type DigitSet } from './data';
import { buildCnn, buildDense } from './models';

const CHUNK = 1000;

export class HeldOutEvaluation {
  /** The accuracies of the last finished evaluation, −1 before the first (and for a network not trained). */
  accuracies: [number, number] = [-1, -1];
  /** The step whose weights the last finished evaluation measured, −1 before the first. */
  evaluatedAt = -1;
  /** The CNN's predicted class for every test digit at the last finished evaluation, −1 before the first. */
  readonly predictions: Float32Array;

  private readonly copies: (tf.LayersModel | null)[];
  private readonly chunks: tf.Tensor4D[] = [];
  private readonly pending: Float32Array;
  private correct = [0, 0];
  private next = -1;
  private measuring = -1;

  constructor(
    private readonly test: DigitSet,
    private readonly models: readonly (tf.LayersModel | null)[],
    shape: CnnShape,
    hidden: number | null,
  ) {
    this.copies = [buildCnn(shape, 0), hidden === null ? null : buildDense(hidden, 0)];
    this.predictions = new Float32Array(test.count).fill(-1);
    this.pending = new Float32Array(test.count);
  }

  /** Copies the weights of `step` and starts measuring them. */
  start(step: number) {
    this.models.forEach((model, i) => model && this.copies[i]?.setWeights(model.getWeights()));
    this.measuring = step;
    this.next = 0;
    this.correct = [0, 0];
  }

  /** Measures the next chunk, if an evaluation is under way. */
  advance() {
    if (this.next < 0) return;
    const from = this.next;
    const count = Math.min(CHUNK, this.test.count - from);
    const xs = this.chunk(from / CHUNK, from, count);
    const labels = this.test.labels.subarray(from, from + count);
    this.copies.forEach((copy, i) => {
      if (!copy) return;
      const classes = tf.tidy(() => (copy.predict(xs) as tf.Tensor2D).argMax(1));
      const predicted = classes.dataSync();
      classes.dispose();
      for (let k = 0; k < count; k++) {
        if (predicted[k] === labels[k]) this.correct[i] += 1;
        if (i === 0) this.pending[from + k] = predicted[k];
      }
    });
    this.next = from + count;
    if (this.next < this.test.count) return;
    this.accuracies = [this.correct[0] / this.test.count, this.copies[1] ? this.correct[1] / this.test.count : -1];
    this.predictions.set(this.pending);
    this.evaluatedAt = this.measuring;
    this.next = -1;
  }

  /** The test digits as float tensors, made once per chunk and kept. */
  private chunk(index: number, from: number, count: number): tf.Tensor4D {
    if (!this.chunks[index]) {
      const indices = Int32Array.from({ length: count }, (_, k) => from + k);
      // Kept: a training step runs inside the worker's tidy, which would free it at the end of the tick.
      this.chunks[index] = tf.keep(tf.tensor4d(gatherPixels(this.test.images, indices), [count, 28, 28, 1]));
    }
    return this.chunks[index];
  }

  dispose() {
    tf.dispose(this.chunks);
    this.copies.forEach((copy) => copy?.dispose());
  }
}
