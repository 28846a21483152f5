import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart, type Marker } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import { TRACE_NEW_DATA, TRACE_TRAIN, TRACE_VALIDATION } from '../../ml/overfitting/contract';
import { COLOR } from './colors';
import type { EarlyStopMark, NewDataBest } from './early-stop-mark';
import type { OverfittingStrings } from './strings';

/** Not memoized: `traces` grows in place, so the widget's render each frame is what redraws the curves. */
export function LossCurves({
  traces,
  width,
  maxX,
  mark,
  truthPick,
  t,
  s,
}: {
  traces: number[];
  width: number;
  maxX: number;
  mark: EarlyStopMark | null;
  truthPick: NewDataBest | null;
  t: Strings['widget'];
  s: OverfittingStrings;
}) {
  const stride = width || 1;
  const markers: Marker[] = [];
  if (mark) markers.push({ x: mark.step, label: s.marker(mark.step), color: COLOR.early });
  if (truthPick) markers.push({ x: truthPick.step, label: s.newDataMarker(truthPick.step), color: COLOR.newData });
  return (
    <>
      <LossChart
        series={[
          { key: 'train', label: s.trainSeries, color: COLOR.train, values: traces, stride, offset: width + TRACE_TRAIN },
          {
            key: 'validation',
            label: s.validationSeries,
            color: COLOR.validation,
            values: traces,
            stride,
            offset: width + TRACE_VALIDATION,
          },
          { key: 'new-data', label: s.newDataSeries, color: COLOR.newData, values: traces, stride, offset: width + TRACE_NEW_DATA },
        ]}
        label={s.lossChart}
        empty={t.lossChartEmpty}
        maxX={maxX}
        markers={markers}
      />
      <ChartLegend
        items={[
          { label: s.trainSeries, color: COLOR.train, mark: 'line' },
          { label: s.validationSeries, color: COLOR.validation, mark: 'line' },
          { label: s.newDataSeries, color: COLOR.newData, mark: 'line' },
        ]}
      />
    </>
  );
}
