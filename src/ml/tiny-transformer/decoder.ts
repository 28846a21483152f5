/**
 * The causal transformer's forward pass in plain numbers, one token at a time, with a key/value cache: each
 * new token computes its own query, key and value and attends to the cached keys and values of the tokens
 * before it, so writing a text never recomputes an earlier position. Same arithmetic as
 * CausalTransformer.forward (pre-LN blocks, ReLU feed-forward, final LN, output projection); the tests hold
 * the two to the same logits. It also returns the last token's attention, which the widget draws.
 *
 * With absolute positions the cache holds at most `positions` tokens. When it is full the decoder keeps the
 * most recent half and recomputes their cache from position 0: the model was trained on every context length
 * up to `positions`, and rebuilding at half-window costs about as much again as writing, not `positions` times.
 */
import { headSize } from './transformer-shape';
import type { NormWeights, TransformerWeights } from './weights';

const EPSILON = 1e-5;

function layerNorm(x: Float32Array, norm: NormWeights, out: Float32Array) {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (x[i] - mean) ** 2;
  const scale = 1 / Math.sqrt(variance / n + EPSILON);
  for (let i = 0; i < n; i++) out[i] = (x[i] - mean) * scale * norm.gamma[i] + norm.beta[i];
}

/** out = x · W (+ bias), W row-major [x.length, out.length]. */
function project(x: Float32Array, w: Float32Array, out: Float32Array, bias?: Float32Array) {
  const cols = out.length;
  if (bias) out.set(bias);
  else out.fill(0);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const row = i * cols;
    for (let j = 0; j < cols; j++) out[j] += xi * w[row + j];
  }
}

export class CachedDecoder {
  readonly maxPositions: number;
  private readonly d: number;
  private readonly inner: number;
  private readonly k: number;
  /** Per layer: keys and values of every cached position, [positions, inner]. */
  private readonly keys: Float32Array[];
  private readonly values: Float32Array[];
  private readonly tokens: number[] = [];
  /** The last token's attention, [layers, heads, cached positions] flattened, over the cached tokens. */
  lastAttention: Float32Array = new Float32Array(0);
  private readonly buf: Record<'x' | 'h' | 'q' | 'kv' | 'mixed' | 'out' | 'hidden', Float32Array>;

  constructor(private readonly w: TransformerWeights) {
    const { shape } = w;
    this.d = shape.width;
    this.k = headSize(shape);
    this.inner = shape.heads * this.k;
    this.maxPositions = shape.positions;
    this.keys = w.blocks.map(() => new Float32Array(shape.positions * this.inner));
    this.values = w.blocks.map(() => new Float32Array(shape.positions * this.inner));
    this.buf = {
      x: new Float32Array(this.d),
      h: new Float32Array(this.d),
      q: new Float32Array(this.inner),
      kv: new Float32Array(this.inner),
      mixed: new Float32Array(this.inner),
      out: new Float32Array(this.d),
      hidden: new Float32Array(4 * this.d),
    };
  }

  /** The tokens the cache holds now (the model's context), oldest first. */
  get context(): readonly number[] {
    return this.tokens;
  }

  /** Empties the cache and reads `tokens` (the most recent `positions` of them); returns the next token's logits. */
  reset(tokens: readonly number[]): Float32Array {
    this.tokens.length = 0;
    const start = Math.max(0, tokens.length - this.maxPositions);
    let logits: Float32Array = new Float32Array(0);
    for (let i = start; i < tokens.length; i++) logits = this.advance(tokens[i], i === tokens.length - 1);
    return logits;
  }

  /** Appends one token and returns the logits for the token after it. */
  push(token: number): Float32Array {
    if (this.tokens.length === this.maxPositions) {
      const keep = this.tokens.slice(this.tokens.length - Math.floor(this.maxPositions / 2));
      this.reset(keep);
    }
    return this.advance(token, true);
  }

  private advance(token: number, wantLogits: boolean): Float32Array {
    const { w, d, k, inner, buf } = this;
    const { heads, vocabulary } = w.shape;
    const t = this.tokens.length;
    this.tokens.push(token);
    const x = buf.x;
    for (let i = 0; i < d; i++) x[i] = w.embedding[token * d + i] + (w.positions ? w.positions[t * d + i] : 0);
    const attention = new Float32Array(w.blocks.length * heads * (t + 1));
    w.blocks.forEach((block, layer) => {
      layerNorm(x, block.norm1, buf.h);
      project(buf.h, block.query, buf.q);
      project(buf.h, block.key, buf.kv);
      this.keys[layer].set(buf.kv, t * inner);
      project(buf.h, block.value, buf.kv);
      this.values[layer].set(buf.kv, t * inner);
      const keys = this.keys[layer];
      const values = this.values[layer];
      buf.mixed.fill(0);
      for (let head = 0; head < heads; head++) {
        const offset = head * k;
        const weights = attention.subarray((layer * heads + head) * (t + 1), (layer * heads + head + 1) * (t + 1));
        let max = -Infinity;
        for (let s = 0; s <= t; s++) {
          let dot = 0;
          for (let i = 0; i < k; i++) dot += buf.q[offset + i] * keys[s * inner + offset + i];
          weights[s] = dot / Math.sqrt(k);
          max = Math.max(max, weights[s]);
        }
        let total = 0;
        for (let s = 0; s <= t; s++) {
          weights[s] = Math.exp(weights[s] - max);
          total += weights[s];
        }
        for (let s = 0; s <= t; s++) {
          weights[s] /= total;
          for (let i = 0; i < k; i++) buf.mixed[offset + i] += weights[s] * values[s * inner + offset + i];
        }
      }
      project(buf.mixed, block.output, buf.out);
      for (let i = 0; i < d; i++) x[i] += buf.out[i];
      layerNorm(x, block.norm2, buf.h);
      project(buf.h, block.hidden, buf.hidden, block.hiddenBias);
      for (let i = 0; i < buf.hidden.length; i++) if (buf.hidden[i] < 0) buf.hidden[i] = 0;
      project(buf.hidden, block.back, buf.out, block.backBias);
      for (let i = 0; i < d; i++) x[i] += buf.out[i];
    });
    this.lastAttention = attention;
    if (!wantLogits) return new Float32Array(0);
    layerNorm(x, w.finalNorm, buf.h);
    const logits = new Float32Array(vocabulary);
    project(buf.h, w.unembedding, logits, w.unembeddingBias);
    return logits;
  }
}
