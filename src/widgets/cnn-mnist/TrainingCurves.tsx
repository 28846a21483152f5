import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart, type LossSeries } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import { CNN_MNIST } from '../../ml/cnn-mnist/contract';
import { traceIndex } from '../../ml/shared/contract';
import type { CnnRunStrings } from './run-strings';
import { useAccuracySeries } from './useAccuracySeries';

const DENSE_LOSS = traceIndex(CNN_MNIST, 'denseLoss');
const COLOR = { cnn: 'var(--series-1)', dense: 'var(--series-2)' };

/** Not memoized: the traces grow in place, so the widget's render is what redraws the curves (throttled by LossChart). */
export function TrainingCurves({
  losses,
  traces,
  width,
  maxX,
  dense,
  evalEvery,
  t,
  s,
}: {
  losses: number[];
  traces: number[];
  width: number;
  maxX: number;
  dense: boolean;
  evalEvery: number;
  t: Strings['widget'];
  s: CnnRunStrings;
}) {
  const accuracy = useAccuracySeries(traces, width);
  const lossSeries: LossSeries[] = [{ key: 'cnn', label: s.cnnSeries, color: COLOR.cnn, values: losses }];
  const accuracySeries: LossSeries[] = [{ key: 'cnn', label: s.cnnSeries, color: COLOR.cnn, values: accuracy.cnn }];
  if (dense && width) {
    lossSeries.push({ key: 'dense', label: s.denseSeries, color: COLOR.dense, values: traces, stride: width, offset: width + DENSE_LOSS });
    accuracySeries.push({ key: 'dense', label: s.denseSeries, color: COLOR.dense, values: accuracy.dense });
  }
  return (
    <div className="panel cnn-curves">
      <div className="cnn-chart-pair">
        <LossChart series={lossSeries} label={s.lossChart} empty={t.lossChartEmpty} maxX={maxX} />
        <LossChart
          series={accuracySeries}
          label={s.accuracyChart(evalEvery)}
          empty={t.lossChartEmpty}
          maxX={maxX}
          yScale="linear"
          yDomain={[0, 1]}
          // A new measurement comes every 100 steps, several seconds apart: twice a second is plenty.
          redrawMs={500}
          reference={{ value: 0.1, label: s.chance }}
        />
      </div>
      <ChartLegend
        items={[
          { label: s.cnnSeries, color: COLOR.cnn, mark: 'line' },
          ...(dense ? [{ label: s.denseSeries, color: COLOR.dense, mark: 'line' as const }] : []),
        ]}
      />
    </div>
  );
}
