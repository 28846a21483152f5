/**
 * What the Recharts line charts (LossChart, RocChart) share: a width measured once and then by a
 * ResizeObserver (no ResponsiveContainer measuring on every render), a paint counter for the benchmark, a
 * cursor moved by pointer and keyboard, and their few words in both languages.
 */
import { useCallback, useLayoutEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { useLang } from '../i18n/LangContext';

/** The content width of `ref`'s element: read once when it mounts, then from a ResizeObserver. */
export function useMeasuredWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(Math.floor(element.clientWidth));
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * Counts the commits of the component that calls it in `data-paints` on `ref`'s element, as canvases count
 * their paints: the benchmark reads it to measure how often a chart is redrawn. Call it in a memoized
 * component that renders only the chart, so a commit is a redraw.
 */
export function usePaintCount(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const element = ref.current;
    if (element) element.dataset.paints = String(Number(element.dataset.paints ?? 0) + 1);
  });
}

export interface Cursor {
  /** The position among `count` places (steps, or a curve's vertices), or null when none is shown. */
  index: number | null;
  onKeyDown: (event: KeyboardEvent) => void;
  /** A pointer over the plot at this place (null: over no place). */
  point: (index: number | null) => void;
  /** The pointer left: a cursor it placed goes; one placed by keys stays. */
  leave: () => void;
}

/**
 * A cursor over `count` places: ←/→ (and ↓/↑) move one, Page Down/Up a tenth of the way, Home/End to the ends,
 * Escape hides it. The first key puts it on the last place (the latest step). When `count` shrinks (a new
 * run) it stays on the last place there is, and goes when there is none.
 */
export function useCursor(count: number): Cursor {
  const [cursor, setCursor] = useState<{ index: number; by: 'key' | 'pointer' } | null>(null);
  const index = cursor && count > 0 ? Math.min(cursor.index, count - 1) : null;
  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    const last = count - 1;
    const page = Math.max(1, Math.round(count / 10));
    const from = index ?? last;
    const moves: Record<string, number> = {
      ArrowLeft: index === null ? last : from - 1,
      ArrowDown: index === null ? last : from - 1,
      ArrowRight: index === null ? last : from + 1,
      ArrowUp: index === null ? last : from + 1,
      PageDown: from - page,
      PageUp: from + page,
      Home: 0,
      End: last,
    };
    if (event.key === 'Escape' && cursor) {
      setCursor(null);
      event.preventDefault();
    } else if (event.key in moves) {
      setCursor({ index: Math.max(0, Math.min(last, moves[event.key])), by: 'key' });
      event.preventDefault();
    }
  };
  const point = useCallback((at: number | null) => setCursor(at === null ? null : { index: at, by: 'pointer' }), []);
  const leave = useCallback(() => setCursor((c) => (c?.by === 'pointer' ? null : c)), []);
  return { index, onKeyDown, point, leave };
}

const TEXT = {
  en: {
    step: 'Step',
    epoch: 'Epoch',
    hint: 'Point at the chart, or focus it and use the arrow keys, to read values.',
    none: '—',
  },
  zh: {
    step: '步数',
    epoch: '轮次',
    hint: '把指针移到图上，或聚焦图表后用方向键，即可读出数值。',
    none: '—',
  },
};

export function useChartText() {
  return TEXT[useLang()];
}
