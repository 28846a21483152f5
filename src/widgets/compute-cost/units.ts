/**
 * Large numbers as each language reads them: "7.20 × 10²³" for FLOPs, "8 billion" / "80 亿" for counts,
 * "$1.01 million" / "101 万美元" for money, to three significant digits.
 */
import type { Lang } from '../../state/params';

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** Three significant digits, without trailing zeros: 20.57 → "20.6", 8 → "8". */
export function sig(value: number, digits = 3): string {
  return String(Number(value.toPrecision(digits)));
}

/** Scientific notation with a superscript exponent: 7.2e23 → "7.20 × 10²³". */
export function sci(value: number, digits = 3): string {
  if (!Number.isFinite(value) || value === 0) return String(value);
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const power = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c])
    .join('');
  return `${mantissa} × 10${power}`;
}

const EN_SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];
const ZH_SCALES: [number, string][] = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];

/** A count in words: 8e9 → "8 billion" / "80 亿"; 505,357 → "505,000" / "50.5 万"; beyond 10¹⁵, scientific. */
export function bigCount(value: number, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e15) return sci(value);
  const scales = lang === 'zh' ? ZH_SCALES : EN_SCALES;
  for (const [scale, name] of scales) if (Math.abs(value) >= scale) return `${sig(value / scale)} ${name}`;
  const rounded = Number(value.toPrecision(3));
  return lang === 'zh' || Math.abs(rounded) < 1000 ? String(rounded) : rounded.toLocaleString('en');
}

/** US dollars: "$1.01 million", "$0.0225" / "101 万美元", "0.0225 美元". */
export function money(value: number, lang: Lang): string {
  if (lang === 'en') return `$${bigCount(value, lang)}`;
  const count = bigCount(value, lang);
  return /[万亿]$/.test(count) ? `${count}美元` : `${count} 美元`;
}
