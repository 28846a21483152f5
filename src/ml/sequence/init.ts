/**
 * Seeded initial weights for the recurrent cells, tfjs-free so a seed gives the same start on every backend:
 * Glorot-uniform input and output weights (as Keras and tfjs layers), orthogonal recurrent blocks scaled by a
 * gain (tfjs's `recurrentInitializer` default is orthogonal with gain 1), biases zero but the LSTM's forget
 * gate, which starts at the chosen bias.
 */
import { gaussian, type Rng } from '../shared/random.ts';

/** Row-major [rows × cols] from U(−a, a), a = √(6 / (rows + cols)). */
export function glorotUniform(rows: number, cols: number, rng: Rng): Float32Array {
  const limit = Math.sqrt(6 / (rows + cols));
  return Float32Array.from({ length: rows * cols }, () => (2 * rng() - 1) * limit);
}

/**
 * An n × n orthogonal matrix times `gain` (row-major): Gram–Schmidt on a Gaussian matrix, rows made
 * orthonormal one after another (twice, for float accuracy). Every singular value equals `gain`.
 */
export function orthogonal(n: number, gain: number, rng: Rng): Float64Array {
  const m = Float64Array.from({ length: n * n }, () => gaussian(rng));
  for (let i = 0; i < n; i++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let j = 0; j < i; j++) {
        let dot = 0;
        for (let k = 0; k < n; k++) dot += m[i * n + k] * m[j * n + k];
        for (let k = 0; k < n; k++) m[i * n + k] -= dot * m[j * n + k];
      }
    }
    let norm = 0;
    for (let k = 0; k < n; k++) norm += m[i * n + k] ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < n; k++) m[i * n + k] /= norm;
  }
  return m.map((v) => v * gain);
}

/** [hidden × gates·hidden]: one orthogonal block per gate, side by side. */
export function recurrentWeights(hidden: number, gates: number, gain: number, rng: Rng): Float32Array {
  const out = new Float32Array(hidden * gates * hidden);
  for (let g = 0; g < gates; g++) {
    const block = orthogonal(hidden, gain, rng);
    for (let r = 0; r < hidden; r++) for (let c = 0; c < hidden; c++) out[r * gates * hidden + g * hidden + c] = block[r * hidden + c];
  }
  return out;
}
