import { memo, type ReactNode, type RefObject } from 'react';
import { canvasPng, legendAfter } from './chart-image';
import { ChartTools } from './ChartTools';

/**
 * A canvas chart with its download button under it (canvas charts export an image; their grids and point
 * clouds have no CSV). The image's title is the caption of the figure the canvas stands in, its legend the
 * figure's legend under the canvas.
 */
export function CanvasFrame({
  canvas,
  chart,
  children,
}: {
  canvas: RefObject<HTMLCanvasElement | null>;
  chart: string;
  children: ReactNode;
}) {
  return (
    <div className="canvas-chart">
      {children}
      <CanvasExport canvas={canvas} chart={chart} />
    </div>
  );
}

/** Memoized on its two lasting props: the canvas redraws every frame while training, the buttons never. */
const CanvasExport = memo(function CanvasExport({ canvas, chart }: { canvas: RefObject<HTMLCanvasElement | null>; chart: string }) {
  const png = () => {
    const element = canvas.current;
    if (!element) return Promise.reject(new Error('no canvas'));
    const figure = element.closest('figure');
    const title = figure?.querySelector('figcaption')?.textContent ?? '';
    return canvasPng(element, { title, legend: legendAfter(element, figure) });
  };
  return <ChartTools chart={chart} png={png} />;
});
