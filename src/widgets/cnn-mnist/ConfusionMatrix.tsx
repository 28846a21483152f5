/**
 * The ten-digit confusion matrix on the test set: an HTML table, true digits on the rows and predictions on
 * the columns, each cell a button with its count, shaded by the count on a logarithmic scale (the diagonal
 * in a hue of its own), its text black or white, whichever reads better on that shade. One tab stop for the
 * grid; the arrow keys, Home and End move between cells. Choosing a cell lists the test digits behind it
 * (at most MAX_EXAMPLES thumbnails) below the grid; choosing a thumbnail calls `onPick` with its index.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { percentText } from '../../controls/format';
import { useLang } from '../../i18n/LangContext';
import { confusionMatrix, matrixAccuracy, misclassifiedIndices } from '../../ml/mnist/confusion';
import { cellColors } from './colors';
import { ValueGridCanvas } from '../../charts/ValueGridCanvas';
import { CNN_STRINGS, type CnnStrings } from './strings';
import { useThemeColors } from '../../charts/useThemeColors';

const CLASSES = 10;
const PIXELS = 28 * 28;
/** The most test digits shown for one cell. */
export const MAX_EXAMPLES = 24;

export interface ConfusionMatrixProps {
  /** The test set's true digits; null before the first evaluation. */
  labels: Uint8Array | null;
  /** The network's predicted digit for each test image, in the same order; null before the first evaluation. */
  predictions: Uint8Array | null;
  /** The test images, 784 values (28 × 28, 0 … 255) each, one after another. */
  images: Uint8Array;
  /** Called with a test digit's index when its thumbnail is chosen. */
  onPick?: (index: number) => void;
}

interface Cell {
  t: number;
  p: number;
}

export function ConfusionMatrix({ labels, predictions, images, onPick }: ConfusionMatrixProps) {
  const lang = useLang();
  const s = CNN_STRINGS[lang];
  const ready = labels !== null && predictions !== null && labels.length === predictions.length && labels.length > 0;
  const matrix = useMemo(() => (ready ? confusionMatrix(labels, predictions, CLASSES) : null), [ready, labels, predictions]);
  const [selected, setSelected] = useState<Cell | null>(null);

  if (!ready || !matrix) {
    return (
      <div className="cnn-confusion">
        <p className="cnn-empty">{s.noEvaluation}</p>
      </div>
    );
  }
  const accuracy = matrixAccuracy(matrix, CLASSES);
  let right = 0;
  for (let d = 0; d < CLASSES; d++) right += matrix[d * CLASSES + d];
  const choose = (cell: Cell) => setSelected((old) => (old && old.t === cell.t && old.p === cell.p ? null : cell));
  return (
    <div className="cnn-confusion">
      <p className="cnn-accuracy" data-value="accuracy">
        {s.accuracy(percentText(accuracy, lang), right, labels.length)}
      </p>
      <MatrixTable matrix={matrix} selected={selected} onChoose={choose} s={s} />
      {selected ? (
        <CellExamples
          cell={selected}
          count={matrix[selected.t * CLASSES + selected.p]}
          labels={labels}
          predictions={predictions}
          images={images}
          onPick={onPick}
          onClose={() => setSelected(null)}
          s={s}
        />
      ) : (
        <p className="cnn-hint">{s.pickCell}</p>
      )}
    </div>
  );
}

/** The largest count on the diagonal and off it: each part is shaded on its own scale. */
function maxima(matrix: Uint32Array): { diagonal: number; off: number } {
  let diagonal = 0;
  let off = 0;
  for (let t = 0; t < CLASSES; t++) {
    for (let p = 0; p < CLASSES; p++) {
      const count = matrix[t * CLASSES + p];
      if (t === p) diagonal = Math.max(diagonal, count);
      else off = Math.max(off, count);
    }
  }
  return { diagonal, off };
}

/** Where the arrow keys, Home and End move from (t, p); null for other keys. */
function moveKey(key: string, { t, p }: Cell): Cell | null {
  const clamp = (v: number) => Math.min(Math.max(v, 0), CLASSES - 1);
  if (key === 'ArrowLeft') return { t, p: clamp(p - 1) };
  if (key === 'ArrowRight') return { t, p: clamp(p + 1) };
  if (key === 'ArrowUp') return { t: clamp(t - 1), p };
  if (key === 'ArrowDown') return { t: clamp(t + 1), p };
  if (key === 'Home') return { t, p: 0 };
  if (key === 'End') return { t, p: CLASSES - 1 };
  return null;
}

