/**
 * The two baselines a character-level language model is measured against, as held-out cross-entropy in bits
 * per token (one token per character, so bits per character), from token ids (tokenizer.ts). tfjs-free.
 *
 * - Unigram with add-one smoothing: P(b) = (c(b) + 1) / (N + V), c counted over the N training tokens, V the
 *   vocabulary with its unknown token.
 * - Interpolated bigram: P(b | a) = λ·c(a, b)/c(a) + (1 − λ)·P_unigram(b), where c(a) counts a as the first of
 *   a pair. A context never seen in training (c(a) = 0) and the text's first token use P_unigram alone.
 *   Add-one smoothing of the bigram itself spreads so much mass over the V² pairs that it scored worse than
 *   the unigram on both corpora; interpolation does not.
 *   λ is chosen on the training text alone: counts from its first 90 % of tokens, λ maximizing the likelihood
 *   of its last 10 % (the log-likelihood is concave in λ, so a golden-section search finds it), then the counts
 *   are taken again from all of it. The held-out text never informs a choice.
 */

export function unigramProbabilities(train: Int32Array, vocabulary: number): Float64Array {
  const probabilities = new Float64Array(vocabulary).fill(1);
  for (let i = 0; i < train.length; i++) probabilities[train[i]]++;
  const total = train.length + vocabulary;
  for (let id = 0; id < vocabulary; id++) probabilities[id] /= total;
  return probabilities;
}

/** Vocabularies up to this size count pairs in a V × V table (Shakespeare's 66: 17 KB); larger ones in a map. */
const DENSE_VOCABULARY = 512;

/** Pair counts c(a, b) and context counts c(a) of consecutive tokens. */
export class BigramCounts {
  private readonly table: Uint32Array | undefined;
  private readonly map = new Map<number, number>();
  private readonly contexts: Float64Array;

  constructor(
    train: Int32Array,
    private readonly vocabulary: number,
  ) {
    this.contexts = new Float64Array(vocabulary);
    this.table = vocabulary <= DENSE_VOCABULARY ? new Uint32Array(vocabulary * vocabulary) : undefined;
    for (let i = 1; i < train.length; i++) {
      const key = train[i - 1] * vocabulary + train[i];
      if (this.table) this.table[key]++;
      else this.map.set(key, (this.map.get(key) ?? 0) + 1);
      this.contexts[train[i - 1]]++;
    }
  }

  pair(a: number, b: number): number {
    const key = a * this.vocabulary + b;
    return this.table ? this.table[key] : (this.map.get(key) ?? 0);
  }

  context(a: number): number {
    return this.contexts[a];
  }
}

/** P(next | previous); `previous` is undefined for a text's first token. */
export type TokenProbability = (previous: number | undefined, next: number) => number;

export function unigramModel(train: Int32Array, vocabulary: number): TokenProbability {
  const unigram = unigramProbabilities(train, vocabulary);
  return (_previous, next) => unigram[next];
}

export function interpolatedBigramModel(train: Int32Array, vocabulary: number, lambda: number): TokenProbability {
  const unigram = unigramProbabilities(train, vocabulary);
  const counts = new BigramCounts(train, vocabulary);
  return (previous, next) => {
    const seen = previous === undefined ? 0 : counts.context(previous);
    if (!seen) return unigram[next];
    return (lambda * counts.pair(previous!, next)) / seen + (1 - lambda) * unigram[next];
  };
}

/** Cross-entropy of `ids` under the model, in bits per token (0 for no tokens). */
export function bitsPerToken(ids: Int32Array, probability: TokenProbability): number {
  let bits = 0;
  for (let i = 0; i < ids.length; i++) bits -= Math.log2(probability(i ? ids[i - 1] : undefined, ids[i]));
  return ids.length ? bits / ids.length : 0;
}

const TUNING_SHARE = 0.1;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** The λ of the interpolated bigram, from the training tokens alone (see the note at the top). */
export function chooseLambda(train: Int32Array, vocabulary: number, tolerance = 1e-6): number {
  const cut = Math.floor(train.length * (1 - TUNING_SHARE));
  const fit = train.subarray(0, cut);
  const unigram = unigramProbabilities(fit, vocabulary);
  const counts = new BigramCounts(fit, vocabulary);
  // Per tuning token whose context (the token before, possibly the fit part's last) was seen: the bigram's
  // maximum-likelihood estimate and the unigram's. The others do not depend on λ.
  const bigramTerms: number[] = [];
  const unigramTerms: number[] = [];
  for (let i = Math.max(cut, 1); i < train.length; i++) {
    const seen = counts.context(train[i - 1]);
    if (!seen) continue;
    bigramTerms.push(counts.pair(train[i - 1], train[i]) / seen);
    unigramTerms.push(unigram[train[i]]);
  }
  const logLikelihood = (lambda: number) => {
    let sum = 0;
    for (let k = 0; k < bigramTerms.length; k++) sum += Math.log(lambda * bigramTerms[k] + (1 - lambda) * unigramTerms[k]);
    return sum;
  };
  let [low, high] = [0, 1];
  let [left, right] = [high - GOLDEN * (high - low), low + GOLDEN * (high - low)];
  let [atLeft, atRight] = [logLikelihood(left), logLikelihood(right)];
  while (high - low > tolerance) {
    if (atLeft < atRight) {
      [low, left, atLeft] = [left, right, atRight];
      right = low + GOLDEN * (high - low);
      atRight = logLikelihood(right);
    } else {
      [high, right, atRight] = [right, left, atLeft];
      left = high - GOLDEN * (high - low);
      atLeft = logLikelihood(left);
    }
  }
  return (low + high) / 2;
}

export interface Baselines {
  /** Held-out bits per token of the add-one unigram. */
  unigram: number;
  /** Held-out bits per token of the interpolated bigram. */
  bigram: number;
  /** The bigram's weight λ, chosen on the training text. */
  lambda: number;
}

export function heldOutBaselines(train: Int32Array, heldOut: Int32Array, vocabulary: number): Baselines {
  const lambda = chooseLambda(train, vocabulary);
  return {
    unigram: bitsPerToken(heldOut, unigramModel(train, vocabulary)),
    bigram: bitsPerToken(heldOut, interpolatedBigramModel(train, vocabulary, lambda)),
    lambda,
  };
}
