/**
 * A small decoder-only (causal) transformer in tfjs ops: token embedding (tf.gather, whose gradient needs the
 * wasm kernel of ../tfjs/unsorted-segment-sum), positional encoding (sinusoidal, learned or none), pre-LN blocks
 * x + MHA(LN(x)), x + FFN(LN(x)), a final LN and the output projection to the vocabulary. Heads are split with
 * 4-D reshapes and transposes (5-D transposes are slow on wasm), and every product goes through
 * ../tfjs/matmul-explicit (wasm's matMul is slow with transpose flags). Shared by the sequence tasks of
 * lesson 12 and the language model of lesson 13.
 */
import * as tf from '@tensorflow/tfjs';
import { matMul, matMulTransposed } from '../tfjs/matmul-explicit';
import { ensureWasmUnsortedSegmentSum } from '../tfjs/unsorted-segment-sum';
import { sinusoidalEncoding } from './tasks';
import { headSize, type TransformerShape } from './transformer-shape';
import type { NormWeights, TransformerWeights } from './weights';

export { headSize, transformerParameters, type PositionKind, type TransformerShape } from './transformer-shape';

interface Norm {
  gamma: tf.Variable;
  beta: tf.Variable;
}

interface Block {
  norm1: Norm;
  query: tf.Variable;
  key: tf.Variable;
  value: tf.Variable;
  output: tf.Variable;
  norm2: Norm;
  hidden: tf.Variable;
  hiddenBias: tf.Variable;
  back: tf.Variable;
  backBias: tf.Variable;
}

export class CausalTransformer {
  readonly variables: tf.Variable[] = [];
  private readonly embedding: tf.Variable;
  private readonly positions: tf.Tensor | null;
  private readonly blocks: Block[];
  private readonly finalNorm: Norm;
  private readonly unembedding: tf.Variable;
  private readonly unembeddingBias: tf.Variable;
  /** −1e9 above the diagonal: after the softmax those weights are exactly 0. */
  private readonly mask: tf.Tensor2D;
  private seed: number;

  constructor(
    readonly shape: TransformerShape,
    seed: number,
  ) {
    this.seed = seed;
    ensureWasmUnsortedSegmentSum();
    const d = shape.width;
    const inner = shape.heads * headSize(shape);
    this.embedding = this.weight('embedding', [shape.vocabulary, d], 1);
    this.positions =
      shape.position === 'learned'
        ? this.weight('positions', [shape.positions, d], 1)
        : shape.position === 'sinusoidal'
          ? tf.tensor2d(sinusoidalEncoding(shape.positions, d), [shape.positions, d])
          : null;
    this.blocks = Array.from({ length: shape.layers }, (_, l) => ({
      norm1: this.norm(`block${l}/norm1`),
      query: this.weight(`block${l}/query`, [d, inner], 1 / Math.sqrt(d)),
      key: this.weight(`block${l}/key`, [d, inner], 1 / Math.sqrt(d)),
      value: this.weight(`block${l}/value`, [d, inner], 1 / Math.sqrt(d)),
      output: this.weight(`block${l}/output`, [inner, d], 1 / Math.sqrt(inner)),
      norm2: this.norm(`block${l}/norm2`),
      hidden: this.weight(`block${l}/hidden`, [d, 4 * d], Math.sqrt(2 / d)),
      hiddenBias: this.zeros(`block${l}/hidden-bias`, [4 * d]),
      back: this.weight(`block${l}/back`, [4 * d, d], 1 / Math.sqrt(4 * d)),
      backBias: this.zeros(`block${l}/back-bias`, [d]),
    }));
    this.finalNorm = this.norm('final-norm');
    this.unembedding = this.weight('unembedding', [d, shape.vocabulary], 1 / Math.sqrt(d));
    this.unembeddingBias = this.zeros('unembedding-bias', [shape.vocabulary]);
    const T = shape.positions;
    this.mask = tf.tensor2d(
      Float32Array.from({ length: T * T }, (_, i) => (i % T > Math.floor(i / T) ? -1e9 : 0)),
      [T, T],
    );
  }

  private weight(name: string, shape: number[], std: number): tf.Variable {
    const v = tf.tidy(() => tf.variable(tf.randomNormal(shape, 0, std, 'float32', this.seed++), true, `${name}-${this.seed}`));
    this.variables.push(v);
    return v;
  }

  private zeros(name: string, shape: number[]): tf.Variable {
    const v = tf.tidy(() => tf.variable(tf.zeros(shape), true, `${name}-${this.seed++}`));
    this.variables.push(v);
    return v;
  }

