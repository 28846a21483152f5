import type { Lang } from '../state/params';

/** Numbers as a learner reads them: few digits, no "0.30000000000000004". */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(digits - 1).replace('e+', 'e');
  return String(Number(value.toPrecision(digits)));
}

/**
 * A number already written out, with the percent sign in the page's typography: "93.4%" on a Chinese page,
 * "93.4 %" on an English one (the lessons' house style in each language).
 */
export function withPercent(text: string, lang: Lang): string {
  return lang === 'zh' ? `${text}%` : `${text} %`;
}

/** A share (0.934) as a percentage with `digits` decimals: "93.4%" in Chinese, "93.4 %" in English. */
export function percentText(share: number, lang: Lang, digits = 1): string {
  return withPercent((share * 100).toFixed(digits), lang);
}

/** A count as running text writes it: "12,704" in English, "12704" in Chinese (no thousands separators). */
export function countText(n: number, lang: Lang): string {
  return lang === 'zh' ? String(n) : n.toLocaleString('en');
}
