import { memo, useMemo, useSyncExternalStore, type ComponentProps } from 'react';
import { ClassificationCanvas } from '../../charts/ClassificationCanvas';

import { formatNumber, percentText } from '../../controls/format';
import { useLang } from '../../i18n/LangContext';
import { PLAYGROUND_RANGE } from '../../ml/mlp-playground/data';
import type { Points2D } from '../../ml/shared/classification-data';
import type { LatestValue } from './latest-value';
import type { PlaygroundStrings } from './strings';

const CLASS_LEVELS = [{ value: 0.5 }];
const NO_LEVELS: { value: number }[] = [];

/**
 * The output heatmap, redrawn only when the diagram's painter reports a new output grid, not on every render
 * of the widget (its other props are kept stable for that).
 */
const OutputPlot = memo(function OutputPlot({
  output,
  ...plot
}: { output: LatestValue<Float32Array | null> } & Omit<ComponentProps<typeof ClassificationCanvas>, 'grid'>) {
  const values = useSyncExternalStore(output.subscribe, output.get);
  // A square grid whose side depends on the network (outputGridSize in the renderer).
  const grid = useMemo(() => {
    const side = values ? Math.round(Math.sqrt(values.length)) : 0;
    return values ? { values, cols: side, rows: side } : null;
  }, [values]);
  return <ClassificationCanvas {...plot} grid={grid} />;
});

export interface OutputFigureProps {
  output: LatestValue<Float32Array | null>;
  /** Null before the model's first message. */
  train: Points2D | null;
  test: Points2D | null;
  showTest: boolean;
  pointValues: ComponentProps<typeof ClassificationCanvas>['pointValues'];
  shade: (score: number) => number;
  regression: boolean;
  /** Undefined where the points cannot be edited (a regression data set). */
  onPick: ((x1: number, x2: number) => void) | undefined;
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** NaN for a regression. */
  testAccuracy: number;
  s: PlaygroundStrings;
}

export function OutputFigure({
  output,
  train,
  test,
  showTest,
  pointValues,
  shade,
  regression,
  onPick,
  epoch,
  trainLoss,
  testLoss,
  testAccuracy,
  s,
}: OutputFigureProps) {
  return (
    <figure className="panel playground-output">
      <figcaption>{s.plot}</figcaption>
      {train && test && (
        <OutputPlot
          output={output}
          points={train}
          testPoints={showTest ? test : null}
          pointValues={pointValues}
          range={PLAYGROUND_RANGE}
          shade={shade}
          levels={regression ? NO_LEVELS : CLASS_LEVELS}
          description={s.plotDescription(train.x1.length, showTest ? test.x1.length : null, regression)}
          onPick={onPick}
        />
      )}
      <LossReadout epoch={epoch} trainLoss={trainLoss} testLoss={testLoss} testAccuracy={testAccuracy} s={s} />
    </figure>
  );
}

function LossReadout({
  epoch,
  trainLoss,
  testLoss,
  testAccuracy,
  s,
}: {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  testAccuracy: number;
  s: PlaygroundStrings;
}) {
  const lang = useLang();
  return (
    <table className="compare-table playground-losses">
      <tbody>
        <tr>
          <th scope="row">{s.epoch}</th>
          <td data-value="epoch">{epoch}</td>
        </tr>
        <tr>
          <th scope="row">{s.trainLoss}</th>
          <td data-value="train-loss">{Number.isFinite(trainLoss) ? formatNumber(trainLoss, 3) : '—'}</td>
        </tr>
        <tr>
          <th scope="row">{s.testLoss}</th>
          <td data-value="test-loss" data-test-loss={Number.isFinite(testLoss) ? testLoss : undefined}>
            {Number.isFinite(testLoss) ? formatNumber(testLoss, 3) : '—'}
          </td>
        </tr>
        {!Number.isNaN(testAccuracy) && (
          <tr>
            <th scope="row">{s.testAccuracy}</th>
            <td data-value="test-accuracy">{percentText(testAccuracy, lang)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
