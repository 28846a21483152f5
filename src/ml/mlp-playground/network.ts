/**
 * The MLP of mlp.ts as tfjs variables, with the backward pass written by hand (the formulas in mlp.ts)
 * instead of tfjs's autodiff. On networks this small a step costs about one kernel launch per operation,
 * so the forward pass uses tf.fused.matMul (product, bias and activation in one kernel) and the backward
 * pass skips what autodiff would record; the gradients then go to a tfjs optimizer.
 * Everything here runs inside the caller's tf.tidy.
 */
import * as tf from '@tensorflow/tfjs';
import { meanLogLoss } from '../tfjs/logistic-ops';
import { outputKind, type Activation, type MlpShape, type MlpWeights, type Regularization } from './mlp';

type FusedActivation = 'relu' | 'sigmoid' | 'linear';

export class MlpNetwork {
  readonly W: tf.Variable<tf.Rank.R2>[];
  readonly b: tf.Variable<tf.Rank.R1>[];
  /** Made once: a literal 1 in an op would upload a new scalar every time. */
  private readonly one = tf.keep(tf.scalar(1));

  constructor(
    readonly shape: MlpShape,
    weights: MlpWeights,
  ) {
    const { sizes } = shape;
    // Inside tidy so the initial tensors are freed; variables survive it.
    this.W = tf.tidy(() => weights.W.map((w, l) => tf.variable(tf.tensor2d(w, [sizes[l], sizes[l + 1]]))));
    this.b = tf.tidy(() => weights.b.map((b) => tf.variable(tf.tensor1d(b))));
  }

  get variables(): tf.Variable[] {
    return [...this.W, ...this.b];
  }

  /**
   * a[0] = X, a[l] = σ(a[l−1]W + b); the last entry is the output layer's pre-activation z (n × 1), or its
   * sigmoid when `output` says so (fused into the same kernel).
   */
  forward(X: tf.Tensor2D, output: 'linear' | 'sigmoid' = 'linear'): tf.Tensor2D[] {
    const a: tf.Tensor2D[] = [X];
    const L = this.W.length;
    for (let l = 0; l < L; l++) {
      const last = l === L - 1;
      const kind: Activation = last ? output : this.shape.activation;
      const fused: FusedActivation = kind === 'tanh' ? 'linear' : kind;
      let out = tf.fused.matMul({ a: a[l], b: this.W[l], bias: this.b[l], activation: fused }) as tf.Tensor2D;
      if (kind === 'tanh') out = tf.tanh(out);
      a.push(out);
    }
    return a;
  }

  /** The prediction: the probability of class 1 (classification; σ(2z) for a tanh output) or the value (regression), one per row. */
  predict(X: tf.Tensor2D): tf.Tensor1D {
    const z = tf.squeeze(this.forward(X).at(-1)!, [1]) as tf.Tensor1D;
    const kind = outputKind(this.shape);
    return kind === 'linear' ? z : (tf.sigmoid(kind === 'tanh' ? tf.mul(2, z) : z) as tf.Tensor1D);
  }

  /**
   * Mean cross-entropy from the logit z (written so it never overflows), mean ½·(tanh z − t)² with t = 2y − 1,
   * or mean ½·squared error.
   */
  dataLoss(z: tf.Tensor1D, y: tf.Tensor1D): tf.Scalar {
    const kind = outputKind(this.shape);
    if (kind === 'linear') return tf.mean(tf.mul(0.5, tf.square(tf.sub(z, y))));
    if (kind === 'tanh') return tf.mean(tf.mul(0.5, tf.square(tf.sub(tf.tanh(z), tf.sub(tf.mul(2, y), 1)))));
    return meanLogLoss(z, y);
  }

  penalty(kind: Regularization, rate: number): tf.Scalar {
    if (kind === 'none' || rate === 0) return tf.scalar(0);
    const terms = this.W.map((W) => (kind === 'l2' ? tf.mul(0.5, tf.sum(tf.square(W))) : tf.sum(tf.abs(W))));
    return tf.mul(rate, tf.addN(terms));
  }

  /** The data loss plus the penalty. */
  loss(X: tf.Tensor2D, y: tf.Tensor1D, regularization: Regularization = 'none', rate = 0): tf.Scalar {
    const z = tf.squeeze(this.forward(X).at(-1)!, [1]) as tf.Tensor1D;
    return tf.add(this.dataLoss(z, y), this.penalty(regularization, rate)) as tf.Scalar;
  }

  /**
   * The loss's gradient by the backpropagation formulas of mlp.ts. It does not compute the loss itself:
   * a training step does not need it, and on a net this small those kernels were about a fifth of a step.
   */
  gradients(X: tf.Tensor2D, y: tf.Tensor1D, regularization: Regularization = 'none', rate = 0) {
    const a = this.forward(X);
    const L = this.W.length;
    const z = a[L];
    const n = X.shape[0];
    const kind = outputKind(this.shape);
    const labels = tf.reshape(y, [n, 1]);
    let delta: tf.Tensor2D;
    if (kind === 'tanh') {
      const o = tf.tanh(z);
      delta = tf.div(tf.mul(tf.sub(o, tf.sub(tf.mul(2, labels), 1)), tf.sub(this.one, tf.square(o))), n) as tf.Tensor2D;
    } else {
      delta = tf.div(tf.sub(kind === 'sigmoid' ? tf.sigmoid(z) : z, labels), n) as tf.Tensor2D;
    }
    const dW: tf.Tensor2D[] = new Array(L);
    const db: tf.Tensor1D[] = new Array(L);
    for (let l = L; l >= 1; l--) {
      let gW: tf.Tensor2D = tf.matMul(a[l - 1], delta, true, false);
      if (regularization === 'l2' && rate > 0) gW = tf.add(gW, tf.mul(rate, this.W[l - 1])) as tf.Tensor2D;
      if (regularization === 'l1' && rate > 0) gW = tf.add(gW, tf.mul(rate, tf.sign(this.W[l - 1]))) as tf.Tensor2D;
      dW[l - 1] = gW;
      db[l - 1] = tf.sum(delta, 0);
      if (l > 1) delta = tf.mul(tf.matMul(delta, this.W[l - 1], false, true), this.derivative(a[l - 1])) as tf.Tensor2D;
    }
    return { dW, db };
  }

  /** σ′ from the hidden activation's output. */
  private derivative(a: tf.Tensor2D): tf.Tensor2D {
    switch (this.shape.activation) {
      case 'tanh':
        return tf.sub(this.one, tf.square(a));
      case 'sigmoid':
        return tf.mul(a, tf.sub(this.one, a));
      case 'relu':
        return tf.step(a);
      case 'linear':
        return tf.onesLike(a);
    }
  }

  dispose() {
    tf.dispose([...this.variables, this.one]);
  }
}
