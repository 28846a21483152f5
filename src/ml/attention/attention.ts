/**
 * Scaled dot-product attention on a few small matrices, without tfjs (the attention calculator computes it on
 * the page at every edit):
 *
 *   Q = X·W_Q, K = X·W_K, V = X·W_V            (or Q = K = V = X without projections)
 *   scores = Q·Kᵀ                               (n × n: query i against key j)
 *   scaled = scores / √d_k                      (or scores, with the scaling off)
 *   masked = scaled, −∞ above the diagonal      (the causal mask: token i sees tokens 0 … i; or scaled)
 *   weights = softmax(masked / T), row by row   (T the temperature; e^−∞ = 0, so masked weights are exactly 0)
 *   output = weights·V
 *
 * Every intermediate comes back as plain number[][] (rows are tokens) so the widget can show each of them.
 * Matrices are row-major arrays of rows.
 *
 * The presets, with the numbers the lesson may quote (the tests check the figures given here):
 *
 * - `identity`: two tokens A, B with X = W_Q = W_K = W_V = I₂, so Q = K = V = I₂. scores = I₂,
 *   scaled = I₂/√2, and each row is softmax([1/√2, 0]) = [0.670, 0.330] (the diagonal first): a token attends
 *   most to itself, but not only. Output = weights (V = I₂).
 * - `same`: four identical tokens "ha" (x = [0.5, −1, 1]): every key is the same, so every score in a row is
 *   equal and every weight is 1/4 (1/(i+1) in row i with the mask), whatever the projections.
 * - `match`: a lookup. Tokens cat, dog, fox and the query "dog?", X = the 4×4 identity (one-hot),
 *   W_K = W_V = I₄, W_Q all zeros but row 4 = [0, 6, 0, 0]: only "dog?" asks for anything, and it asks for
 *   dog. Its scaled scores are [0, 3, 0, 0] (6/√4), so it puts e³/(e³ + 3) = 0.870 on dog and 0.043 on each
 *   other token, and its output is ≈ dog's value [0.043, 0.870, 0.043, 0.043]. The other three queries are
 *   zero: they spread evenly (0.25).
 * - `pronoun`: "The animal didn't cross the street because it was tired", reduced to five tokens
 *   animal, cross, street, it, tired. Embeddings (d_model = 4) by hand-made features
 *   [animate noun, inanimate noun, pronoun, verb or adjective]:
 *       animal [1, 0, 0, 0]   cross [0, 0.2, 0, 1]   street [0, 1, 0, 0]   it [0.3, 0.3, 1, 0]   tired [0.2, 0, 0, 1]
 *   Projections to d_k = d_v = 3, key/query dimensions [animate, thing, verb or adjective]:
 *       W_K = [[2, 0, 0], [0, 2, 0], [0, 0, 0], [0, 0, 2]]        a key says what the token is
 *       W_Q = [[0, 0, 1], [0, 0, 1], [3, 0.5, 0], [1, 0, 0]]      nouns look for verbs and adjectives; a verb or
 *                                                                 adjective looks for who does or is it; the
 *                                                                 pronoun looks for an animate noun (a little
 *                                                                 for a thing)
 *       W_V = [[1, 0, 0], [0, 1, 0], [0, 0, 0], [0, 0, 1]]        a value carries the features, not the pronoun
 *   The query of "it" is [3, 0.5, 0.6]; its scores against animal, cross, street, it, tired are
 *   [6, 1.4, 1, 2.1, 2.4], scaled by √3 [3.464, 0.808, 0.577, 1.212, 1.386], and its weights
 *   [0.737, 0.052, 0.041, 0.078, 0.092]: "it" attends mostly to "animal". Its output [0.779, 0.075, 0.144]
 *   now mostly carries "animate". Without the scaling the weights are [0.940, 0.009, 0.006, 0.019, 0.026];
 *   with the causal mask ("tired" comes after "it") [0.812, 0.057, 0.045, 0.085, 0].
 *   (One layer sees only the vectors it is given: a real model learns such matrices, and its earlier layers
 *   have already mixed context such as "tired" into the pronoun's vector. Here the choice is made by hand.)
 */

export type Matrix = number[][];

export type AttentionPresetName = 'pronoun' | 'match' | 'same' | 'identity';

export interface AttentionPreset {
  /** The tokens' words, one per row of X. */
  tokens: { zh: string[]; en: string[] };
  /** n × d_model: one embedding per token. */
  x: Matrix;
  /** d_model × d_k, d_model × d_k, d_model × d_v. */
  wq: Matrix;
  wk: Matrix;
  wv: Matrix;
}

const identity = (n: number): Matrix => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

