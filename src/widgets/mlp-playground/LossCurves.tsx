import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import type { PlaygroundStrings } from './strings';

const TRAIN_COLOR = 'var(--accent)';
const TEST_COLOR = 'var(--series-4)';
/** The loss chart spans the widget's width: ten redraws a second leave the CPU to the heatmaps. */
const CHART_MS = 100;

/** Not memoized: `losses` and `traces` grow in place, so the widget's render each frame is what redraws them. */
export function LossCurves({
  losses,
  traces,
  regression,
  maxX,
  t,
  s,
}: {
  losses: number[];
  /** The test loss of each step (the model's one trace value). */
  traces: number[];
  regression: boolean;
  maxX: number;
  t: Strings['widget'];
  s: PlaygroundStrings;
}) {
  return (
    <>
      <LossChart
        series={[
          { key: 'train', label: s.trainLoss, color: TRAIN_COLOR, values: losses },
          { key: 'test', label: s.testLoss, color: TEST_COLOR, values: traces, stride: 1, offset: 1 },
        ]}
        label={s.lossChart(regression)}
        empty={t.lossChartEmpty}
        maxX={maxX}
        redrawMs={CHART_MS}
      />
      <ChartLegend
        items={[
          { label: s.trainLoss, color: TRAIN_COLOR, mark: 'line' },
          { label: s.testLoss, color: TEST_COLOR, mark: 'line' },
        ]}
      />
    </>
  );
}
