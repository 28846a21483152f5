/**
 * How each computed number of the calculator came about, in the learner's language and with the numbers
 * shown (e.g. "weights[it][animal] = softmax of row “it” at “animal”: … = 31.95 / 43.31 = 0.737").
 */
import type { AttentionResult, Matrix } from '../../ml/attention/attention';
import type { AttentionStrings } from './strings';

/** Shown with 2 decimals; the weights (and their sums) with 3. */
export const DIGITS = 2;
export const WEIGHT_DIGITS = 3;

/** A number with a fixed count of decimals, −∞ as such, and never "−0.00". */
export function fixed(value: number, digits: number): string {
  if (value === -Infinity) return '−∞';
  if (value === Infinity) return '∞';
  if (Number.isNaN(value)) return 'NaN';
  if (Math.abs(value) >= 1e5) return value.toExponential(2).replace('e+', 'e').replace('-', '−');
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text.replace('-', '−');
}

/** "a₁×b₁ + a₂×b₂ + …" with the shown precision. */
function terms(a: number[], b: number[], digitsA = DIGITS): string {
  return a.map((v, i) => `${fixed(v, digitsA)}×${fixed(b[i], DIGITS)}`).join(' + ');
}

type Explain = (i: number, j: number) => string;

export interface Explainers {
  q: Explain;
  k: Explain;
  v: Explain;
  scores: Explain;
  scaled: Explain;
  masked: Explain;
  weights: Explain;
  /** Row i's sum of weights. */
  sum: (i: number) => string;
  output: Explain;
}

export function explainers({
  r,
  x,
  projections,
  tokens,
  temperature,
  scale,
  s,
}: {
  r: AttentionResult;
  x: Matrix;
  /** W_Q, W_K, W_V, or null when Q = K = V = X. */
  projections: { wq: Matrix; wk: Matrix; wv: Matrix } | null;
  tokens: readonly string[];
  temperature: number;
  scale: boolean;
  s: AttentionStrings;
}): Explainers {
  const projected =
    (m: 'Q' | 'K' | 'V', result: Matrix, w: Matrix | undefined): Explain =>
    (i, j) =>
      w
        ? s.explainProjection(
            m,
            tokens[i],
            j + 1,
            terms(
              x[i],
              w.map((row) => row[j]),
            ),
            fixed(result[i][j], DIGITS),
          )
        : s.explainCopy(m, tokens[i], j + 1, fixed(x[i][j], DIGITS));
  const sums = r.weights.map((row) => row.reduce((a, w) => a + w, 0));
  return {
    q: projected('Q', r.q, projections?.wq),
    k: projected('K', r.k, projections?.wk),
    v: projected('V', r.v, projections?.wv),
    scores: (i, j) => s.explainScore(tokens[i], tokens[j], terms(r.q[i], r.k[j]), fixed(r.scores[i][j], DIGITS)),
    scaled: (i, j) =>
      scale
        ? s.explainScaled(tokens[i], tokens[j], fixed(r.scores[i][j], DIGITS), fixed(r.divisor, 3), fixed(r.scaled[i][j], DIGITS))
        : s.explainUnscaled(tokens[i], tokens[j], fixed(r.scaled[i][j], DIGITS)),
    masked: (i, j) =>
      r.masked[i][j] === -Infinity
        ? s.explainMaskedOut(tokens[i], tokens[j])
        : s.explainMaskedIn(tokens[i], tokens[j], fixed(r.masked[i][j], DIGITS)),
    weights: (i, j) => {
      if (r.masked[i][j] === -Infinity) return s.explainWeightZero(tokens[i], tokens[j]);
      // e^(s/T) and its row's sum, when they are numbers a learner can read.
      const exps = r.masked[i].map((v) => (v === -Infinity ? 0 : Math.exp(v / temperature)));
      const total = exps.reduce((a, e) => a + e, 0);
      const fraction = Number.isFinite(total) && total < 1e5 ? ` = ${fixed(exps[j], DIGITS)} / ${fixed(total, DIGITS)}` : '';
      return s.explainWeight(tokens[i], tokens[j], fixed(temperature, 2), fraction, fixed(r.weights[i][j], WEIGHT_DIGITS));
    },
    sum: (i) => s.explainSum(tokens[i], fixed(sums[i], WEIGHT_DIGITS)),
    output: (i, j) =>
      s.explainOutput(
        tokens[i],
        j + 1,
        terms(
          r.weights[i],
          r.v.map((row) => row[j]),
          WEIGHT_DIGITS,
        ),
        fixed(r.output[i][j], DIGITS),
      ),
  };
}
