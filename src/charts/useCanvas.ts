import { useEffect, useLayoutEffect, useRef } from 'react';
import { watchTheme } from './theme';

export type Draw = (ctx: CanvasRenderingContext2D, width: number, height: number, css: (name: string) => string) => void;

/**
 * A canvas sized to its box and the screen's pixel ratio, redrawn when `draw` changes, when it is resized
 * and when the theme switches. Widgets re-render at most once per frame, so this draws at most that often.
 *
 * Painting runs right after React has changed the page, so it must not read layout or computed style: that
 * would force the browser to lay the page out again inside the paint (measured: most of the long tasks
 * while training). The box size comes from a ResizeObserver and CSS values are cached until the theme changes.
 */
export function useCanvas(draw: Draw) {
  const ref = useRef<HTMLCanvasElement>(null);
  const latest = useRef(draw);
  latest.current = draw;
  const size = useRef<{ width: number; height: number } | null>(null);
  const styles = useRef(new Map<string, string>());

  function css(name: string): string {
    let value = styles.current.get(name);
    if (value === undefined) {
      value = ref.current ? getComputedStyle(ref.current).getPropertyValue(name).trim() : '';
      styles.current.set(name, value);
    }
    return value;
  }

  function paint() {
    const canvas = ref.current;
    if (!canvas) return;
    if (!size.current) size.current = { width: canvas.clientWidth, height: canvas.clientHeight };
    const { width, height } = size.current;
    if (width === 0 || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    latest.current(ctx, width, height, css);
    // A paint counter, read by the benchmark to measure how often a chart is redrawn while training.
    canvas.dataset.paints = String(Number(canvas.dataset.paints ?? 0) + 1);
  }

  // In the same task as React's changes to the page, so both reach the screen in one frame; a passive effect
  // ran a task later and often cost the browser a second frame.
  useLayoutEffect(paint);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const resize = new ResizeObserver(([entry]) => {
      size.current = { width: entry.contentRect.width, height: entry.contentRect.height };
      paint();
    });
    resize.observe(canvas);
    const restyle = () => {
      styles.current.clear();
      paint();
    };
    const unwatch = watchTheme(restyle);
    return () => {
      resize.disconnect();
      unwatch();
    };
    // paint reads everything through refs
    // eslint-disable-next-line react-hooks/exhaustive-deps -- observers set up once; see above
  }, []);

  return ref;
}
