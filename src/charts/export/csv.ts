/**
 * A line chart's data as CSV (RFC 4180): a header, then one row per step (or epoch) that any series has, in
 * order; a series with no value at a row leaves its field empty. Values are written in full (JavaScript's
 * shortest round-trip form), not as the chart rounds them.
 */

export interface CsvColumn {
  name: string;
  /** Point i is values[i·stride + offset] at x = (i + 1)·xStep, for i < count. */
  values: ArrayLike<number>;
  stride?: number;
  offset?: number;
  xStep?: number;
  count?: number;
}

/** A field quoted when it holds a comma, a quote or a line break, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function columnLength(c: CsvColumn): number {
  const stride = c.stride ?? 1;
  const offset = c.offset ?? 0;
  return Math.max(0, Math.min(Math.floor((c.values.length - offset + stride - 1) / stride), c.count ?? Infinity));
}

/** x to 12 significant digits, so a fractional epoch reads 0.3 rather than 0.30000000000000004. */
const xKey = (x: number) => Number(x.toPrecision(12));

export function seriesCsv(xName: string, columns: readonly CsvColumn[]): string {
  const byX = new Map<number, (number | undefined)[]>();
  columns.forEach((c, k) => {
    const stride = c.stride ?? 1;
    const offset = c.offset ?? 0;
    const n = columnLength(c);
    for (let i = 0; i < n; i++) {
      const x = xKey((i + 1) * (c.xStep ?? 1));
      let row = byX.get(x);
      if (!row) byX.set(x, (row = new Array<number | undefined>(columns.length)));
      row[k] = c.values[i * stride + offset];
    }
  });
  const lines = [[xName, ...columns.map((c) => c.name)].map(csvField).join(',')];
  for (const x of [...byX.keys()].sort((a, b) => a - b)) {
    const row = byX.get(x)!;
    lines.push([String(x), ...columns.map((_, k) => (row[k] !== undefined && Number.isFinite(row[k]) ? String(row[k]) : ''))].join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** A plain table: a header and rows of numbers (a ROC curve's vertices). */
export function tableCsv(header: readonly string[], rows: readonly (readonly number[])[]): string {
  return (
    [header.map(csvField).join(','), ...rows.map((row) => row.map((v) => (Number.isFinite(v) ? String(v) : '')).join(','))].join('\r\n') +
    '\r\n'
  );
}
