/** Scaled dot-product attention (src/ml/attention/attention.ts) against hand computations. */
import { describe, expect, it } from 'vitest';
import {
  ATTENTION_PRESETS,
  attention,
  attentionOf,
  causalMask,
  matmul,
  softmaxRows,
  transpose,
  type AttentionOptions,
  type Matrix,
} from '../../src/ml/attention/attention';
import { createRng, gaussian } from '../../src/ml/shared/random';

const PLAIN: AttentionOptions = { scale: true, mask: false, temperature: 1 };
const I2: Matrix = [
  [1, 0],
  [0, 1],
];

function expectClose(actual: Matrix, expected: Matrix, digits = 10) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((v, j) => expect(v, `[${i}][${j}]`).toBeCloseTo(expected[i][j], digits));
  });
}

const rowSums = (m: Matrix) => m.map((row) => row.reduce((s, v) => s + v, 0));

describe('matrix helpers', () => {
  it('multiplies and transposes', () => {
    expect(
      matmul(
        [
          [1, 2],
          [3, 4],
          [5, 6],
        ],
        [
          [1, 0, -1],
          [2, 1, 0],
        ],
      ),
    ).toEqual([
      [5, 2, -1],
      [11, 4, -3],
      [17, 6, -5],
    ]);
    expect(
      transpose([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(() => matmul([[1, 2]], [[1, 2]])).toThrow(/columns/);
  });
  it('softmax of [0, ln 2, ln 3] is [1/6, 2/6, 3/6]; −∞ gives exactly 0', () => {
    expectClose(softmaxRows([[0, Math.log(2), Math.log(3)]]), [[1 / 6, 2 / 6, 3 / 6]]);
    expect(softmaxRows([[1, -Infinity, 1]])).toEqual([[0.5, 0, 0.5]]);
    // Large entries do not overflow.
    expectClose(softmaxRows([[1000, 1000]]), [[0.5, 0.5]]);
  });
});

describe('the 2 × 2 identity, written out', () => {
  // Q = K = V = I₂, d_k = 2: QKᵀ = I₂, scaled = I₂/√2, row 0 = softmax([1/√2, 0]).
  const r = attention(I2, I2, I2, PLAIN);
  const a = Math.exp(1 / Math.SQRT2) / (Math.exp(1 / Math.SQRT2) + 1); // ≈ 0.6698
  it('scores, scaled scores, weights and output', () => {
    expect(r.dk).toBe(2);
    expect(r.divisor).toBeCloseTo(Math.SQRT2, 12);
    expectClose(r.scores, I2);
    expectClose(r.scaled, [
      [1 / Math.SQRT2, 0],
      [0, 1 / Math.SQRT2],
    ]);
    expectClose(r.weights, [
      [a, 1 - a],
      [1 - a, a],
    ]);
    expect(a).toBeCloseTo(0.6698, 4);
    // V = I₂: the output is the weights.
    expectClose(r.output, r.weights);
  });
  it('without the scaling, row 0 is softmax([1, 0]) = [e/(e + 1), 1/(e + 1)]', () => {
    const plain = attention(I2, I2, I2, { ...PLAIN, scale: false });
    expectClose(plain.scaled, I2);
    const b = Math.E / (Math.E + 1);
    expectClose(plain.weights, [
      [b, 1 - b],
      [1 - b, b],
    ]);
  });
  it('the preset gives the same through the projections', () => {
    const p = ATTENTION_PRESETS.identity;
    expectClose(attentionOf(p.x, p, PLAIN).weights, r.weights);
    expectClose(attentionOf(p.x, null, PLAIN).weights, r.weights);
  });
});

describe('attention on every preset and setting', () => {
  const settings: AttentionOptions[] = [];
  for (const scale of [true, false])
    for (const mask of [false, true]) for (const temperature of [0.1, 1, 10]) settings.push({ scale, mask, temperature });

  it('every row of the weights sums to 1 and the output is weights · V', () => {
    for (const [name, p] of Object.entries(ATTENTION_PRESETS)) {
      for (const projections of [p, null]) {
        for (const options of settings) {
          const r = attentionOf(p.x, projections, options);
          rowSums(r.weights).forEach((s) => expect(s, `${name} ${JSON.stringify(options)}`).toBeCloseTo(1, 12));
          r.weights.flat().forEach((w) => expect(w).toBeGreaterThanOrEqual(0));
          expectClose(r.output, matmul(r.weights, r.v));
        }
      }
    }
  });

  it('the causal mask gives −∞ scores and exactly 0 weights above the diagonal, and leaves the rest alone', () => {
    for (const p of Object.values(ATTENTION_PRESETS)) {
      const open = attentionOf(p.x, p, PLAIN);
      const masked = attentionOf(p.x, p, { ...PLAIN, mask: true });
      masked.masked.forEach((row, i) =>
        row.forEach((v, j) => {
          if (j > i) {
            expect(v).toBe(-Infinity);
            expect(masked.weights[i][j]).toBe(0);
          } else expect(v).toBe(open.scaled[i][j]);
        }),
      );
      // The first token sees only itself; the last sees everything, as without the mask.
      expect(masked.weights[0][0]).toBe(1);
      const last = p.x.length - 1;
      masked.weights[last].forEach((w, j) => expect(w).toBeCloseTo(open.weights[last][j], 12));
    }
    expect(
      causalMask([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [1, -Infinity],
      [3, 4],
    ]);
  });

  it('scales the scores by exactly √d_k', () => {
    const p = ATTENTION_PRESETS.pronoun;
    const r = attentionOf(p.x, p, PLAIN);
    expect(r.dk).toBe(3);
    r.scaled.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(r.scores[i][j] / Math.sqrt(3), 12)));
    // Without projections Q = K = X, d_k = d_model = 4.
    const x = attentionOf(p.x, null, PLAIN);
    expect(x.dk).toBe(4);
    expect(x.divisor).toBe(2);
    // Dividing by √d_k is the same as a temperature of √d_k without it.
    const t = attentionOf(p.x, p, { scale: false, mask: false, temperature: Math.sqrt(3) });
    expectClose(t.weights, r.weights, 12);
  });

  it('a temperature near 0 approaches the argmax, a large one the uniform distribution', () => {
    const row = [[1, 2.5, 0.5, 2]];
    expect(softmaxRows(row, 0.01)[0][1]).toBeGreaterThan(1 - 1e-10);
    expect(softmaxRows(row, 0.1)[0][1]).toBeGreaterThan(0.99);
    let previous = 0;
    for (const t of [10, 1, 0.5, 0.1, 0.01]) {
      const top = softmaxRows(row, t)[0][1];
      expect(top).toBeGreaterThan(previous);
      previous = top;
    }
    softmaxRows(row, 1e6)[0].forEach((w) => expect(w).toBeCloseTo(0.25, 5));
    // A tie shares the limit evenly.
    softmaxRows([[3, 3, 0]], 0.001)[0].forEach((w, j) => expect(w).toBeCloseTo([0.5, 0.5, 0][j], 10));
    expect(() => attention(I2, I2, I2, { ...PLAIN, temperature: 0 })).toThrow(/temperature/);
  });

  it('identical tokens get uniform weights whatever the projections (1/(i + 1) under the mask)', () => {
    const p = ATTENTION_PRESETS.same;
    for (const projections of [p, null, { wq: p.wk, wk: p.wq, wv: p.wq }]) {
      for (const options of settings) {
        const r = attentionOf(p.x, projections, options);
        r.weights.forEach((row, i) => row.forEach((w, j) => expect(w).toBeCloseTo(options.mask ? (j <= i ? 1 / (i + 1) : 0) : 1 / 4, 12)));
      }
    }
  });
});

describe('the presets quote these figures', () => {
  const round = (m: Matrix, digits = 3) => m.map((row) => row.map((v) => Number(v.toFixed(digits))));

  it('pronoun: "it" attends mostly to "animal"', () => {
    const p = ATTENTION_PRESETS.pronoun;
    const it = p.tokens.en.indexOf('it');
    expect(p.tokens.en).toEqual(['animal', 'cross', 'street', 'it', 'tired']);
    const r = attentionOf(p.x, p, PLAIN);
    expect(round(r.q)[it]).toEqual([3, 0.5, 0.6]);
    expect(round(r.scores)[it]).toEqual([6, 1.4, 1, 2.1, 2.4]);
    expect(round(r.scaled)[it]).toEqual([3.464, 0.808, 0.577, 1.212, 1.386]);
    expect(round(r.weights)[it]).toEqual([0.737, 0.052, 0.041, 0.078, 0.092]);
    expect(round(r.output)[it]).toEqual([0.779, 0.075, 0.144]);
    const weights = r.weights[it];
    expect(weights.indexOf(Math.max(...weights))).toBe(p.tokens.en.indexOf('animal'));
    expect(round(attentionOf(p.x, p, { ...PLAIN, scale: false }).weights)[it]).toEqual([0.94, 0.009, 0.006, 0.019, 0.026]);
    expect(round(attentionOf(p.x, p, { ...PLAIN, mask: true }).weights)[it]).toEqual([0.812, 0.057, 0.045, 0.085, 0]);
  });

  it('match: "dog?" finds dog (e³/(e³ + 3) = 0.870) and copies its value', () => {
    const p = ATTENTION_PRESETS.match;
    const r = attentionOf(p.x, p, PLAIN);
    const hit = Math.exp(3) / (Math.exp(3) + 3);
    expect(hit).toBeCloseTo(0.87, 3);
    expectClose([r.weights[3]], [[(1 - hit) / 3, hit, (1 - hit) / 3, (1 - hit) / 3]]);
    expectClose([r.output[3]], [r.weights[3]]);
    for (let i = 0; i < 3; i++) r.weights[i].forEach((w) => expect(w).toBeCloseTo(0.25, 12));
  });

  it('the tokens have the same count in both languages and match the rows', () => {
    for (const p of Object.values(ATTENTION_PRESETS)) {
      expect(p.tokens.zh.length).toBe(p.x.length);
      expect(p.tokens.en.length).toBe(p.x.length);
      const d = p.x[0].length;
      for (const w of [p.wq, p.wk, p.wv]) expect(w.length).toBe(d);
      expect(p.wq[0].length).toBe(p.wk[0].length);
      expect(p.x.length).toBeGreaterThanOrEqual(2);
      expect(d).toBeGreaterThanOrEqual(2);
      expect(d).toBeLessThanOrEqual(4);
    }
  });
});

describe('why √d_k', () => {
  it('q·k of unit-variance random q, k has variance d_k; divided by √d_k, variance 1', () => {
    const rng = createRng(12);
    const samples = 20_000;
    const variance = (values: number[]) => {
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      return { mean, variance: values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length };
    };
    for (const dk of [4, 16, 64]) {
      const dots: number[] = [];
      for (let s = 0; s < samples; s++) {
        let dot = 0;
        for (let i = 0; i < dk; i++) dot += gaussian(rng) * gaussian(rng);
        dots.push(dot);
      }
      const raw = variance(dots);
      expect(Math.abs(raw.mean)).toBeLessThan(0.1 * Math.sqrt(dk));
      expect(raw.variance / dk, `d_k = ${dk}`).toBeGreaterThan(0.9);
      expect(raw.variance / dk, `d_k = ${dk}`).toBeLessThan(1.1);
      // The scaled score q·k/√d_k has variance ≈ 1 whatever d_k: softmax sees scores of the same spread.
      const scaled = variance(dots.map((dot) => dot / Math.sqrt(dk)));
      expect(scaled.variance).toBeGreaterThan(0.9);
      expect(scaled.variance).toBeLessThan(1.1);
    }
  });
});
