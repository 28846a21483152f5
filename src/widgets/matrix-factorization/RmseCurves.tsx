import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import { formatNumber } from '../../controls/format';
import type { Strings } from '../../i18n/strings';
import { TRACE_TEST_RMSE, TRACE_TRAIN_RMSE, type RecommenderInfo } from '../../ml/recommender/contract';
import { CURVE } from './colors';
import type { RecommenderStrings } from './strings';

/** From a little under the noise level to a little over the global-mean baseline, where the untrained model starts. */
export function rmseRange(info: RecommenderInfo): [number, number] {
  return [Math.max(0, Math.floor(info.noiseLevel * 10 - 1) / 10), Math.ceil(info.globalMean * 10 + 2) / 10];
}

/** Training and held-out RMSE per step, with the two baselines and the noise level as lines. */
export function RmseCurves({
  traces,
  width,
  maxX,
  info,
  t,
  s,
}: {
  traces: number[];
  width: number;
  maxX: number;
  info: RecommenderInfo | null;
  t: Strings['widget'];
  s: RecommenderStrings;
}) {
  const stride = width || 1;
  const references = info
    ? [
        { value: info.globalMean, label: s.globalMean(formatNumber(info.globalMean, 3)) },
        { value: info.biasOnly, label: s.biasOnly(formatNumber(info.biasOnly, 3)) },
        { value: info.noiseLevel, label: s.noiseLevel(formatNumber(info.noiseLevel, 3)) },
      ]
    : [];
  return (
    <div className="panel">
      <LossChart
        series={[
          // The trace starts with the measurement before the first step: point i is measured at step i + 1.
          { key: 'train', label: s.trainSeries, color: CURVE.train, values: traces, stride, offset: stride + TRACE_TRAIN_RMSE },
          { key: 'test', label: s.testSeries, color: CURVE.test, values: traces, stride, offset: stride + TRACE_TEST_RMSE },
        ]}
        label={s.rmseChart}
        empty={t.lossChartEmpty}
        maxX={maxX}
        yScale="linear"
        yDomain={info ? rmseRange(info) : undefined}
        reference={references}
      />
      <ChartLegend
        items={[
          { label: s.trainSeries, color: CURVE.train, mark: 'line' },
          { label: s.testSeries, color: CURVE.test, mark: 'line' },
        ]}
      />
      <p className="widget-hint">{s.rmseHint}</p>
    </div>
  );
}
