/**
 * The MLP of mlp.ts trained by plain SGD, on tfjs kernels called directly (ml/tfjs/kernel-runner.ts) rather than
 * through the engine. The backward pass is the backpropagation formulas of mlp.ts, with the output error
 * scaled by −η/n up front so that a⁽ˡ⁻¹⁾ᵀδ⁽ˡ⁾ is already the update and each variable takes one add.
 * Matrices are rank 3, [1, rows, columns], the shape the backends' matMul kernels work on.
 */
import { _FusedMatMul, Add, BatchMatMul, Multiply, Sign, Square, Step, Sub, Tanh, type TensorInfo } from '@tensorflow/tfjs';
import type { KernelRunner } from '../tfjs/kernel-runner';
import { outputKind, type MlpShape, type MlpWeights, type Regularization } from './mlp';

/** Constants uploaded per distinct value; past this many (the learning rate slider moved a lot) they are dropped. */
const MAX_CONSTANTS = 32;

export class MlpKernelSgd {
  private W: TensorInfo[];
  private b: TensorInfo[];
  private readonly constants = new Map<number, TensorInfo>();
  private readonly onesRows = new Map<number, TensorInfo>();

  constructor(
    private readonly runner: KernelRunner,
    readonly shape: MlpShape,
    weights: MlpWeights,
  ) {
    const { sizes } = shape;
    this.W = weights.W.map((w, l) => runner.upload(w, [1, sizes[l], sizes[l + 1]]));
    this.b = weights.b.map((b) => runner.upload(b, [b.length]));
  }

  /**
   * One plain SGD update on a batch, W ← W − η(∂L/∂W), with X as [1, n, inputs] and `yColumn` as [1, n, 1]
   * holding what the output is trained towards (outputTarget of mlp.ts: ±1 for a tanh output).
   * Regularization adds λW (L2) or λ·sign W (L1) to each weight gradient; biases are not regularized.
   */
  step(X: TensorInfo, yColumn: TensorInfo, lr: number, regularization: Regularization = 'none', rate = 0) {
    const r = this.runner;
    const n = X.shape[1];
    const L = this.W.length;
    if (this.constants.size > MAX_CONSTANTS) this.dropConstants();
    r.scope(() => {
      const kind = outputKind(this.shape);
      const a = this.forward(X, kind);
      let error = r.run(Sub, { a: a[L], b: yColumn });
      // A tanh output's slope 1 − o² does not cancel against squared error as the sigmoid's does against cross-entropy.
      if (kind === 'tanh') error = r.run(Multiply, { a: error, b: r.run(Sub, { a: this.constant(1), b: r.run(Square, { x: a[L] }) }) });
      let delta = r.run(Multiply, { a: error, b: this.constant(-lr / n) });
      const decay = regularization !== 'none' && rate > 0 ? this.constant(-lr * rate) : null;
      const old = [...this.W, ...this.b];
      for (let l = L; l >= 1; l--) {
        const W = this.W[l - 1];
        let step = r.run(BatchMatMul, { a: a[l - 1], b: delta }, { transposeA: true, transposeB: false });
        if (decay) {
          const shrink = r.run(Multiply, { a: decay, b: regularization === 'l2' ? W : r.run(Sign, { x: W }) });
          step = r.run(Add, { a: step, b: shrink });
        }
        // Σ over the batch's rows as a product with a row of ones: one kernel, where a sum over axis 0 transposes first.
        const bStep = r.run(BatchMatMul, { a: this.onesRow(n), b: delta }, { transposeA: false, transposeB: false });
        // δ for the layer below uses this layer's weights before the update.
        if (l > 1) {
          const back = r.run(BatchMatMul, { a: delta, b: W }, { transposeA: false, transposeB: true });
          delta = this.timesDerivative(back, a[l - 1]);
        }
        this.W[l - 1] = r.keep(r.run(Add, { a: W, b: step }));
        this.b[l - 1] = r.keep(r.run(Add, { a: this.b[l - 1], b: r.view(bStep, this.b[l - 1].shape) }));
      }
      for (const info of old) r.free(info);
    });
  }

  /** The output layer's pre-activation z for each row of X (the logit, for classification). */
  logits(X: TensorInfo): Float32Array {
    return this.runner.scope(() => Float32Array.from(this.runner.read(this.forward(X, 'linear').at(-1)!)));
  }

  /** The current weights, copied off the backend. */
  weights(): MlpWeights {
    return { W: this.W.map((w) => Float32Array.from(this.runner.read(w))), b: this.b.map((b) => Float32Array.from(this.runner.read(b))) };
  }

  dispose() {
    for (const info of [...this.W, ...this.b, ...this.onesRows.values()]) this.runner.free(info);
    this.onesRows.clear();
    this.dropConstants();
  }

  /** a[0] = X, a[l] = σ(a[l−1]W + b), with the output layer's activation given; product, bias and activation fused. */
  private forward(X: TensorInfo, output: 'linear' | 'sigmoid' | 'tanh'): TensorInfo[] {
    const r = this.runner;
    const a = [X];
    const L = this.W.length;
    for (let l = 0; l < L; l++) {
      const kind = l === L - 1 ? output : this.shape.activation;
      const fused = kind === 'tanh' ? 'linear' : kind;
      const z = r.run(
        _FusedMatMul,
        { a: a[l], b: this.W[l], bias: this.b[l] },
        { transposeA: false, transposeB: false, activation: fused },
      );
      a.push(kind === 'tanh' ? r.run(Tanh, { x: z }) : z);
    }
    return a;
  }

  /** g ⊙ σ′, with σ′ written from the activation's output a. */
  private timesDerivative(g: TensorInfo, a: TensorInfo): TensorInfo {
    const r = this.runner;
    const one = this.constant(1);
    switch (this.shape.activation) {
      case 'tanh':
        return r.run(Multiply, { a: g, b: r.run(Sub, { a: one, b: r.run(Square, { x: a }) }) });
      case 'sigmoid':
        return r.run(Multiply, { a: g, b: r.run(Multiply, { a, b: r.run(Sub, { a: one, b: a }) }) });
      case 'relu':
        return r.run(Multiply, { a: g, b: r.run(Step, { x: a }, { alpha: 0 }) });
      case 'linear':
        return g;
    }
  }

  private constant(value: number): TensorInfo {
    let info = this.constants.get(value);
    if (!info) {
      info = this.runner.upload([value], []);
      this.constants.set(value, info);
    }
    return info;
  }

  private dropConstants() {
    for (const info of this.constants.values()) this.runner.free(info);
    this.constants.clear();
  }

  private onesRow(n: number): TensorInfo {
    let info = this.onesRows.get(n);
    if (!info) {
      info = this.runner.upload(new Float32Array(n).fill(1), [1, 1, n]);
      this.onesRows.set(n, info);
    }
    return info;
  }
}
