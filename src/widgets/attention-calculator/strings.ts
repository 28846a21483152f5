/** The attention calculator's own words, in both languages. Q 查询, K 键, V 值 (K is the key matrix 键矩阵). */
import type { Lang } from '../../i18n/strings';

const zh = {
  hint: '改动 X 或投影矩阵中的任何一个数，下面的结果都会立即重算。把鼠标悬停在某个数上，或者用键盘移到它那里，就能看到它是怎么算出来的；在一张表里按方向键可以逐格移动。',
  notInLink: '“复制链接”只记录例子和各个开关，不记录你改过的数。',
  restore: '恢复例子里的数',
  x: (d: number) => `X：每个词元一行，每行一个向量（d_model = ${d}）`,
  w: (name: string, rows: number, cols: number) => `${name}（${rows} × ${cols}）`,
  projectionsOff: '投影已关闭：Q = K = V = X，d_k = d_model。',
  q: '查询矩阵 Q = X·W_Q',
  k: '键矩阵 K = X·W_K',
  v: '值矩阵 V = X·W_V',
  qPlain: '查询矩阵 Q = X',
  kPlain: '键矩阵 K = X',
  vPlain: '值矩阵 V = X',
  scores: '得分 QKᵀ：每个查询与每个键的点积',
  scaled: (dk: number, divisor: string) => `缩放后的得分 QKᵀ / √d_k（√${dk} = ${divisor}）`,
  unscaled: '未缩放的得分（“除以 √d_k”已关闭）',
  masked: '加上因果掩码：词元看不到它后面的词元（−∞）',
  weights: (t: string) => `注意力权重 softmax(得分 / T)，T = ${t}：每行之和为 1`,
  output: '输出 = 权重 · V：每个词元得到一个新向量',
  corner: '查询 ↓ 键 →',
  token: '词元',
  dim: '维',
  sum: 'Σ',
  xLabel: (token: string, j: number) => `X 中词元“${token}”的第 ${j} 维`,
  wLabel: (name: string, r: number, c: number) => `${name} 第 ${r} 行第 ${c} 列`,
  // The explanations that follow the focused or hovered cell.
  explainInput: (label: string) => `${label}：可以直接修改，按 ↑ ↓ 每次改 0.1。`,
  explainProjection: (m: string, token: string, j: number, terms: string, value: string) =>
    `${m}[${token}][${j}] = X[${token}] 与 W_${m} 第 ${j} 列的点积 = ${terms} = ${value}`,
  explainCopy: (m: string, token: string, j: number, value: string) => `${m}[${token}][${j}] = X[${token}][${j}] = ${value}（投影已关闭）`,
  explainScore: (q: string, k: string, terms: string, value: string) => `QKᵀ[${q}][${k}] = Q[${q}] · K[${k}] = ${terms} = ${value}`,
  explainScaled: (q: string, k: string, score: string, divisor: string, value: string) =>
    `缩放后[${q}][${k}] = ${score} / ${divisor} = ${value}`,
  explainUnscaled: (q: string, k: string, value: string) => `[${q}][${k}] = QKᵀ[${q}][${k}] = ${value}（未缩放）`,
  explainMaskedOut: (q: string, k: string) => `[${q}][${k}] = −∞：“${k}”在“${q}”之后，因果掩码不让“${q}”看到它。`,
  explainMaskedIn: (q: string, k: string, value: string) => `[${q}][${k}] = ${value}：“${k}”不在“${q}”之后，保留原得分。`,
  explainWeight: (q: string, k: string, t: string, fraction: string, value: string) =>
    `weights[${q}][${k}] = “${q}”这一行的 softmax 在“${k}”处的值：e^(得分/T) / Σ e^(得分/T)，T = ${t}${fraction} = ${value}`,
  explainWeightZero: (q: string, k: string) => `weights[${q}][${k}] = 0（恰好为 0）：掩码给了 −∞，而 e^−∞ = 0。`,
  explainSum: (q: string, value: string) => `“${q}”这一行的权重之和 = ${value}（softmax 的每一行加起来都是 1）`,
  explainOutput: (q: string, j: number, terms: string, value: string) =>
    `output[${q}][${j}] = Σ weights[${q}][·] × V[·][${j}] = ${terms} = ${value}`,
};

