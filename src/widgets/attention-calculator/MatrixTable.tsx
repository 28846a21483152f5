/**
 * One matrix of the calculator as an HTML table: row and column headers (tokens or dimensions), every number
 * visible. Either each cell is a number input (X and the projections), or the cells are computed values that
 * explain themselves: on hover (their `title`) and on keyboard focus, in a note under the table that follows
 * the focused or hovered cell. A computed table is one tab stop; the arrow keys, Home and End move inside it.
 */
import { useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { Matrix } from '../../ml/attention/attention';
import { fixed } from './explain';

export interface MatrixTableProps {
  /** `data-matrix` on the table, for tests. */
  name: string;
  caption: string;
  /** Row headers (tokens, or dimensions of a projection's input). */
  rows: readonly string[];
  /** Column headers (tokens or dimensions). */
  cols: readonly string[];
  /** What the top-left cell says about the axes, if anything. */
  corner?: string;
  values: Matrix;
  digits: number;
  /** Each cell an input: its label, its explanation, and what a valid edit does. */
  edit?: {
    label: (i: number, j: number) => string;
    explain: (label: string) => string;
    onChange: (i: number, j: number, value: number) => void;
  };
  /** How a computed cell came about, in words. */
  explain?: (i: number, j: number) => string;
  /** A computed cell's colours (the heatmap). */
  shade?: (i: number, j: number) => CSSProperties | undefined;
  /** One more computed column after the matrix (a row's sum). */
  extra?: { header: string; values: number[]; digits: number; explain: (i: number) => string };
}

interface Cell {
  i: number;
  j: number;
}

/** Where the arrow keys, Home and End move from `cell` in a rows × cols grid; null for other keys. */
function moveKey(key: string, { i, j }: Cell, rows: number, cols: number): Cell | null {
  const clamp = (v: number, n: number) => Math.min(Math.max(v, 0), n - 1);
  if (key === 'ArrowLeft') return { i, j: clamp(j - 1, cols) };
  if (key === 'ArrowRight') return { i, j: clamp(j + 1, cols) };
  if (key === 'ArrowUp') return { i: clamp(i - 1, rows), j };
  if (key === 'ArrowDown') return { i: clamp(i + 1, rows), j };
  if (key === 'Home') return { i, j: 0 };
  if (key === 'End') return { i, j: cols - 1 };
  return null;
}

export function MatrixTable(props: MatrixTableProps) {
  const { name, caption, rows, cols, corner, values, digits, edit, explain, shade, extra } = props;
  const width = cols.length + (extra ? 1 : 0);
  const within = (cell: Cell): Cell => ({ i: Math.min(cell.i, rows.length - 1), j: Math.min(cell.j, width - 1) });
  // The cell the note under the table explains (the last one focused or hovered), in words made from the
  // current numbers, so that it follows edits.
  const [noted, setNoted] = useState<Cell | null>(null);
  // A computed table's one cell in the tab order: the last one focused (roving tab index), kept inside the
  // table when a smaller example replaces a larger one.
  const [focused, setFocused] = useState<Cell>({ i: 0, j: 0 });
  const current = within(focused);
  const table = useRef<HTMLTableElement>(null);
  const words = (i: number, j: number) =>
    edit ? edit.explain(edit.label(i, j)) : extra && j === cols.length ? extra.explain(i) : (explain?.(i, j) ?? '');
  const note = noted ? words(within(noted).i, within(noted).j) : '';

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const to = edit ? null : moveKey(e.key, current, rows.length, width);
    if (!to) return;
    e.preventDefault();
    setFocused(to);
    table.current?.querySelector<HTMLElement>(`[data-cell="${to.i}-${to.j}"]`)?.focus();
  };

  const cell = (i: number, j: number, text: string, style?: CSSProperties) => (
    <td
      key={j}
      data-cell={`${i}-${j}`}
      tabIndex={current.i === i && current.j === j ? 0 : -1}
      title={words(i, j)}
      style={style}
      onFocus={() => {
        setFocused({ i, j });
        setNoted({ i, j });
      }}
      onMouseEnter={() => setNoted({ i, j })}
    >
      {text}
    </td>
  );
  const input = (i: number, j: number, v: number, e: NonNullable<MatrixTableProps['edit']>) => (
    <td key={j}>
      <NumberInput
        value={v}
        label={e.label(i, j)}
        cell={`${i}-${j}`}
        onChange={(n) => e.onChange(i, j, n)}
        onExplain={() => setNoted({ i, j })}
      />
    </td>
  );

  return (
    <figure className="attn-matrix">
      <div className="attn-scroll">
        <table ref={table} data-matrix={name} className={edit ? 'attn-table attn-editable' : 'attn-table'}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <td className="attn-corner">{corner}</td>
              {[...cols, ...(extra ? [extra.header] : [])].map((c, j) => (
                <th scope="col" key={j}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {values.map((row, i) => (
              <tr key={i}>
                <th scope="row">{rows[i]}</th>
                {row.map((v, j) => (edit ? input(i, j, v, edit) : cell(i, j, fixed(v, digits), shade?.(i, j))))}
                {extra && cell(i, cols.length, fixed(extra.values[i], extra.digits))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="attn-note" aria-live="polite">
        {note}
      </p>
    </figure>
  );
}

/** The largest size a typed number may have; beyond it the input is left as typed and changes nothing. */
const LIMIT = 100;

/**
 * A number the learner edits. What is typed is kept as typed while the field has focus (so "-" or "0." can
 * be on the way to a number); every value that parses applies at once.
 */
function NumberInput({
  value,
  label,
  cell,
  onChange,
  onExplain,
}: {
  value: number;
  label: string;
  cell: string;
  onChange: (value: number) => void;
  onExplain: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="number"
      step="0.1"
      min={-LIMIT}
      max={LIMIT}
      inputMode="decimal"
      data-cell={cell}
      aria-label={label}
      title={label}
      value={draft ?? String(value)}
      onChange={(e) => {
        setDraft(e.target.value);
        const v = e.target.valueAsNumber;
        if (Number.isFinite(v) && Math.abs(v) <= LIMIT) onChange(v);
      }}
      onFocus={onExplain}
      onMouseEnter={onExplain}
      onBlur={() => setDraft(null)}
    />
  );
}
