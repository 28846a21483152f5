import { memo, useCallback, useMemo, useRef, useState, useSyncExternalStore, type ComponentProps } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import { ChartLegend } from '../../charts/ChartLegend';
import { ClassificationCanvas } from '../../charts/ClassificationCanvas';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { flattenPoints, type Points2D } from '../../ml/shared/classification-data';
import { FEATURES, PLAYGROUND_RANGE, type PlaygroundPoint } from '../../ml/mlp-playground/data';
import type { WidgetProps } from '../registration';
import { OwnPointsControls } from '../shared/OwnPointsControls';
import { POINTS_KEY, useOwnPoints } from '../shared/useOwnPoints';
import { newSeed } from '../shared/useParamChange';
import { usePointEditor } from '../shared/usePointEditor';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { outputShade } from '../../charts/network-diagram/paint';
import { GRID } from '../../charts/network-diagram/renderer';
import { diagramChannel } from './diagram-surface';
import { LatestValue } from './latest-value';
import { NetworkDiagram } from './NetworkDiagram';
import { OwnDataPanel } from './OwnDataPanel';
import { MLP_PLAYGROUND, playgroundConfig } from '../../ml/mlp-playground/contract';
import { PLAYGROUND_STRINGS } from './strings';

const EXTRA_KEYS = [POINTS_KEY];
/** Parameters that make new generated data: changing one leaves the learner's own points. */
const DATA_KEYS = ['dataset', 'noise', 'seed'];
const TRAIN_COLOR = 'var(--accent)';
const TEST_COLOR = 'var(--series-4)';

function toPoints(points: readonly PlaygroundPoint[], regression: boolean): Points2D {
  return {
    x1: Float32Array.from(points, (p) => p.x1),
    x2: Float32Array.from(points, (p) => p.x2),
    label: Uint8Array.from(points, (p) => (regression ? (p.label >= 0 ? 1 : 0) : p.label)),
  };
}

function joinPoints(a: Points2D, b: Points2D): Points2D {
  return {
    x1: Float32Array.from([...a.x1, ...b.x1]),
    x2: Float32Array.from([...a.x2, ...b.x2]),
    label: Uint8Array.from([...a.label, ...b.label]),
  };
}

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
  const grid = useMemo(() => (values ? { values, cols: GRID, rows: GRID } : null), [values]);
  return <ClassificationCanvas {...plot} grid={grid} />;
});

const RENDER_MS = 25;
/** With the worker painting, each picture renders the widget; progress alone only after this long without one. */
const PICTURE_WAIT_MS = 100;
/** The loss chart spans the widget's width: ten redraws a second leave the CPU to the heatmaps. */
const CHART_MS = 100;

