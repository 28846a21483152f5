/**
 * What the playground draws, computed on the page from the weights the worker reports: every neuron's
 * output over a grid of the input plane (the small heatmaps of the network diagram) and the network's
 * output there (the large one). Plain typed-array loops, layer by layer over all cells at once: for these
 * small networks that is a few milliseconds a frame, with no tfjs on the main thread.
 */
import type { Activation, MlpShape, MlpWeights } from './mlp';
import { featureValue, type Feature } from './playground-data';

/** The weights in the order the trainer's state() packs them: W⁽¹⁾ (row-major), b⁽¹⁾, W⁽²⁾, b⁽²⁾, … */
export function unpackWeights(sizes: readonly number[], flat: ArrayLike<number>): MlpWeights {
  const W: Float32Array[] = [];
  const b: Float32Array[] = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const count = sizes[l] * sizes[l + 1];
    W.push(Float32Array.from({ length: count }, (_, i) => flat[at + i]));
    at += count;
    b.push(Float32Array.from({ length: sizes[l + 1] }, (_, i) => flat[at + i]));
    at += sizes[l + 1];
  }
  if (at !== flat.length) throw new Error(`expected ${at} weights for layers ${sizes.join('-')}, got ${flat.length}`);
  return { W, b };
}

export interface PlaneGrid {
  cols: number;
  rows: number;
  /** Each input feature's value at every cell, row by row from the bottom (x₂ = range[0]) up. */
  inputs: Float32Array[];
}

/** Cell (c, r) sits at x₁ = range[0] + c·(range[1] − range[0])/(cols − 1), and likewise x₂ with r. */
export function planeGrid(features: readonly Feature[], cols: number, rows: number, range: readonly [number, number]): PlaneGrid {
  const inputs = features.map(() => new Float32Array(cols * rows));
  for (let r = 0; r < rows; r++) {
    const x2 = range[0] + (r / (rows - 1)) * (range[1] - range[0]);
    for (let c = 0; c < cols; c++) {
      const x1 = range[0] + (c / (cols - 1)) * (range[1] - range[0]);
      features.forEach((feature, f) => (inputs[f][r * cols + c] = featureValue(feature, x1, x2)));
    }
  }
  return { cols, rows, inputs };
}

/**
 * Every layer's neurons over the grid: result[l][j] holds neuron j of layer l at every cell, with
 * result[0] the inputs and the last layer the output (a probability for classification, the value for
 * regression), the same numbers forward() of mlp.ts computes point by point.
 */
export function gridActivations(shape: MlpShape, weights: MlpWeights, grid: PlaneGrid): Float32Array[][] {
  const cells = grid.cols * grid.rows;
  const layers: Float32Array[][] = [grid.inputs];
  const L = shape.sizes.length - 1;
  for (let l = 1; l <= L; l++) {
    const [inSize, outSize] = [shape.sizes[l - 1], shape.sizes[l]];
    const kind = l < L ? shape.activation : shape.task === 'classification' ? 'sigmoid' : 'linear';
    const input = layers[l - 1];
    const W = weights.W[l - 1];
    const out: Float32Array[] = [];
    for (let j = 0; j < outSize; j++) {
      const z = new Float32Array(cells).fill(weights.b[l - 1][j]);
      for (let k = 0; k < inSize; k++) {
        const w = W[k * outSize + j];
        const a = input[k];
        for (let c = 0; c < cells; c++) z[c] += w * a[c];
      }
      applyActivation(kind, z);
      out.push(z);
    }
    layers.push(out);
  }
  return layers;
}

/** In place, one loop per kind (a switch per cell cost a third of the grid's time). */
function applyActivation(kind: Activation, z: Float32Array) {
  const n = z.length;
  switch (kind) {
    case 'tanh':
      for (let c = 0; c < n; c++) z[c] = Math.tanh(z[c]);
      break;
    case 'sigmoid':
      for (let c = 0; c < n; c++) z[c] = 1 / (1 + Math.exp(-z[c]));
      break;
    case 'relu':
      for (let c = 0; c < n; c++) if (z[c] < 0) z[c] = 0;
      break;
    case 'linear':
      break;
  }
}
