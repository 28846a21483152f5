/** Log-axis ticks at whole powers of ten, written 10¹² (the compute-cost and scaling charts). */
const POWER: Record<string, string> = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

export function powerOfTen(value: number): string {
  const exponent = String(Math.round(Math.log10(value)));
  return `10${exponent
    .split('')
    .map((c) => POWER[c])
    .join('')}`;
}

/** Every power of ten from `low` to `high` (both powers of ten). */
export function decadeTicks(low: number, high: number): number[] {
  const from = Math.round(Math.log10(low));
  const to = Math.round(Math.log10(high));
  return Array.from({ length: to - from + 1 }, (_, i) => 10 ** (from + i));
}
