import { LossChart } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import { traceIndex } from '../../ml/shared/contract';
import { LOGISTIC_REGRESSION } from '../../ml/logistic-regression/contract';
import type { LogisticRegressionStrings } from './strings';

/** Values in each step's record. */
const WIDTH = LOGISTIC_REGRESSION.trace.length;

/** Not memoized: `losses` and `traces` grow in place, so the widget's render each frame is what redraws them. */
export function TrainingCharts({
  losses,
  traces,
  maxX,
  t,
  words,
}: {
  losses: number[];
  traces: number[];
  maxX: number;
  t: Strings['widget'];
  words: LogisticRegressionStrings;
}) {
  return (
    <div className="widget-panels">
      <LossChart
        series={[{ key: 'loss', label: t.lossLabel, color: 'var(--accent)', values: losses }]}
        label={words.lossChart}
        empty={t.lossChartEmpty}
        maxX={maxX}
      />
      <LossChart
        series={[
          {
            key: 'accuracy',
            label: words.accuracy,
            color: 'var(--ok)',
            values: traces,
            stride: WIDTH,
            offset: WIDTH + traceIndex(LOGISTIC_REGRESSION, 'accuracy'),
          },
        ]}
        label={words.accuracyChart}
        empty={t.lossChartEmpty}
        maxX={maxX}
        yScale="linear"
        yDomain={[0, 1]}
      />
    </div>
  );
}
