import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import type { OutputKind } from '../../ml/mlp-playground/mlp';
import type { PlaygroundStrings } from './strings';

const TRAIN_COLOR = 'var(--accent)';
const TEST_COLOR = 'var(--series-4)';
/** The loss chart spans the widget's width: ten redraws a second leave the CPU to the heatmaps. */
const CHART_MS = 100;

/** Not memoized: `losses` and `traces` grow in place, so the widget's render each frame is what redraws them. */
export function LossCurves({
  losses,
  traces,
  output,
  maxX,
  t,
  s,
}: {
  losses: number[];
  /** The model's traces, flat: test loss and test accuracy of each step, after those of the start. */
  traces: number[];
  output: OutputKind;
  maxX: number;
  t: Strings['widget'];
  s: PlaygroundStrings;
}) {
  return (
    <>
      <LossChart
        series={[
          { key: 'train', label: s.trainLoss, color: TRAIN_COLOR, values: losses },
          { key: 'test', label: s.testLoss, color: TEST_COLOR, values: traces, stride: 2, offset: 2 },
        ]}
        label={s.lossChart(output)}
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
