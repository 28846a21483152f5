import { memo } from 'react';
import { useStrings } from '../../i18n/LangContext';
import type { CompareItem } from '../compare/compare-runs';
import type { LossSeries } from '../loss-series';
import { svgPng } from './chart-image';
import { ChartTools } from './ChartTools';
import { seriesCsv } from './csv';

/**
 * A loss chart's buttons: pin the run (or pin this one instead, or clear the pin), and download the chart as
 * PNG or its data as CSV (a column per series, the pinned run's as further columns named by its settings).
 * Memoized on lasting props: a widget's render passes the same ones, so the buttons do not re-render with it.
 */
export const LossChartTools = memo(function LossChartTools({
  series,
  legend,
  xName,
  canPin,
  pinned,
  onPin,
  onClearPin,
}: {
  /** The series drawn, read when a download is pressed. */
  series: { current: LossSeries[] };
  legend: () => CompareItem[];
  xName: string;
  canPin: boolean;
  pinned: boolean;
  onPin: () => void;
  onClearPin: () => void;
}) {
  const t = useStrings().compare;
  const png = (tools: HTMLElement) => {
    const figure = tools.closest('figure');
    const svg = figure?.querySelector<SVGSVGElement>('.loss-plot svg.recharts-surface');
    if (!figure || !svg) return Promise.reject(new Error('no chart drawn'));
    const title = figure.querySelector('figcaption')?.textContent ?? '';
    return svgPng(svg, {
      title,
      legend: legend().map((item) => ({ label: item.label, color: item.color, dashed: item.run === 'pinned' })),
    });
  };
  const csv = () =>
    seriesCsv(
      xName,
      series.current.map((s) => ({ ...s, name: s.label })),
    );
  return (
    <ChartTools chart="loss" png={png} csv={csv}>
      <button type="button" className="button small" data-action="pin" disabled={!canPin} title={t.pinHint} onClick={onPin}>
        {pinned ? t.repin : t.pin}
      </button>
      {pinned && (
        <button type="button" className="button small" data-action="clear-pin" onClick={onClearPin}>
          {t.clearPin}
        </button>
      )}
    </ChartTools>
  );
});
