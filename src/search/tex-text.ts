/**
 * How a formula reads in a search snippet. Display formulas are left out of the index (a block of TeX is
 * no help in a one-line snippet); inline ones are kept as their TeX source, tidied so that the common
 * cases read as plain text: font wrappers are dropped and Greek letters and a few symbols become their
 * characters (`\boldsymbol{\beta}` → β, `\eta` → η); anything else stays as written (`\hat{y}`).
 */
const GREEK: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Delta: 'Δ',
  Sigma: 'Σ',
  Theta: 'Θ',
  nabla: '∇',
  partial: '∂',
  cdot: '·',
  times: '×',
  approx: '≈',
  leq: '≤',
  geq: '≥',
  le: '≤',
  ge: '≥',
  neq: '≠',
  infty: '∞',
  to: '→',
  leftarrow: '←',
  rightarrow: '→',
  sum: 'Σ',
  in: '∈',
};

const WRAPPERS = /\\(?:boldsymbol|mathbf|mathrm|mathit|mathcal|text|textbf|textrm|operatorname|bm)\s*\{([^{}]*)\}/g;

export function texToText(tex: string): string {
  let out = tex;
  // Twice: a wrapper may hold another (\mathbf{\mathrm{x}} is rare, \boldsymbol{\beta} common).
  for (let i = 0; i < 2; i++) out = out.replace(WRAPPERS, '$1');
  return out
    .replace(/\\([A-Za-z]+)/g, (whole, name: string) => GREEK[name] ?? whole)
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