export const ATTENTION_PRESETS: Record<AttentionPresetName, AttentionPreset> = {
  pronoun: {
    tokens: { zh: ['动物', '穿过', '街道', '它', '累'], en: ['animal', 'cross', 'street', 'it', 'tired'] },
    x: [
      [1, 0, 0, 0],
      [0, 0.2, 0, 1],
      [0, 1, 0, 0],
      [0.3, 0.3, 1, 0],
      [0.2, 0, 0, 1],
    ],
    wq: [
      [0, 0, 1],
      [0, 0, 1],
      [3, 0.5, 0],
      [1, 0, 0],
    ],
    wk: [
      [2, 0, 0],
      [0, 2, 0],
      [0, 0, 0],
      [0, 0, 2],
    ],
    wv: [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
      [0, 0, 1],
    ],
  },
  match: {
    tokens: { zh: ['猫', '狗', '狐狸', '狗？'], en: ['cat', 'dog', 'fox', 'dog?'] },
    x: identity(4),
    wq: [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 6, 0, 0],
    ],
    wk: identity(4),
    wv: identity(4),
  },
  same: {
    tokens: { zh: ['哈', '哈', '哈', '哈'], en: ['ha', 'ha', 'ha', 'ha'] },
    x: Array.from({ length: 4 }, () => [0.5, -1, 1]),
    wq: [
      [1, 0.5, 0],
      [0, 1, 0],
      [0.5, 0, 1],
    ],
    wk: [
      [1, 0, 0],
      [0.5, 1, 0],
      [0, -0.5, 1],
    ],
    wv: identity(3),
  },
  identity: {
    tokens: { zh: ['A', 'B'], en: ['A', 'B'] },
    x: identity(2),
    wq: identity(2),
    wk: identity(2),
    wv: identity(2),
  },
};

/** A deep copy of a preset's numbers (the widget edits its own copy). */
export function copyPreset(preset: AttentionPreset): AttentionPreset {
  const copy = (m: Matrix) => m.map((row) => [...row]);
  return { tokens: preset.tokens, x: copy(preset.x), wq: copy(preset.wq), wk: copy(preset.wk), wv: copy(preset.wv) };
}

export function matmul(a: Matrix, b: Matrix): Matrix {
  const inner = b.length;
  if (a.some((row) => row.length !== inner)) throw new Error(`matmul: ${a[0]?.length} columns against ${inner} rows`);
  const cols = b[0]?.length ?? 0;
  return a.map((row) => {
    const out = new Array<number>(cols).fill(0);
    for (let k = 0; k < inner; k++) for (let j = 0; j < cols; j++) out[j] += row[k] * b[k][j];
    return out;
  });
}

export function transpose(m: Matrix): Matrix {
  const cols = m[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => m.map((row) => row[j]));
}

/**
 * softmax(row / T) of each row. The largest entry is subtracted first (same result, no overflow), so a small T
 * tends to the argmax (shared evenly between tied maxima) and a large one to uniform; −∞ gives exactly 0.
 */
export function softmaxRows(m: Matrix, temperature = 1): Matrix {
  return m.map((row) => {
    const top = Math.max(...row);
    const e = row.map((v) => (v === -Infinity ? 0 : Math.exp((v - top) / temperature)));
    const sum = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / sum);
  });
}

/** The causal mask: −∞ above the diagonal (key j after query i), the entry itself elsewhere. */
export function causalMask(m: Matrix): Matrix {
  return m.map((row, i) => row.map((v, j) => (j > i ? -Infinity : v)));
}

export interface AttentionOptions {
  /** Divide the scores by √d_k. */
  scale: boolean;
  /** The causal mask. */
  mask: boolean;
  /** T in softmax(scores / T), > 0. */
  temperature: number;
}

export interface AttentionResult {
  q: Matrix;
  k: Matrix;
  v: Matrix;
  /** Q·Kᵀ. */
  scores: Matrix;
  /** scores / √d_k, or scores with the scaling off. */
  scaled: Matrix;
  /** scaled with −∞ above the diagonal, or scaled without the mask. */
  masked: Matrix;
  /** softmax(masked / T), row by row: every row sums to 1. */
  weights: Matrix;
  /** weights·V. */
  output: Matrix;
  /** The width of Q and K. */
  dk: number;
  /** What the scores were divided by: √d_k, or 1 with the scaling off. */
  divisor: number;
}

/** Attention(Q, K, V) = softmax(mask(QKᵀ / √d_k) / T)·V, with every step kept. */
export function attention(q: Matrix, k: Matrix, v: Matrix, options: AttentionOptions): AttentionResult {
  const dk = q[0]?.length ?? 0;
  if (k.some((row) => row.length !== dk)) throw new Error('attention: Q and K must have the same width');
  if (k.length !== v.length) throw new Error('attention: K and V must have a row per token');
  if (!(options.temperature > 0)) throw new Error('attention: the temperature must be positive');
  const scores = matmul(q, transpose(k));
  const divisor = options.scale ? Math.sqrt(dk) : 1;
  const scaled = scores.map((row) => row.map((s) => s / divisor));
  const masked = options.mask ? causalMask(scaled) : scaled;
  const weights = softmaxRows(masked, options.temperature);
  const output = matmul(weights, v);
  return { q, k, v, scores, scaled, masked, weights, output, dk, divisor };
}

/** Attention of the tokens X: Q, K, V through the projections, or Q = K = V = X with `projections` null. */
export function attentionOf(
  x: Matrix,
  projections: { wq: Matrix; wk: Matrix; wv: Matrix } | null,
  options: AttentionOptions,
): AttentionResult {
  if (!projections) return attention(x, x, x, options);
  return attention(matmul(x, projections.wq), matmul(x, projections.wk), matmul(x, projections.wv), options);
}
