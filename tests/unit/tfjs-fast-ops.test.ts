/**
 * The wasm-friendly replacements of tfjs ops give tfjs's own values and gradients: matMul with explicit
 * transposes, the sparse softmax cross-entropy, and the UnsortedSegmentSum kernel behind tf.gather's gradient.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matMul, matMulTransposed } from '../../src/ml/tfjs/matmul-explicit';
import { sparseSoftmaxCrossEntropy } from '../../src/ml/tfjs/sparse-cross-entropy';
import { ensureWasmUnsortedSegmentSum } from '../../src/ml/tfjs/unsorted-segment-sum';
import { useBackend } from '../bench/backends';

function close(a: tf.Tensor, b: tf.Tensor, tolerance = 1e-4) {
  expect(a.shape).toEqual(b.shape);
  const x = a.dataSync();
  const y = b.dataSync();
  for (let i = 0; i < x.length; i++) expect(Math.abs(x[i] - y[i])).toBeLessThan(tolerance * (1 + Math.abs(y[i])));
}

describe.each(['cpu', 'wasm'] as const)('on %s', (backend) => {
  beforeAll(useBackend(backend));
  afterAll(useBackend('cpu'));

  it('matMul has tf.matMul’s values and gradients, for matrices and batches of heads', () => {
    tf.tidy(() => {
      for (const [sa, sb] of [
        [
          [3, 5],
          [5, 4],
        ],
        [
          [2, 3, 6, 4],
          [2, 3, 4, 5],
        ],
      ]) {
        const a = tf.randomNormal(sa, 0, 1, 'float32', 1);
        const b = tf.randomNormal(sb, 0, 1, 'float32', 2);
        const f = (m: typeof matMul) => (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(m(x as tf.Tensor2D, y)));
        close(matMul(a as tf.Tensor2D, b), tf.matMul(a, b));
        const [ga, gb] = tf.grads(f(matMul))([a, b]);
        const [ha, hb] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.square(tf.matMul(x, y))))([a, b]);
        close(ga, ha);
        close(gb, hb);
      }
    });
  });

  it('matMulTransposed is A·Bᵀ, gradients included', () => {
    tf.tidy(() => {
      const a = tf.randomNormal([2, 2, 5, 3], 0, 1, 'float32', 3);
      const b = tf.randomNormal([2, 2, 4, 3], 0, 1, 'float32', 4);
      close(matMulTransposed(a as tf.Tensor4D, b), tf.matMul(a, b, false, true));
      const [ga, gb] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.sin(matMulTransposed(x as tf.Tensor4D, y))))([a, b]);
      const [ha, hb] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.sin(tf.matMul(x, y, false, true))))([a, b]);
      close(ga, ha);
      close(gb, hb);
    });
  });

  it('the sparse cross-entropy equals softmaxCrossEntropy on one-hot labels, gradient included', () => {
    tf.tidy(() => {
      const logits = tf.mul(tf.randomNormal([6, 7], 0, 1, 'float32', 5), 3) as tf.Tensor2D;
      const ids = [0, 6, 3, 3, 1, 5];
      const labels = tf.tensor1d(ids, 'int32');
      const oneHot = tf.tensor2d(
        ids.flatMap((id) => Array.from({ length: 7 }, (_, j) => (j === id ? 1 : 0))),
        [6, 7],
      );
      const ours = (z: tf.Tensor) => sparseSoftmaxCrossEntropy(z as tf.Tensor2D, labels);
      const theirs = (z: tf.Tensor) => tf.losses.softmaxCrossEntropy(oneHot, z) as tf.Scalar;
      close(ours(logits), theirs(logits));
      close(tf.grad(ours)(logits), tf.grad(theirs)(logits));
      // By hand for one row: −log softmax(z)[label].
      const z = [1, 2, 3];
      const expected = -(3 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)));
      expect(sparseSoftmaxCrossEntropy(tf.tensor2d([z]), tf.tensor1d([2], 'int32')).dataSync()[0]).toBeCloseTo(expected, 5);
    });
  });

  it('tf.gather’s gradient sums the rows of repeated ids (UnsortedSegmentSum)', () => {
    ensureWasmUnsortedSegmentSum();
    tf.tidy(() => {
      const table = tf.tensor2d([1, 2, 3, 4, 5, 6, 7, 8], [4, 2]);
      const ids = tf.tensor1d([2, 0, 2, 3, 2], 'int32');
      const weights = tf.tensor2d([1, 10, 2, 20, 3, 30, 4, 40, 5, 50], [5, 2]);
      const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), weights)))(table);
      // Row 2 is read three times (weights rows 0, 2, 4); row 1 never.
      expect(Array.from(grad.dataSync())).toEqual([2, 20, 0, 0, 9, 90, 4, 40]);
      expect(Array.from(tf.unsortedSegmentSum(weights, tf.tensor1d([1, 1, -1, 0, 9], 'int32'), 2).dataSync())).toEqual([4, 40, 3, 30]);
    });
  });
});
