/**
 * Every number lesson 12 (content/12-transformer-attention/{en,zh}.md) quotes, recomputed with plain arithmetic
 * (the widgets' math is built elsewhere). Nothing is parsed from the Markdown: each expectation is the value
 * written in the text, so a change on either side fails here. The lesson quotes no figures from training runs.
 */
import { describe, expect, it } from 'vitest';
import { TINY_TRANSFORMER_PARAMS } from '../../../src/ml/tiny-transformer/contract';
import { defaults } from '../../../src/state/params';

type Matrix = number[][];

const matmul = (a: Matrix, b: Matrix): Matrix => a.map((row) => b[0].map((_, j) => row.reduce((sum, x, k) => sum + x * b[k][j], 0)));
const transpose = (a: Matrix): Matrix => a[0].map((_, j) => a.map((row) => row[j]));
const softmax = (scores: number[]): number[] => {
  const top = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / total);
};

/** softmax(QKᵀ/√d_k + M)V row by row, with an optional causal mask (−∞ above the diagonal). */
function attention(Q: Matrix, K: Matrix, V: Matrix, { scale = true, causal = false } = {}) {
  const dk = Q[0].length;
  const scores = matmul(Q, transpose(K)).map((row, i) => row.map((s, j) => (causal && j > i ? -Infinity : scale ? s / Math.sqrt(dk) : s)));
  const weights = scores.map(softmax);
  return { scores, weights, output: matmul(weights, V) };
}

/** Rounds every entry to `digits` decimals, as the text prints them. */
const round = (a: Matrix, digits = 3) => a.map((row) => row.map((x) => Number(x.toFixed(digits)) + 0));

const I2: Matrix = [
  [1, 0],
  [0, 1],
];

describe('why attention: reach of a window of 3 tokens', () => {
  // L layers of a width-3 window see 2L + 1 tokens; two tokens d apart need 2L + 1 ≥ d + 1.
  const layersToLink = (distance: number) => Math.ceil(distance / 2);
  it('"it" is 6 positions after "animal": 3 layers; 50 positions apart: 25 layers', () => {
    const words = "The animal didn't cross the street because it was too tired".split(' ');
    expect(words.indexOf('it') - words.indexOf('animal')).toBe(6);
    expect(layersToLink(6)).toBe(3);
    expect(2 * 3 + 1).toBe(7);
    expect(layersToLink(50)).toBe(25);
    expect(2 * 25 + 1).toBeGreaterThanOrEqual(51);
    expect(2 * 24 + 1).toBeLessThan(51);
  });

  it('the score matrix is n × n: 64 scores for 8 tokens, a million for 1,000', () => {
    expect(8 * 8).toBe(64);
    expect(1000 * 1000).toBe(1_000_000);
  });
});

