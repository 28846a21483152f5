import { useEffect, useRef } from 'react';

export type Draw = (ctx: CanvasRenderingContext2D, width: number, height: number, css: (name: string) => string) => void;

/**
 * A canvas sized to its box and the screen's pixel ratio, redrawn when `draw` changes, when it is resized
 * and when the theme switches. Widgets re-render at most once per frame, so this draws at most that often.
 */
export function useCanvas(draw: Draw) {
  const ref = useRef<HTMLCanvasElement>(null);
  const latest = useRef(draw);
  latest.current = draw;

  function paint() {
    const canvas = ref.current;
    if (!canvas) return;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (width === 0 || height === 0) return;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const style = getComputedStyle(canvas);
    latest.current(ctx, width, height, (name) => style.getPropertyValue(name).trim());
  }

  useEffect(paint);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const resize = new ResizeObserver(() => paint());
    resize.observe(canvas);
    const theme = new MutationObserver(() => paint());
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', paint);
    return () => {
      resize.disconnect();
      theme.disconnect();
      media.removeEventListener('change', paint);
    };
    // paint reads everything through refs
  }, []);

  return ref;
}
