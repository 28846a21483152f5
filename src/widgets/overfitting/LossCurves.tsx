import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import { TRACE_TRAIN, TRACE_VALIDATION } from '../../ml/overfitting/contract';
import { COLOR } from './colors';
import type { EarlyStopMark } from './early-stop-mark';
import type { OverfittingStrings } from './strings';

/** Not memoized: `traces` grows in place, so the widget's render each frame is what redraws the curves. */
export function LossCurves({
  traces,
  width,
  maxX,
  mark,
  t,
  s,
}: {
  traces: number[];
  width: number;
  maxX: number;
  mark: EarlyStopMark | null;
  t: Strings['widget'];
  s: OverfittingStrings;
}) {
  return (
    <>
      <LossChart
        series={[
          { key: 'train', label: s.trainSeries, color: COLOR.train, values: traces, stride: width || 1, offset: width + TRACE_TRAIN },
          {
            key: 'validation',
            label: s.validationSeries,
            color: COLOR.validation,
            values: traces,
            stride: width || 1,
            offset: width + TRACE_VALIDATION,
          },
        ]}
        label={s.lossChart}
        empty={t.lossChartEmpty}
        maxX={maxX}
        marker={mark ? { x: mark.step, label: s.marker(mark.step) } : undefined}
      />
      <ChartLegend
        items={[
          { label: s.trainSeries, color: COLOR.train, mark: 'line' },
          { label: s.validationSeries, color: COLOR.validation, mark: 'line' },
        ]}
      />
    </>
  );
}
