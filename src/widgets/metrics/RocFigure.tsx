import { ChartLegend } from '../../charts/ChartLegend';
import { RocChart } from '../../charts/RocChart';
import { formatNumber } from '../../controls/format';
import type { ThresholdReport } from '../../ml/metrics/threshold';
import { useLang } from '../../i18n/LangContext';
import { percent } from './percent';
import type { MetricsStrings } from './strings';
import type { Scored } from './useScoredEvaluation';

export function RocFigure({
  scored,
  report,
  tText,
  m,
}: {
  scored: Scored | null;
  report: ThresholdReport | null;
  tText: string;
  m: MetricsStrings;
}) {
  const lang = useLang();
  return (
    <figure className="panel">
      <figcaption>{m.roc}</figcaption>
      {scored && report && (
        <RocChart
          curve={scored.roc}
          point={{ fpr: report.fpr, tpr: report.recall }}
          aucText={`AUC = ${formatNumber(scored.auc, 3)}`}
          axes={m.rocAxes}
          description={m.rocDescription(formatNumber(scored.auc, 3), tText, percent(report.fpr, lang), percent(report.recall, lang))}
        />
      )}
      <ChartLegend
        items={[
          { label: m.rocCurve, color: 'var(--accent)', mark: 'line' },
          { label: m.chance, color: 'var(--chart-muted)', mark: 'dashed' },
          { label: m.current, color: 'var(--accent-strong)', mark: 'dot' },
        ]}
      />
    </figure>
  );
}