export default function MlpPlaygroundWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = PLAYGROUND_STRINGS[lang];
  const own = useOwnPoints(id, PLAYGROUND_RANGE);
  const [channel] = useState(diagramChannel);
  const { values, update, shareUrl, trainer, view, change, shell, controls } = useWidgetRun(MLP_PLAYGROUND, id, initial, {
    extraKeys: EXTRA_KEYS,
    data: own.data,
    // With the worker painting the diagram, each picture renders the widget (one frame shows both). Where the
    // page paints it, about 40 frames a second, not 60: each redraws every neuron's heatmap.
    minFrameMs: channel ? PICTURE_WAIT_MS : RENDER_MS,
    painter: channel,
  });
  const editor = usePointEditor(own, values, update, trainer.reset, change, { dataKeys: DATA_KEYS, reach: 0.3 });

  const info = view.info;
  const regression = info?.shape.task === 'regression';
  const config = playgroundConfig(values);
  const hidden = config.hidden;
  // The diagram marks the inputs in use by a bit mask over FEATURES.
  const mask = FEATURES.reduce((m, feature, i) => (config.features.includes(feature) ? m | (1 << i) : m), 0);

  // Between a change of the network and the new model's first message, the weights are the old network's.
  const sizes = [config.features.length, ...hidden, 1];
  const current = info !== null && info.shape.sizes.length === sizes.length && info.shape.sizes.every((n, l) => n === sizes[l]);
  const net = useMemo(
    () => (info && view.state && current ? { shape: info.shape, features: info.features, weights: view.state } : null),
    [info, view.state, current],
  );
  const [output] = useState(() => new LatestValue<Float32Array | null>(null));
  const onOutput = useCallback((grid: Float32Array | null) => output.set(grid), [output]);

  const discretize = values.discretize;
  const shade = useMemo(() => outputShade(regression, discretize), [regression, discretize]);

  const train = useMemo(() => (info ? toPoints(info.train, regression) : null), [info, regression]);
  const test = useMemo(() => (info ? toPoints(info.test, regression) : null), [info, regression]);
  const pointValues = useMemo(
    () => (info && regression ? { train: info.train.map((p) => p.label), test: info.test.map((p) => p.label) } : undefined),
    [info, regression],
  );
  const allPoints = useMemo(() => (train && test ? joinPoints(train, test) : null), [train, test]);
  const showTest = values.showTest;

  const width = view.traceWidth;
  const trainLoss = view.losses.length ? view.losses[view.losses.length - 1] : NaN;
  const testLoss = width ? view.traces[view.traces.length - 1] : NaN;

  function pick(x1: number, x2: number) {
    if (!allPoints || (regression && !own.points)) return;
    editor.edit(allPoints, x1, x2);
  }
  // One function for the plot's whole life, so a render of the widget does not redraw the plot.
  const latestPick = useRef(pick);
  latestPick.current = pick;
  const onPick = useCallback((x1: number, x2: number) => latestPick.current(x1, x2), []);

  function ownPoints(points: Points2D) {
    own.setPoints(points);
    trainer.reset(values, flattenPoints(points));
  }

  function toggleFeature(index: number) {
    const feature = FEATURES[index];
    const on = config.features.includes(feature);
    // At least one input stays on.
    if (on && config.features.length === 1) return;
    change({ features: FEATURES.filter((f) => (f === feature ? !on : config.features.includes(f))) });
  }

  /** Fewer layers drop the last ones; a new layer has 2 neurons, as in TensorFlow Playground. */
  function setLayerCount(count: number) {
    change({ layers: count < hidden.length ? hidden.slice(0, count) : [...hidden, ...Array<number>(count - hidden.length).fill(2)] });
  }

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <div className="playground">
        <figure className="panel playground-network">
          <figcaption>{s.network}</figcaption>
          <NetworkDiagram
            channel={channel}
            mask={mask}
            hidden={hidden}
            net={net}
            activation={values.activation}
            regression={regression}
            discretize={discretize}
            s={s}
            onOutput={onOutput}
            onToggleFeature={toggleFeature}
            onLayers={setLayerCount}
            onNeurons={(layer, count) => change({ layers: hidden.map((size, l) => (l === layer - 1 ? count : size)) })}
          />
        </figure>
        <figure className="panel playground-output">
          <figcaption>{s.plot}</figcaption>
          {info && train && test && (
            <OutputPlot
              output={output}
              points={train}
              testPoints={showTest ? test : null}
              pointValues={pointValues}
              range={PLAYGROUND_RANGE}
              shade={shade}
              levels={regression ? NO_LEVELS : CLASS_LEVELS}
              description={s.plotDescription(train.x1.length, showTest ? test.x1.length : null, regression)}
              onPick={regression && !own.points ? undefined : onPick}
            />
          )}
          <table className="compare-table playground-losses">
            <tbody>
              <tr>
                <th scope="row">{s.epoch}</th>
                <td data-value="epoch">{view.step}</td>
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
            </tbody>
          </table>
        </figure>
      </div>
      <LossChart
        series={[
          { key: 'train', label: s.trainLoss, color: TRAIN_COLOR, values: view.losses },
          { key: 'test', label: s.testLoss, color: TEST_COLOR, values: view.traces, stride: 1, offset: 1 },
        ]}
        label={s.lossChart(regression)}
        empty={t.widget.lossChartEmpty}
        maxX={values.steps}
        redrawMs={CHART_MS}
      />
      <ChartLegend
        items={[
          { label: s.trainLoss, color: TRAIN_COLOR, mark: 'line' },
          { label: s.testLoss, color: TEST_COLOR, mark: 'line' },
        ]}
      />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel
        specs={MLP_PLAYGROUND.params}
        values={values}
        lang={lang}
        disabled={(key) => key === 'regRate' && values.regularization === 'none'}
        onChange={(key, v) => editor.change({ [key]: v })}
      />
      {regression && !own.points ? (
        <p className="widget-hint">{s.regressionNoEdit}</p>
      ) : (
        <OwnPointsControls
          addClass={editor.addClass}
          onAddClass={editor.setAddClass}
          ownCount={editor.ownCount}
          onUsePreset={editor.usePreset}
          message={editor.message}
        />
      )}
      <OwnDataPanel s={s} range={PLAYGROUND_RANGE} current={allPoints} onPoints={ownPoints} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => editor.change({ seed: newSeed() })}>
          ⟳ {s.regenerate}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
