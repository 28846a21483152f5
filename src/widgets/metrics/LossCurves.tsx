import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import { traceIndex } from '../../ml/shared/contract';
import { METRICS } from '../../ml/metrics/contract';
import type { MetricsStrings } from './strings';

const WIDTH = METRICS.trace.length;
const EVAL_LOSS = traceIndex(METRICS, 'evalLoss');

/** Not memoized: `losses` and `traces` grow in place, so the widget's render each frame is what redraws them. */
export function LossCurves({
  losses,
  traces,
  maxX,
  t,
  m,
}: {
  losses: number[];
  traces: number[];
  maxX: number;
  t: Strings['widget'];
  m: MetricsStrings;
}) {
  return (
    <>
      <LossChart
        series={[
          { key: 'train', label: m.trainLoss, color: 'var(--accent)', values: losses },
          { key: 'evaluation', label: m.evalLoss, color: 'var(--series-2)', values: traces, stride: WIDTH, offset: WIDTH + EVAL_LOSS },
        ]}
        label={m.lossChart}
        empty={t.lossChartEmpty}
        maxX={maxX}
      />
      <ChartLegend
        items={[
          { label: m.trainLoss, color: 'var(--accent)', mark: 'line' },
          { label: m.evalLoss, color: 'var(--series-2)', mark: 'line' },
        ]}
      />
    </>
  );
}
