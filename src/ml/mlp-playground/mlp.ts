/**
 * A multilayer perceptron in plain TypeScript: forward pass, loss, and the backpropagation formulas of
 * lesson 06, written out loop by loop. It is the reference the tfjs trainer (network.ts) is tested
 * against, and is small enough to read.
 *
 * Layer l (1 … L) computes z⁽ˡ⁾ = a⁽ˡ⁻¹⁾W⁽ˡ⁾ + b⁽ˡ⁾ and a⁽ˡ⁾ = σ(z⁽ˡ⁾), with a⁽⁰⁾ = x (one example per row).
 * The output layer has one unit: a sigmoid with cross-entropy for classification (labels 0/1), or linear
 * with squared error for regression; or, as TensorFlow Playground classifies, tanh with ½·squared error on
 * labels t = ±1. Backpropagation, for a batch of n examples:
 *   δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − y)/n                      (the same for sigmoid + cross-entropy and linear + ½·squared error)
 *   δ⁽ᴸ⁾ = (a⁽ᴸ⁾ − t)(1 − (a⁽ᴸ⁾)²)/n          (tanh + ½·squared error: the tanh's slope does not cancel)
 *   ∂L/∂W⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ δ⁽ˡ⁾,  ∂L/∂b⁽ˡ⁾ = Σ_rows δ⁽ˡ⁾
 *   δ⁽ˡ⁻¹⁾ = (δ⁽ˡ⁾ W⁽ˡ⁾ᵀ) ⊙ σ′(z⁽ˡ⁻¹⁾)
 * Regularization adds λ·W (L2, penalty (λ/2)Σw²) or λ·sign(W) (L1, penalty λΣ|w|) to each weight gradient;
 * biases are not regularized.
 */
import { pointLoss } from '../logistic-regression/math';
import { createRng, uniform } from '../shared/random';

export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';
export type Task = 'classification' | 'regression';
export type Regularization = 'none' | 'l1' | 'l2';
/** A classifier's output and loss: sigmoid + cross-entropy, or TensorFlow Playground's tanh + squared error. */
export type ClassificationLoss = 'cross-entropy' | 'squared';
/** How the first weights are drawn: Glorot's uniform with biases 0, or TensorFlow Playground's ±0.5 with biases 0.1. */
export type InitScheme = 'glorot' | 'playground';
/** The output unit: sigmoid (cross-entropy), tanh (squared error on ±1 labels) or linear (regression). */
export type OutputKind = 'sigmoid' | 'tanh' | 'linear';

export interface MlpShape {
  /** Units per layer, inputs first, the single output last: [2, 4, 2, 1]. */
  sizes: number[];
  activation: Activation;
  task: Task;
  /** Classification only; cross-entropy when absent. */
  loss?: ClassificationLoss;
}

/** W[l] is sizes[l] × sizes[l+1], row-major; b[l] has sizes[l+1] entries. */
export interface MlpWeights {
  W: Float32Array[];
  b: Float32Array[];
}

export function activate(kind: Activation, z: number): number {
  switch (kind) {
    case 'relu':
      return z > 0 ? z : 0;
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'linear':
      return z;
  }
}

/** σ′ written with the activation's output a = σ(z), which is what backpropagation keeps. */
export function derivativeFromOutput(kind: Activation, a: number): number {
  switch (kind) {
    case 'relu':
      return a > 0 ? 1 : 0;
    case 'tanh':
      return 1 - a * a;
    case 'sigmoid':
      return a * (1 - a);
    case 'linear':
      return 1;
  }
}

/**
 * From a seed: weights uniform in ±√(6/(fan_in + fan_out)) (Glorot) with biases 0, or, as TensorFlow
 * Playground starts, uniform in ±0.5 with biases 0.1 (the same draws, scaled).
 */
export function initWeights(shape: MlpShape, seed: number, scheme: InitScheme = 'glorot'): MlpWeights {
  const rng = createRng(seed);
  const W: Float32Array[] = [];
  const b: Float32Array[] = [];
  for (let l = 0; l + 1 < shape.sizes.length; l++) {
    const [fanIn, fanOut] = [shape.sizes[l], shape.sizes[l + 1]];
    const limit = scheme === 'playground' ? 0.5 : Math.sqrt(6 / (fanIn + fanOut));
    W.push(Float32Array.from({ length: fanIn * fanOut }, () => uniform(rng, -limit, limit)));
    b.push(new Float32Array(fanOut).fill(scheme === 'playground' ? 0.1 : 0));
  }
  return { W, b };
}

export function outputKind(shape: MlpShape): OutputKind {
  if (shape.task === 'regression') return 'linear';
  return shape.loss === 'squared' ? 'tanh' : 'sigmoid';
}

/** The value the output unit is trained towards: the label, or ±1 for a tanh output (label 1 → +1, 0 → −1). */
export function outputTarget(kind: OutputKind, label: number): number {
  return kind === 'tanh' ? 2 * label - 1 : label;
}