function MatrixTable({
  matrix,
  selected,
  onChoose,
  s,
}: {
  matrix: Uint32Array;
  selected: Cell | null;
  onChoose: (cell: Cell) => void;
  s: CnnStrings;
}) {
  const colors = useThemeColors();
  const top = useMemo(() => maxima(matrix), [matrix]);
  const table = useRef<HTMLTableElement>(null);
  // The one cell in the tab order: the last one focused (roving tab index).
  const [current, setCurrent] = useState<Cell>({ t: 0, p: 0 });

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const to = moveKey(e.key, current);
    if (!to) return;
    e.preventDefault();
    setCurrent(to);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${to.t}-${to.p}"]`)?.focus();
  };

  const digits = Array.from({ length: CLASSES }, (_, d) => d);
  return (
    <div className="cnn-confusion-scroll">
      <table className="cnn-confusion-table" ref={table}>
        <caption>{s.confusionCaption}</caption>
        <thead>
          <tr>
            <td />
            <th scope="colgroup" colSpan={CLASSES} className="cnn-cm-axis">
              {s.predictedDigit} →
            </th>
          </tr>
          <tr>
            <th scope="col" className="cnn-cm-axis">
              {s.trueDigit} ↓
            </th>
            {digits.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {digits.map((t) => (
            <tr key={t}>
              <th scope="row">{t}</th>
              {digits.map((p) => {
                const count = matrix[t * CLASSES + p];
                const shade =
                  t === p
                    ? cellColors(colors.background, colors.right, count, top.diagonal)
                    : cellColors(colors.background, colors.wrong, count, top.off);
                return (
                  <td key={p} className={t === p ? 'cnn-cm-diagonal' : undefined}>
                    <button
                      type="button"
                      className="cnn-cm-cell"
                      data-cell={`${t}-${p}`}
                      aria-label={s.cellLabel(t, p, count)}
                      aria-pressed={selected?.t === t && selected.p === p}
                      tabIndex={current.t === t && current.p === p ? 0 : -1}
                      style={shade}
                      onFocus={() => setCurrent({ t, p })}
                      onClick={() => onChoose({ t, p })}
                    >
                      {count}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The test digits behind one cell: a heading with the count, then up to MAX_EXAMPLES thumbnails. */
function CellExamples({
  cell,
  count,
  labels,
  predictions,
  images,
  onPick,
  onClose,
  s,
}: {
  cell: Cell;
  count: number;
  labels: Uint8Array;
  predictions: Uint8Array;
  images: Uint8Array;
  onPick?: (index: number) => void;
  onClose: () => void;
  s: CnnStrings;
}) {
  const { t, p } = cell;
  const examples = useMemo(
    () =>
      misclassifiedIndices(labels, predictions, t, p, MAX_EXAMPLES).map((index) => ({
        index,
        pixels: images.subarray(index * PIXELS, (index + 1) * PIXELS),
      })),
    [labels, predictions, images, t, p],
  );
  return (
    <section className="cnn-examples">
      <div className="cnn-examples-header">
        <p className="cnn-examples-title">{s.cellTitle(t, p, count, examples.length)}</p>
        <button type="button" className="button small" onClick={onClose}>
          {s.closeCell}
        </button>
      </div>
      {examples.length === 0 ? (
        <p className="cnn-empty">{s.emptyCell}</p>
      ) : (
        <>
          {onPick && <p className="cnn-hint">{s.pickThumbnail}</p>}
          <ul className="cnn-thumbnails">
            {examples.map(({ index, pixels }) => (
              <li key={index}>
                {onPick ? (
                  <button
                    type="button"
                    className="cnn-thumbnail"
                    data-index={index}
                    title={s.thumbnail(index, t, p)}
                    onClick={() => onPick(index)}
                  >
                    <ValueGridCanvas pixels={pixels} size={56} label={s.thumbnail(index, t, p)} />
                  </button>
                ) : (
                  <ValueGridCanvas pixels={pixels} size={56} label={s.thumbnail(index, t, p)} className="cnn-thumbnail" />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