export type AttentionStrings = typeof zh;

const en: AttentionStrings = {
  hint: 'Edit any number of X or of the projection matrices: everything below is recomputed at once. Hover over a number, or focus it with the keyboard, to see how it was computed; inside a table the arrow keys move from cell to cell.',
  notInLink: 'Copy link keeps the example and the switches, not the numbers you edited.',
  restore: 'Restore the example’s numbers',
  x: (d) => `X: one vector per token (d_model = ${d})`,
  w: (name, rows, cols) => `${name} (${rows} × ${cols})`,
  projectionsOff: 'Projections off: Q = K = V = X, and d_k = d_model.',
  q: 'Queries Q = X·W_Q',
  k: 'Keys K = X·W_K',
  v: 'Values V = X·W_V',
  qPlain: 'Queries Q = X',
  kPlain: 'Keys K = X',
  vPlain: 'Values V = X',
  scores: 'Scores QKᵀ: every query against every key',
  scaled: (dk, divisor) => `Scaled scores QKᵀ / √d_k (√${dk} = ${divisor})`,
  unscaled: 'Scores, not scaled (“Divide by √d_k” is off)',
  masked: 'With the causal mask: a token cannot see the tokens after it (−∞)',
  weights: (t) => `Attention weights softmax(scores / T), T = ${t}: every row sums to 1`,
  output: 'Output = weights · V: a new vector for every token',
  corner: 'query ↓ key →',
  token: 'token',
  dim: 'dim.',
  sum: 'Σ',
  xLabel: (token, j) => `X, token “${token}”, dimension ${j}`,
  wLabel: (name, r, c) => `${name}, row ${r}, column ${c}`,
  explainInput: (label) => `${label}: edit it; ↑ and ↓ change it by 0.1.`,
  explainProjection: (m, token, j, terms, value) => `${m}[${token}][${j}] = X[${token}] · column ${j} of W_${m} = ${terms} = ${value}`,
  explainCopy: (m, token, j, value) => `${m}[${token}][${j}] = X[${token}][${j}] = ${value} (projections off)`,
  explainScore: (q, k, terms, value) => `QKᵀ[${q}][${k}] = Q[${q}] · K[${k}] = ${terms} = ${value}`,
  explainScaled: (q, k, score, divisor, value) => `scaled[${q}][${k}] = ${score} / ${divisor} = ${value}`,
  explainUnscaled: (q, k, value) => `[${q}][${k}] = QKᵀ[${q}][${k}] = ${value} (not scaled)`,
  explainMaskedOut: (q, k) => `[${q}][${k}] = −∞: “${k}” comes after “${q}”, and the causal mask hides it.`,
  explainMaskedIn: (q, k, value) => `[${q}][${k}] = ${value}: “${k}” does not come after “${q}”, so the score stays.`,
  explainWeight: (q, k, t, fraction, value) =>
    `weights[${q}][${k}] = softmax of row “${q}” at “${k}”: e^(score/T) / Σ e^(score/T), T = ${t}${fraction} = ${value}`,
  explainWeightZero: (q, k) => `weights[${q}][${k}] = 0 exactly: the mask gave −∞, and e^−∞ = 0.`,
  explainSum: (q, value) => `The weights of row “${q}” add up to ${value} (every row of a softmax sums to 1).`,
  explainOutput: (q, j, terms, value) => `output[${q}][${j}] = Σ weights[${q}][·] × V[·][${j}] = ${terms} = ${value}`,
};

export const ATTENTION_STRINGS: Record<Lang, AttentionStrings> = { zh, en };