describe('the worked example: Q = K = V = the 2 × 2 identity, d_k = 2', () => {
  const { scores, weights, output } = attention(I2, I2, I2);

  it('QKᵀ = I; divided by √2 the diagonal is 1/√2 ≈ 0.707; √2 ≈ 1.414', () => {
    expect(matmul(I2, transpose(I2))).toEqual(I2);
    expect(round(scores)).toEqual([
      [0.707, 0],
      [0, 0.707],
    ]);
    expect(Math.SQRT2.toFixed(3)).toBe('1.414');
    expect(Math.exp(1 / Math.SQRT2).toFixed(3)).toBe('2.028');
    expect((Math.exp(1 / Math.SQRT2) + 1).toFixed(3)).toBe('3.028');
  });

  it('weights 0.670 and 0.330 in each row (rows sum to 1); the output AV equals the weights', () => {
    const e = Math.exp(1 / Math.SQRT2);
    expect((e / (e + 1)).toFixed(3)).toBe('0.670');
    expect((1 / (e + 1)).toFixed(3)).toBe('0.330');
    expect(round(weights)).toEqual([
      [0.67, 0.33],
      [0.33, 0.67],
    ]);
    for (const row of weights) expect(row[0] + row[1]).toBeCloseTo(1, 12);
    expect(output).toEqual(weights);
  });

  it('without the division: e/(e + 1) ≈ 0.731 and 0.269', () => {
    const plain = attention(I2, I2, I2, { scale: false });
    expect(round(plain.weights)).toEqual([
      [0.731, 0.269],
      [0.269, 0.731],
    ]);
    expect((Math.E / (Math.E + 1)).toFixed(3)).toBe('0.731');
  });

  it('with the causal mask: A = [[1, 0], [0.330, 0.670]], outputs v₁ = (1, 0) and (0.330, 0.670)', () => {
    const masked = attention(I2, I2, I2, { causal: true });
    expect(masked.scores[0][1]).toBe(-Infinity);
    expect(masked.weights[0]).toEqual([1, 0]);
    expect(round(masked.weights)).toEqual([
      [1, 0],
      [0.33, 0.67],
    ]);
    expect(round(masked.output)).toEqual([
      [1, 0],
      [0.33, 0.67],
    ]);
  });

  it('the causal mask on 3 tokens: zeros above the diagonal, first row (1, 0, 0)', () => {
    const X = [
      [0.3, -1.2],
      [2, 0.5],
      [-0.7, 1.1],
    ];
    const { weights } = attention(X, X, X, { causal: true });
    expect(weights[0]).toEqual([1, 0, 0]);
    expect(weights[1][2]).toBe(0);
    for (const row of weights) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe('why divide by √d_k', () => {
  it('Var(q·k) = d_k for independent components of mean 0, variance 1 (checked by simulation)', () => {
    // A small deterministic generator (mulberry32) and Box–Muller normals.
    let state = 12345;
    const uniform = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    const dk = 64;
    const samples = 20000;
    let sum = 0;
    let sumSq = 0;
    for (let s = 0; s < samples; s++) {
      let dot = 0;
      for (let m = 0; m < dk; m++) dot += normal() * normal();
      sum += dot;
      sumSq += dot * dot;
    }
    const variance = sumSq / samples - (sum / samples) ** 2;
    expect(variance / dk).toBeGreaterThan(0.95);
    expect(variance / dk).toBeLessThan(1.05);
    expect(Math.sqrt(dk)).toBe(8);
  });

  it('scores (8, 0) give weights (0.99966, 0.00034) and a slope p(1 − p) ≈ 0.00034', () => {
    const [p, q] = softmax([8, 0]);
    expect(p.toFixed(5)).toBe('0.99966');
    expect(q.toFixed(5)).toBe('0.00034');
    expect((p * (1 - p)).toFixed(5)).toBe('0.00034');
  });

  it('divided by 8: (1, 0), weights (0.731, 0.269), slope 0.197, about 590 times more', () => {
    const [p8] = softmax([8, 0]);
    const [p1, q1] = softmax([8 / 8, 0]);
    expect(p1.toFixed(3)).toBe('0.731');
    expect(q1.toFixed(3)).toBe('0.269');
    expect((p1 * (1 - p1)).toFixed(3)).toBe('0.197');
    const ratio = (p1 * (1 - p1)) / (p8 * (1 - p8));
    expect(Math.round(ratio / 10) * 10).toBe(590);
  });

  it('d_k = 512/8 = 64 in the original Transformer; the tiny transformer: 32/2 = 16', () => {
    expect(512 / 8).toBe(64);
    expect(32 / 2).toBe(16);
  });
});

describe('multi-head attention: 4·d_model² parameters (+ 4·d_model biases)', () => {
  const mha = (d: number, h: number, biases: boolean) => {
    const dk = d / h;
    const perHead = 3 * (d * dk + (biases ? dk : 0));
    return h * perHead + d * d + (biases ? d : 0);
  };
  it('d_model = 32: 4,096 (4,224 with biases), whatever the number of heads', () => {
    expect(4 * 32 ** 2).toBe(4096);
    for (const h of [1, 2, 4]) {
      expect(mha(32, h, false)).toBe(4096);
      expect(mha(32, h, true)).toBe(4224);
    }
  });
  it('d_model = 512: 1,048,576 (1,050,624 with biases)', () => {
    expect(4 * 512 ** 2).toBe(1_048_576);
    expect(mha(512, 8, false)).toBe(1_048_576);
    expect(mha(512, 8, true)).toBe(1_050_624);
  });
});

describe('positional encoding', () => {
  const pe = (pos: number, d: number) =>
    Array.from({ length: d }, (_, c) => {
      const i = Math.floor(c / 2);
      const angle = pos / 10000 ** ((2 * i) / d);
      return c % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    });
  const printed = (v: number[]) => v.map((x) => x.toFixed(3));

  it('permutation equivariance: shuffling the tokens shuffles the outputs the same way', () => {
    const X = [
      [0.3, -1.2, 0.8],
      [2, 0.5, -0.4],
      [-0.7, 1.1, 0.2],
    ];
    const Wq = [
      [0.5, -0.3],
      [0.1, 0.9],
      [-0.6, 0.2],
    ];
    const Wk = [
      [0.2, 0.4],
      [-0.8, 0.1],
      [0.3, 0.7],
    ];
    const Wv = [
      [1, 0],
      [0.5, -1],
      [0, 2],
    ];
    const out = (x: Matrix) => attention(matmul(x, Wq), matmul(x, Wk), matmul(x, Wv)).output;
    const order = [2, 0, 1];
    const shuffled = order.map((i) => X[i]);
    const expected = order.map((i) => out(X)[i]);
    out(shuffled).forEach((row, r) => row.forEach((x, c) => expect(x).toBeCloseTo(expected[r][c], 12)));
  });

  it('3 1 2 and 2 1 3 sort alike; 1 2 3 and 2 1 3 reverse differently', () => {
    const sort = (s: number[]) => [...s].sort((a, b) => a - b);
    expect(sort([3, 1, 2])).toEqual([1, 2, 3]);
    expect(sort([2, 1, 3])).toEqual([1, 2, 3]);
    expect([1, 2, 3].reverse()).toEqual([3, 2, 1]);
    expect([2, 1, 3].reverse()).toEqual([3, 1, 2]);
  });

  it('d_model = 4: frequencies 1 and 1/100; PE(0), PE(1), PE(2) as printed', () => {
    expect(1 / 10000 ** (0 / 4)).toBe(1);
    expect(1 / 10000 ** (2 / 4)).toBeCloseTo(1 / 100, 12);
    expect(pe(0, 4)).toEqual([0, 1, 0, 1]);
    expect(printed(pe(1, 4))).toEqual(['0.841', '0.540', '0.010', '1.000']);
    expect(printed(pe(2, 4))).toEqual(['0.909', '-0.416', '0.020', '1.000']);
  });

  it('wavelengths 2π ≈ 6.28 for the first pair, below 10000·2π ≈ 62,832 for the last', () => {
    expect((2 * Math.PI).toFixed(2)).toBe('6.28');
    expect(Math.round(10000 * 2 * Math.PI)).toBe(62832);
    for (const d of [4, 32, 512]) expect(2 * Math.PI * 10000 ** ((d - 2) / d)).toBeLessThan(10000 * 2 * Math.PI);
  });

  it('moving k positions on rotates each (sin, cos) pair by ω·k', () => {
    for (const [omega, pos, k] of [
      [1, 3, 2],
      [0.01, 17, 5],
      [0.3, 0, 9],
    ]) {
      const [c, s] = [Math.cos(omega * k), Math.sin(omega * k)];
      const [a, b] = [Math.sin(omega * pos), Math.cos(omega * pos)];
      expect(c * a + s * b).toBeCloseTo(Math.sin(omega * (pos + k)), 12);
      expect(-s * a + c * b).toBeCloseTo(Math.cos(omega * (pos + k)), 12);
    }
  });
});

describe('the transformer block', () => {
  it('layer normalization of (2, 4, 6, 8): μ = 5, σ² = 5, (−1.342, −0.447, 0.447, 1.342)', () => {
    const x = [2, 4, 6, 8];
    const mu = x.reduce((a, b) => a + b, 0) / x.length;
    const variance = x.reduce((a, b) => a + (b - mu) ** 2, 0) / x.length;
    expect(mu).toBe(5);
    expect((9 + 1 + 1 + 9) / 4).toBe(5);
    expect(variance).toBe(5);
    const ln = x.map((v) => (v - mu) / Math.sqrt(variance));
    expect(ln.map((v) => v.toFixed(3))).toEqual(['-1.342', '-0.447', '0.447', '1.342']);
    expect(ln.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    expect(ln.reduce((a, b) => a + b * b, 0) / ln.length).toBeCloseTo(1, 12);
  });

  it('ten layers that halve the gradient leave 0.5¹⁰ ≈ 0.001 of it', () => {
    expect(0.5 ** 10).toBeCloseTo(0.001, 3);
  });

  const block = (d: number) => {
    const attentionParams = 4 * d * d + 4 * d;
    const ffn = d * 4 * d + 4 * d + 4 * d * d + d;
    const norms = 2 * 2 * d;
    return { attentionParams, ffn, norms, total: attentionParams + ffn + norms };
  };

  it('a block has 12d² + 13d parameters: 12,704 for d = 32, 3,152,384 for d = 512 (two thirds in the FFN)', () => {
    for (const d of [32, 512, 12288]) expect(block(d).total).toBe(12 * d * d + 13 * d);
    expect(block(32)).toEqual({ attentionParams: 4224, ffn: 8352, norms: 128, total: 12_704 });
    expect(block(512)).toEqual({ attentionParams: 1_050_624, ffn: 2_099_712, norms: 2048, total: 3_152_384 });
    expect(block(512).ffn / block(512).total).toBeCloseTo(2 / 3, 2);
    expect(8 * 512 * 512 + 5 * 512).toBe(2_099_712);
  });

  it('GPT-3: 12·96·12,288² ≈ 1.74 × 10¹¹, embeddings 50,257 × 12,288 ≈ 0.62 billion, about 175 billion = 1750亿', () => {
    const blocks = 12 * 96 * 12288 ** 2;
    expect((blocks / 1e11).toFixed(2)).toBe('1.74');
    const embeddings = 50257 * 12288;
    expect((embeddings / 1e9).toFixed(2)).toBe('0.62');
    expect((embeddings / 1e8).toFixed(1)).toBe('6.2'); // 6.2亿 in zh
    expect(Math.round((blocks + embeddings) / 1e9)).toBe(175);
    expect(96 * 128).toBe(12288);
    // 175 billion is 1750 × 10⁸ (1750亿); 175亿 is 17.5 billion, ten times less.
    expect(175e9 / 1e8).toBe(1750);
    expect((175 * 1e8) / 1e9).toBe(17.5);
  });
});

describe('the quiz', () => {
  it('d_k = 4, scores 2 ln 3 ≈ 2.197 and 0: weights 3/4, 1/4, output (3, 1); unscaled 0.9, 0.1 → (3.6, 0.4)', () => {
    expect((2 * Math.log(3)).toFixed(3)).toBe('2.197');
    // A query and two keys of length d_k = 4 with these dot products.
    const q = [[Math.log(3), Math.log(3), 0, 0]];
    const K = [
      [1, 1, 0, 0],
      [0, 0, 1, 1],
    ];
    const raw = matmul(q, transpose(K))[0];
    expect(raw[0]).toBeCloseTo(2 * Math.log(3), 12);
    expect(raw[1]).toBe(0);
    const V = [
      [4, 0],
      [0, 4],
    ];
    const w = softmax(raw.map((s) => s / Math.sqrt(4)));
    expect(w[0]).toBeCloseTo(0.75, 12);
    expect(w[1]).toBeCloseTo(0.25, 12);
    const out = matmul([w], V)[0];
    expect(out[0]).toBeCloseTo(3, 12);
    expect(out[1]).toBeCloseTo(1, 12);
    expect(Math.exp(2 * Math.log(3))).toBeCloseTo(9, 12);
    const unscaled = softmax(raw);
    expect(unscaled[0]).toBeCloseTo(0.9, 12);
    const outUnscaled = matmul([unscaled], V)[0];
    expect(outUnscaled[0]).toBeCloseTo(3.6, 12);
    expect(outUnscaled[1]).toBeCloseTo(0.4, 12);
  });
});

describe('the tiny transformer as the lesson describes it', () => {
  /** A slider's range (int or float spec). */
  const range = (key: string) => {
    const found = TINY_TRANSFORMER_PARAMS.find((p) => p.key === key);
    if (!found || !('min' in found)) throw new Error(`${key} is not a slider`);
    return [found.min, found.max];
  };
  it('defaults: width 32 with 2 heads (d_k = 16), 1 block, lr 0.001, batch 32; ranges 16–64, 1–4 heads, 1–2 blocks, length up to 12', () => {
    const d = defaults(TINY_TRANSFORMER_PARAMS);
    expect([d.width, d.heads, d.layers, d.lr, d.batch]).toEqual([32, 2, 1, 0.001, 32]);
    expect(d.width / d.heads).toBe(16);
    expect(range('width')).toEqual([16, 64]);
    expect(range('heads')).toEqual([1, 4]);
    expect(range('layers')).toEqual([1, 2]);
    expect(range('length')[1]).toBe(12);
    expect(range('lr')[1]).toBeGreaterThanOrEqual(0.1);
  });
});
