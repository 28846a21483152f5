import { ChartLegend } from '../../charts/ChartLegend';
import { ClassHistogramCanvas } from '../../charts/ClassHistogramCanvas';
import type { ClassHistograms, ThresholdReport } from '../../ml/metrics/threshold';
import { useLang } from '../../i18n/LangContext';
import { percent } from './percent';
import type { MetricsStrings } from './strings';

export function HistogramFigure({
  histograms,
  report,
  threshold,
  tText,
  m,
}: {
  histograms: ClassHistograms | null;
  report: ThresholdReport | null;
  threshold: number;
  tText: string;
  m: MetricsStrings;
}) {
  const lang = useLang();
  return (
    <figure className="panel">
      <figcaption>{m.histogram}</figcaption>
      {histograms && report && (
        <ClassHistogramCanvas
          above={histograms.positive}
          below={histograms.negative}
          threshold={threshold}
          colors={{ above: '--series-1', below: '--series-2' }}
          axes={m.histogramAxes}
          description={m.histogramDescription(tText, percent(report.recall, lang), percent(report.fpr, lang))}
        />
      )}
      <ChartLegend
        items={[
          { label: m.positiveAbove, color: 'var(--series-1)', mark: 'dot' },
          { label: m.negativeBelow, color: 'var(--series-2)', mark: 'dot' },
        ]}
      />
    </figure>
  );
}
