import { useEffect, useRef, type RefObject } from 'react';
import { rgb } from '../../charts/shade';
import { watchTheme } from '../../charts/theme';
import type { DiagramStyle } from '../../charts/network-diagram/paint';
import { createDiagramSurface, type DiagramChannel, type DiagramSurface } from './diagram-surface';

export function readStyle(element: Element, labels: string[]): DiagramStyle {
  const css = getComputedStyle(element);
  const value = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    one: rgb(value('--series-1', '#0072b2')),
    zero: rgb(value('--series-2', '#c2410c')),
    background: rgb(value('--bg', '#ffffff')),
    border: value('--border', '#999'),
    text: value('--text', '#000'),
    labels,
  };
}

/**
 * The diagram's canvas in `slot`, its surface (painted by the worker through `channel`, or on the page), kept
 * to the theme and to the canvas's size. `latest` holds what the surface's callbacks read when they run.
 */
export function useDiagramCanvas(
  channel: DiagramChannel | null,
  latest: RefObject<{ onOutput: (grid: Float32Array | null) => void; labels: string[] }>,
) {
  const slot = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const surface = useRef<DiagramSurface | null>(null);

  // The canvas is made here, not by React: a canvas keeps its first kind of context (a worker's pictures
  // or the page's own drawing), and React's strict mode mounts twice.
  useEffect(() => {
    const element = document.createElement('canvas');
    element.className = 'network-canvas';
    element.setAttribute('role', 'img');
    slot.current!.append(element);
    canvas.current = element;
    const painter = createDiagramSurface(element, channel, (report) => {
      element.dataset.paints = String(report.paints);
      if (report.output !== undefined) latest.current.onOutput(report.output);
    });
    surface.current = painter;
    const restyle = () => painter.setStyle(readStyle(element, latest.current.labels));
    restyle();
    const unwatch = watchTheme(restyle);
    const resize = new ResizeObserver(([entry]) =>
      painter.resize({ width: entry.contentRect.width, height: entry.contentRect.height, ratio: window.devicePixelRatio || 1 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      unwatch();
      painter.dispose();
      element.remove();
      surface.current = null;
      canvas.current = null;
    };
  }, [channel, latest]);

  return { slot, canvas, surface };
}
