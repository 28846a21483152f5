import { memo, type RefObject } from 'react';
import { legendAfter, svgPng } from './chart-image';
import { ChartTools } from './ChartTools';

/**
 * The download row for any Recharts chart drawn in `frame`: the image takes its title from the figure's
 * caption (or the frame's label) and its legend from the first `.chart-legend` after the frame, so a widget
 * adds one line, `<SvgChartTools chart="…" frame={frame} />`. Memoized on lasting props.
 */
export const SvgChartTools = memo(function SvgChartTools({
  chart,
  frame,
  csv,
}: {
  chart: string;
  frame: RefObject<HTMLElement | null>;
  csv?: () => string;
}) {
  const png = () => {
    const element = frame.current;
    const svg = element?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!element || !svg) return Promise.reject(new Error('no chart drawn'));
    const figure = element.closest('figure');
    const title = figure?.querySelector('figcaption')?.textContent ?? element.getAttribute('aria-label') ?? '';
    return svgPng(svg, { title, legend: legendAfter(element, figure ?? element.parentElement) });
  };
  return <ChartTools chart={chart} png={png} csv={csv} />;
});
