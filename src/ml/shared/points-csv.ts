/**
 * A learner's own data set from a CSV file or pasted text: one point per line, `x1, x2, label`, the label
 * 0 / 1 (or −1 / +1, as TensorFlow Playground writes classes). Commas, semicolons, tabs or spaces separate
 * the fields; a first line that is not numbers is taken as a header; blank lines and `#` comments are skipped.
 * Anything else is an error that names the line, so the learner can fix the file.
 */
import { MAX_POINTS, type Points2D } from './classification-data';

export type CsvProblem =
  | { kind: 'empty' }
  | { kind: 'too-many'; count: number }
  | { kind: 'one-class' }
  | { kind: 'fields' | 'number' | 'label' | 'outside'; line: number };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

export function parseCsvPoints(text: string, range: readonly [number, number]): Points2D | { problem: CsvProblem } {
  const rows: [number, number, number][] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const fields = line.split(/\s*[,;\t]\s*|\s+/);
    const numeric = fields.every((f) => NUMBER.test(f));
    if (rows.length === 0 && !numeric && !lines.slice(0, i).some((l) => l.trim() && !l.trim().startsWith('#'))) continue;
    if (fields.length !== 3) return { problem: { kind: 'fields', line: i + 1 } };
    if (!numeric) return { problem: { kind: 'number', line: i + 1 } };
    const [x1, x2, raw] = fields.map(Number);
    if (raw !== 0 && raw !== 1 && raw !== -1) return { problem: { kind: 'label', line: i + 1 } };
    if (x1 < range[0] || x1 > range[1] || x2 < range[0] || x2 > range[1]) return { problem: { kind: 'outside', line: i + 1 } };
    rows.push([x1, x2, raw === 1 ? 1 : 0]);
  }
  if (rows.length === 0) return { problem: { kind: 'empty' } };
  if (rows.length > MAX_POINTS) return { problem: { kind: 'too-many', count: rows.length } };
  const labels = new Set(rows.map((r) => r[2]));
  if (labels.size < 2) return { problem: { kind: 'one-class' } };
  return {
    x1: Float32Array.from(rows, (r) => r[0]),
    x2: Float32Array.from(rows, (r) => r[1]),
    label: Uint8Array.from(rows, (r) => r[2]),
  };
}

/** The same format back, for "download these points". */
export function formatCsvPoints(points: Points2D): string {
  const lines = ['x1,x2,label'];
  for (let i = 0; i < points.x1.length; i++) lines.push(`${points.x1[i]},${points.x2[i]},${points.label[i]}`);
  return `${lines.join('\n')}\n`;
}
