import { useRef, useState, type ReactNode } from 'react';
import { useStrings } from '../../i18n/LangContext';
import { csvBlob, downloadBlob, exportFileName } from './download';

/**
 * The row of buttons under a chart: whatever the chart adds first (a loss chart's pin), then "Download PNG"
 * and, where the chart has a table of values, "Download CSV". The files are `<widget>-<chart>.png` / `.csv`.
 * Nothing here runs until a button is pressed: a chart that redraws while training pays nothing for it.
 */
export function ChartTools({
  chart,
  png,
  csv,
  children,
}: {
  /** The chart's kind in file names: `loss`, `contour`, … */
  chart: string;
  /** Makes the image; `tools` is this row, for finding the chart beside it. */
  png: (tools: HTMLElement) => Promise<Blob>;
  csv?: () => string;
  children?: ReactNode;
}) {
  const t = useStrings().compare;
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const savePng = async () => {
    const tools = ref.current;
    if (!tools) return;
    try {
      const blob = await png(tools);
      setFailed(false);
      downloadBlob(blob, exportFileName(tools, chart, 'png'));
    } catch {
      setFailed(true);
    }
  };
  const saveCsv = () => {
    if (ref.current && csv) downloadBlob(csvBlob(csv()), exportFileName(ref.current, chart, 'csv'));
  };
  return (
    <div ref={ref} className="chart-tools" role="group" aria-label={t.tools} data-export={chart}>
      {children}
      <button type="button" className="button small" data-action="download-png" onClick={() => void savePng()}>
        {t.downloadPng}
      </button>
      {csv && (
        <button type="button" className="button small" data-action="download-csv" onClick={saveCsv}>
          {t.downloadCsv}
        </button>
      )}
      <span className="chart-tools-status" role="status">
        {failed ? t.exportFailed : ''}
      </span>
    </div>
  );
}