  private norm(name: string): Norm {
    const gamma = tf.tidy(() => tf.variable(tf.ones([this.shape.width]), true, `${name}/gamma-${this.seed++}`));
    const beta = tf.tidy(() => tf.variable(tf.zeros([this.shape.width]), true, `${name}/beta-${this.seed++}`));
    this.variables.push(gamma, beta);
    return { gamma, beta };
  }

  /**
   * Logits [B, T, vocabulary] for tokens [B, T] (int32), and with `attention` every layer's weights
   * [B, heads, T, T]. In training, `dropout` zeroes that share of the embeddings and of each block's
   * attention and feed-forward outputs (scaling the rest up), with masks drawn from `seed`.
   */
  forward(
    tokens: tf.Tensor2D,
    attention = false,
    dropout?: { rate: number; seed: number },
  ): { logits: tf.Tensor3D; weights: tf.Tensor4D[] } {
    const [B, T] = tokens.shape;
    const { width: d, heads: H, vocabulary: V } = this.shape;
    const k = headSize(this.shape);
    let x = tf.reshape(tf.gather(this.embedding, tf.reshape(tokens, [B * T])), [B, T, d]) as tf.Tensor3D;
    if (this.positions) x = tf.add(x, tf.slice(this.positions, [0, 0], [T, d]));
    let drawn = 0;
    const drop = <R extends tf.Tensor>(t: R): R =>
      dropout && dropout.rate > 0 ? (tf.dropout(t, dropout.rate, undefined, dropout.seed + drawn++) as R) : t;
    x = drop(x);
    const mask = tf.slice(this.mask, [0, 0], [T, T]);
    const weights: tf.Tensor4D[] = [];
    const heads = (m: tf.Tensor2D) => tf.transpose(tf.reshape(m, [B, T, H, k]), [0, 2, 1, 3]) as tf.Tensor4D;
    for (const block of this.blocks) {
      const h = tf.reshape(layerNorm(x, block.norm1), [B * T, d]) as tf.Tensor2D;
      const q = heads(matMul(h, block.query));
      const key = heads(matMul(h, block.key));
      const v = heads(matMul(h, block.value));
      const scores = tf.add(tf.mul(matMulTransposed(q, key), 1 / Math.sqrt(k)), mask);
      const w = tf.softmax(scores) as tf.Tensor4D;
      if (attention) weights.push(w);
      const mixed = tf.reshape(tf.transpose(matMul(w, v), [0, 2, 1, 3]), [B * T, H * k]) as tf.Tensor2D;
      x = tf.add(x, drop(tf.reshape(matMul(mixed, block.output), [B, T, d])));
      const g = tf.reshape(layerNorm(x, block.norm2), [B * T, d]) as tf.Tensor2D;
      const hidden = tf.relu(tf.add(matMul(g, block.hidden), block.hiddenBias)) as tf.Tensor2D;
      x = tf.add(x, drop(tf.reshape(tf.add(matMul(hidden, block.back), block.backBias), [B, T, d])));
    }
    const out = tf.reshape(layerNorm(x, this.finalNorm), [B * T, d]) as tf.Tensor2D;
    const logits = tf.reshape(tf.add(matMul(out, this.unembedding), this.unembeddingBias), [B, T, V]) as tf.Tensor3D;
    return { logits, weights };
  }

  /** Every weight copied out of tfjs, for the plain-JS decoder (./decoder). */
  readWeights(): TransformerWeights {
    const read = (t: tf.Tensor) => t.dataSync() as Float32Array;
    const norm = (n: Norm): NormWeights => ({ gamma: read(n.gamma), beta: read(n.beta) });
    return {
      shape: { ...this.shape },
      embedding: read(this.embedding),
      positions: this.positions ? read(this.positions) : null,
      blocks: this.blocks.map((b) => ({
        norm1: norm(b.norm1),
        query: read(b.query),
        key: read(b.key),
        value: read(b.value),
        output: read(b.output),
        norm2: norm(b.norm2),
        hidden: read(b.hidden),
        hiddenBias: read(b.hiddenBias),
        back: read(b.back),
        backBias: read(b.backBias),
      })),
      finalNorm: norm(this.finalNorm),
      unembedding: read(this.unembedding),
      unembeddingBias: read(this.unembeddingBias),
    };
  }

  dispose() {
    tf.dispose([...this.variables, this.mask]);
    if (this.positions && this.shape.position === 'sinusoidal') this.positions.dispose();
  }
}

/** (x − mean) / √(variance + ε) over each token's features, then γ· + β. */
export function layerNorm(x: tf.Tensor3D, norm: Norm, epsilon = 1e-5): tf.Tensor3D {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, epsilon))), norm.gamma), norm.beta) as tf.Tensor3D;
}
