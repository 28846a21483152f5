/**
 * The expected squared error of a fit on fresh data from the widget's own source: x uniform on [−1, 1],
 * y = sin(πx) + σ·N(0, 1). Averaged over the noise, a prediction p(x) costs (p(x) − sin(πx))² + σ², so
 *
 *   E[(ŷ − y)²] = ½ ∫₋₁¹ (p(x) − sin(πx))² dx + σ².
 *
 * The integral is computed by Gauss–Legendre quadrature with QUADRATURE_NODES nodes, which is exact for
 * polynomials up to degree 2·32 − 1 = 63: p² (degree ≤ 30) exactly, and sin(πx)'s Taylor series beyond
 * degree 63 weighs less than 10⁻⁵⁰, so the result is exact up to rounding. No sample of new points is drawn.
 */
import { predict, target, X_RANGE } from './math';

export const QUADRATURE_NODES = 32;

/** Nodes and weights of the n-point Gauss–Legendre rule on [−1, 1] (Newton's method on the Legendre polynomial Pₙ). */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // P₀ … Pₙ at z by the three-term recurrence; Pₙ′ from Pₙ and Pₙ₋₁.
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * z * p1 - (k - 1) * p0) / k];
      derivative = (n * (z * p1 - p0)) / (z * z - 1);
      const next = z - p1 / derivative;
      const done = Math.abs(next - z) < 1e-15;
      z = next;
      if (done) break;
    }
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = w[n - 1 - i] = 2 / ((1 - z * z) * derivative * derivative);
  }
  return { x, w };
}

/**
 * The rule on X_RANGE with weights that sum to 1: Σ weightᵢ·f(xᵢ) is the mean of f over x uniform on the
 * range. The trainer measures the same sum on these nodes.
 */
export const NEW_DATA_RULE = (() => {
  const { x, w } = gaussLegendre(QUADRATURE_NODES);
  const [lo, hi] = X_RANGE;
  return {
    x: x.map((t) => lo + ((t + 1) * (hi - lo)) / 2),
    weight: w.map((v) => v / 2),
    truth: x.map((t) => target(lo + ((t + 1) * (hi - lo)) / 2)),
  };
})();

/** E[(ŷ − y)²] on fresh data for the polynomial θ = [b, w₁, …, w_d] at noise level σ. */
export function expectedMse(theta: ArrayLike<number>, noise: number): number {
  let sum = 0;
  NEW_DATA_RULE.x.forEach((x, i) => (sum += NEW_DATA_RULE.weight[i] * (predict(theta, x) - NEW_DATA_RULE.truth[i]) ** 2));
  return sum + noise * noise;
}