/** A classifier's probability of class 1 from its output's pre-activation z: σ(z), or (1 + tanh z)/2 = σ(2z). */
export function probabilityFromLogit(kind: OutputKind, z: number): number {
  return 1 / (1 + Math.exp(kind === 'tanh' ? -2 * z : -z));
}

/** Every layer's output for a batch X (n × sizes[0], row-major): a[0] = X, a[L] = the predictions. */
export function forward(shape: MlpShape, weights: MlpWeights, X: Float32Array): Float64Array[] {
  const n = X.length / shape.sizes[0];
  const a: Float64Array[] = [Float64Array.from(X)];
  const L = shape.sizes.length - 1;
  for (let l = 1; l <= L; l++) {
    const [inSize, outSize] = [shape.sizes[l - 1], shape.sizes[l]];
    const kind = l === L ? outputKind(shape) : shape.activation;
    const out = new Float64Array(n * outSize);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < outSize; j++) {
        let z = weights.b[l - 1][j];
        for (let k = 0; k < inSize; k++) z += a[l - 1][i * inSize + k] * weights.W[l - 1][k * outSize + j];
        out[i * outSize + j] = activate(kind, z);
      }
    }
    a.push(out);
  }
  return a;
}

/**
 * The mean data loss of rows from..to−1, from the output layer's pre-activations z and the labels y:
 * cross-entropy of σ(z) (computed from z so it never overflows), ½·(tanh z − t)² with t = ±1, or
 * ½·squared error for regression.
 */
export function dataLossFromOutput(kind: OutputKind, z: ArrayLike<number>, y: ArrayLike<number>, from = 0, to = y.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) {
    if (kind === 'sigmoid') sum += pointLoss(z[i], y[i]);
    else if (kind === 'tanh') sum += (Math.tanh(z[i]) - outputTarget(kind, y[i])) ** 2 / 2;
    else sum += (z[i] - y[i]) ** 2 / 2;
  }
  return sum / (to - from);
}

/** The share of rows from..to−1 (0/1 labels) whose probability of class 1 is on the label's side of 0.5. */
export function accuracyFromOutput(z: ArrayLike<number>, y: ArrayLike<number>, from = 0, to = y.length): number {
  let right = 0;
  // z > 0 is p > 0.5 for both the sigmoid and the tanh output.
  for (let i = from; i < to; i++) if ((z[i] > 0 ? 1 : 0) === y[i]) right++;
  return right / (to - from);
}

export function penalty(weights: MlpWeights, kind: Regularization, rate: number): number {
  if (kind === 'none' || rate === 0) return 0;
  let sum = 0;
  for (const W of weights.W) for (const w of W) sum += kind === 'l2' ? (w * w) / 2 : Math.abs(w);
  return rate * sum;
}

/**
 * The data loss (mean cross-entropy, or mean ½·squared error for regression) plus the penalty, and its
 * gradient by backpropagation.
 */
export function lossAndGradients(
  shape: MlpShape,
  weights: MlpWeights,
  X: Float32Array,
  y: ArrayLike<number>,
  regularization: Regularization = 'none',
  rate = 0,
): { loss: number; dW: Float64Array[]; db: Float64Array[] } {
  const a = forward(shape, weights, X);
  const L = shape.sizes.length - 1;
  const n = y.length;
  const out = a[L];
  const kind = outputKind(shape);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    if (kind === 'sigmoid') {
      const p = Math.min(Math.max(out[i], 1e-12), 1 - 1e-12);
      loss -= y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p);
    } else {
      loss += (out[i] - outputTarget(kind, y[i])) ** 2 / 2;
    }
  }
  loss = loss / n + penalty(weights, regularization, rate);

  const dW: Float64Array[] = [];
  const db: Float64Array[] = [];
  let delta = Float64Array.from(out, (v, i) => ((v - outputTarget(kind, y[i])) * (kind === 'tanh' ? 1 - v * v : 1)) / n);
  for (let l = L; l >= 1; l--) {
    const [inSize, outSize] = [shape.sizes[l - 1], shape.sizes[l]];
    const gW = new Float64Array(inSize * outSize);
    const gb = new Float64Array(outSize);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < outSize; j++) {
        const d = delta[i * outSize + j];
        gb[j] += d;
        for (let k = 0; k < inSize; k++) gW[k * outSize + j] += a[l - 1][i * inSize + k] * d;
      }
    }
    const W = weights.W[l - 1];
    for (let k = 0; k < gW.length; k++) {
      if (regularization === 'l2') gW[k] += rate * W[k];
      if (regularization === 'l1') gW[k] += rate * Math.sign(W[k]);
    }
    dW[l - 1] = gW;
    db[l - 1] = gb;
    if (l > 1) {
      const previous = new Float64Array(n * inSize);
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < inSize; k++) {
          let sum = 0;
          for (let j = 0; j < outSize; j++) sum += delta[i * outSize + j] * W[k * outSize + j];
          previous[i * inSize + k] = sum * derivativeFromOutput(shape.activation, a[l - 1][i * inSize + k]);
        }
      }
      delta = previous;
    }
  }
  return { loss, dW, db };
}
