/**
 * What the playground draws, computed on the page from the weights the worker reports: every neuron's
 * output over a grid of the input plane (the small heatmaps of the network diagram) and the network's
 * output there (the large one). Plain typed-array loops, layer by layer over all cells at once: for these
 * small networks that is a few milliseconds a frame, with no tfjs on the main thread.
 */
import { outputKind, type Activation, type MlpShape, type MlpWeights } from './mlp';
import { featureValue, type Feature } from './data';

/** W⁽¹⁾ (row-major), b⁽¹⁾, W⁽²⁾, b⁽²⁾, … in one array: how the trainer's state() reports them. */
export function packWeights({ W, b }: MlpWeights): Float32Array {
  const flat = new Float32Array(W.reduce((sum, w, l) => sum + w.length + b[l].length, 0));
  let at = 0;
  W.forEach((w, l) => {
    flat.set(w, at);
    flat.set(b[l], at + w.length);
    at += w.length + b[l].length;
  });
  return flat;
}

/** The weights in the order the trainer's state() packs them: W⁽¹⁾ (row-major), b⁽¹⁾, W⁽²⁾, b⁽²⁾, … */
export function unpackWeights(sizes: readonly number[], flat: ArrayLike<number>): MlpWeights {
  const values = flat instanceof Float32Array ? flat : Float32Array.from(flat);
  const W: Float32Array[] = [];
  const b: Float32Array[] = [];
  let at = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const count = sizes[l] * sizes[l + 1];
    W.push(values.slice(at, at + count));
    at += count;
    b.push(values.slice(at, at + sizes[l + 1]));
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
 * regression), the same numbers forward() of mlp.ts computes point by point, except that a tanh output is
 * shown as the probability (1 + tanh z)/2 it stands for.
 */
export function gridActivations(shape: MlpShape, weights: MlpWeights, grid: PlaneGrid): Float32Array[][] {
  const cells = grid.cols * grid.rows;
  const layers: Float32Array[][] = [grid.inputs];
  const L = shape.sizes.length - 1;
  for (let l = 1; l <= L; l++) {
    const [inSize, outSize] = [shape.sizes[l - 1], shape.sizes[l]];
    const kind = l < L ? shape.activation : outputKind(shape) === 'tanh' ? 'probability-tanh' : outputKind(shape);
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

/**
 * tanh from a table with linear interpolation between entries 1/256 apart: within 2·10⁻⁶ of Math.tanh
 * (the tests hold it to the forward pass at 5·10⁻⁶), and about six times faster, which matters here: a
 * six-layer network's grid takes 100,000 of them per frame, and Math.tanh was half the grid's time.
 */
const TANH_STEPS_PER_UNIT = 256;
const TANH_LIMIT = 10;
const TANH_TABLE = Float64Array.from({ length: 2 * TANH_LIMIT * TANH_STEPS_PER_UNIT + 2 }, (_, i) =>
  Math.tanh(i / TANH_STEPS_PER_UNIT - TANH_LIMIT),
);

function tableTanh(z: Float32Array, scale = 1, shift = 0) {
  const top = 2 * TANH_LIMIT * TANH_STEPS_PER_UNIT;
  for (let c = 0; c < z.length; c++) {
    // Past ±10, tanh is ±1 to within 10⁻⁸.
    const u = Math.min(top, Math.max(0, (z[c] + TANH_LIMIT) * TANH_STEPS_PER_UNIT));
    const i = Math.floor(u);
    const t = TANH_TABLE[i] + (u - i) * (TANH_TABLE[i + 1] - TANH_TABLE[i]);
    z[c] = scale * t + shift;
  }
}

/** In place, one loop per kind (a switch per cell cost a third of the grid's time). */
function applyActivation(kind: Activation | 'probability-tanh', z: Float32Array) {
  switch (kind) {
    case 'tanh':
      tableTanh(z);
      break;
    case 'probability-tanh':
      tableTanh(z, 0.5, 0.5);
      break;
    case 'sigmoid':
      // σ(z) = (1 + tanh(z/2)) / 2
      for (let c = 0; c < z.length; c++) z[c] *= 0.5;
      tableTanh(z, 0.5, 0.5);
      break;
    case 'relu':
      for (let c = 0; c < z.length; c++) if (z[c] < 0) z[c] = 0;
      break;
    case 'linear':
      break;
  }
}
