/**
 * Choosing the next token from the model's logits: greedy (the most probable), or a draw from
 * softmax(z / temperature) restricted to the k most probable tokens (top-k) and to the smallest set of most
 * probable tokens whose probabilities reach p (top-p, "nucleus"). Plain numbers, no tfjs: the lesson's worked
 * example and the tests use the same function as the widget.
 */

export interface SamplingOptions {
  /** Divides the logits before the softmax; at 0 (or below 1e-6) sampling is greedy. */
  temperature: number;
  /** Keep only the k most probable tokens; 0 keeps all. */
  topK: number;
  /** Keep the smallest set of most probable tokens whose probabilities sum to at least p; 1 keeps all. */
  topP: number;
  /** Always take the most probable token. */
  greedy: boolean;
}

export const GREEDY_TEMPERATURE = 1e-6;

export function argMax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** softmax(z / temperature), computed stably (the largest logit subtracted first). */
export function softmaxWithTemperature(logits: ArrayLike<number>, temperature: number): Float64Array {
  const out = new Float64Array(logits.length);
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]);
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp((logits[i] - max) / temperature);
    total += out[i];
  }
  for (let i = 0; i < out.length; i++) out[i] /= total;
  return out;
}

/**
 * The distribution sampling draws from: the tempered softmax with everything outside the top-k and the top-p
 * set set to 0, renormalised. Ties at the boundary are broken by the lower token id.
 */
export function samplingDistribution(logits: ArrayLike<number>, options: Omit<SamplingOptions, 'greedy'>): Float64Array {
  const p = softmaxWithTemperature(logits, Math.max(options.temperature, GREEDY_TEMPERATURE));
  const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a] || a - b);
  let keep = order.length;
  if (options.topK > 0) keep = Math.min(keep, options.topK);
  if (options.topP < 1) {
    let sum = 0;
    for (let i = 0; i < keep; i++) {
      sum += p[order[i]];
      if (sum >= options.topP) {
        keep = i + 1;
        break;
      }
    }
  }
  const out = new Float64Array(p.length);
  let total = 0;
  for (let i = 0; i < keep; i++) total += p[order[i]];
  for (let i = 0; i < keep; i++) out[order[i]] = p[order[i]] / total;
  return out;
}

/** One token: the most probable when greedy or at temperature ≈ 0, else a draw with `random()` in [0, 1). */
export function sampleToken(logits: ArrayLike<number>, options: SamplingOptions, random: () => number): number {
  if (options.greedy || options.temperature <= GREEDY_TEMPERATURE) return argMax(logits);
  const p = samplingDistribution(logits, options);
  let u = random();
  let last = 0;
  for (let i = 0; i < p.length; i++) {
    if (p[i] === 0) continue;
    last = i;
    u -= p[i];
    if (u < 0) return i;
  }
  return last;
}
