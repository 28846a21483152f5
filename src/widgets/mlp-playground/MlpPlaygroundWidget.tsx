import { useMemo } from 'react';
import { useLang, useStrings } from '../../app/LangContext';
import { ChartLegend } from '../../charts/ChartLegend';
import { ClassificationCanvas } from '../../charts/ClassificationCanvas';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { flattenPoints, type Points2D } from '../../ml/classification-data';
import { gridActivations, planeGrid, unpackWeights } from '../../ml/mlp-grid';
import { ACTIVATIONS, playgroundConfig, type PlaygroundInfo } from '../../ml/mlp-playground-trainer';
import { FEATURES, PLAYGROUND_RANGE, type PlaygroundPoint } from '../../ml/playground-data';
import type { WidgetProps } from '../registry';
import { OwnPointsControls } from '../shared/OwnPointsControls';
import { POINTS_KEY, useOwnPoints } from '../shared/useOwnPoints';
import { newSeed } from '../shared/useParamChange';
import { usePointEditor } from '../shared/usePointEditor';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { NetworkDiagram, type NeuronMaps } from './NetworkDiagram';
import { OwnDataPanel } from './OwnDataPanel';
import { MLP_PLAYGROUND_PARAMS } from './params';
import { PLAYGROUND_STRINGS } from './strings';

const NAME = 'mlp-playground';
const EXTRA_KEYS = [POINTS_KEY];
/** Every neuron's heatmap and the output's come from one grid of the input plane. */
const GRID = 48;
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

/** Each feature over the grid, divided by its largest absolute value there, for its small heatmap. */
function scaledFeatureMaps() {
  const grid = planeGrid(FEATURES, GRID, GRID, PLAYGROUND_RANGE);
  const scaled = grid.inputs.map((values) => {
    const max = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
    return values.map((v) => v / max);
  });
  return { grid, scaled };
}

const RENDER_MS = 25;
/** The loss chart spans the widget's width: ten redraws a second leave the CPU to the heatmaps. */
const CHART_MS = 100;

export default function MlpPlaygroundWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = PLAYGROUND_STRINGS[lang];
  const own = useOwnPoints(id, PLAYGROUND_RANGE);
  const { values, update, shareUrl, trainer, view, change, shell, controls } = useWidgetRun(NAME, id, MLP_PLAYGROUND_PARAMS, initial, {
    extraKeys: EXTRA_KEYS,
    data: own.data,
    // About 40 frames a second, not 60: each redraws every neuron's heatmap, and the worker needs the CPU more.
    minFrameMs: RENDER_MS,
  });
  const editor = usePointEditor(own, values, update, trainer.reset, change, { dataKeys: DATA_KEYS, reach: 0.3 });

  const info = view.info as PlaygroundInfo | null;
  const regression = info?.shape.task === 'regression';
  const config = playgroundConfig(values);
  const hidden = config.hidden;
  const mask = Math.round(values.features);

  const features = useMemo(scaledFeatureMaps, []);
  const usedGrid = useMemo(
    () => (info ? { cols: GRID, rows: GRID, inputs: info.features.map((f) => features.grid.inputs[FEATURES.indexOf(f)]) } : null),
    [info, features],
  );
  const weights = useMemo(() => (info && view.state ? unpackWeights(info.shape.sizes, view.state) : null), [info, view.state]);
  const layers = useMemo(() => (info && weights && usedGrid ? gridActivations(info.shape, weights, usedGrid) : null), [info, weights, usedGrid]);
  // Between a change of the network and the new model's first message, the weights are the old network's.
  const sizes = [config.features.length, ...hidden, 1];
  const current = info !== null && info.shape.sizes.length === sizes.length && info.shape.sizes.every((n, l) => n === sizes[l]);
  const maps: NeuronMaps = { cols: GRID, rows: GRID, features: features.scaled, layers: current ? layers : null };

  const discretize = values.discretize === 1;
  const outputShade = regression
    ? (v: number) => (discretize ? Math.sign(v) : v)
    : (p: number) => (discretize ? (p >= 0.5 ? 1 : -1) : 2 * p - 1);
  const output = layers ? { values: layers[layers.length - 1][0], cols: GRID, rows: GRID } : null;

  const train = useMemo(() => (info ? toPoints(info.train, regression) : null), [info, regression]);
  const test = useMemo(() => (info ? toPoints(info.test, regression) : null), [info, regression]);
  const pointValues = useMemo(
    () => (info && regression ? { train: info.train.map((p) => p.label), test: info.test.map((p) => p.label) } : undefined),
    [info, regression],
  );
  const allPoints = useMemo(() => (train && test ? joinPoints(train, test) : null), [train, test]);
  const showTest = values.showTest === 1;

  const width = view.traceWidth;
  const trainLoss = view.losses.length ? view.losses[view.losses.length - 1] : NaN;
  const testLoss = width ? view.traces[view.traces.length - 1] : NaN;

  function pick(x1: number, x2: number) {
    if (!allPoints || (regression && !own.points)) return;
    editor.edit(allPoints, x1, x2);
  }

  function ownPoints(points: Points2D) {
    own.setPoints(points);
    trainer.reset(values, flattenPoints(points));
  }

  function toggleFeature(index: number) {
    const next = mask ^ (1 << index);
    if (next !== 0) change({ features: next });
  }

  return (
    <WidgetShell {...shell} lr={values.lr}>
      <div className="playground">
        <figure className="panel playground-network">
          <figcaption>{s.network}</figcaption>
          <NetworkDiagram
            mask={mask}
            hidden={hidden}
            maps={maps}
            weights={current ? weights : null}
            activation={ACTIVATIONS[Math.round(values.activation)] ?? 'tanh'}
            outputShade={outputShade}
            s={s}
            onToggleFeature={toggleFeature}
            onLayers={(count) => change({ layers: count })}
            onNeurons={(layer, count) => change({ [`n${layer}`]: count })}
          />
        </figure>
        <figure className="panel playground-output">
          <figcaption>{s.plot}</figcaption>
          {info && train && test && (
            <ClassificationCanvas
              points={train}
              testPoints={showTest ? test : null}
              pointValues={pointValues}
              range={PLAYGROUND_RANGE}
              grid={output}
              shade={outputShade}
              levels={regression ? [] : [{ value: 0.5 }]}
              description={s.plotDescription(train.x1.length, showTest ? test.x1.length : null, regression)}
              onPick={regression && !own.points ? undefined : pick}
            />
          )}
          <table className="compare-table playground-losses">
            <tbody>
              <tr><th scope="row">{s.epoch}</th><td data-value="epoch">{view.step}</td></tr>
              <tr><th scope="row">{s.trainLoss}</th><td data-value="train-loss">{Number.isFinite(trainLoss) ? formatNumber(trainLoss, 3) : '—'}</td></tr>
              <tr><th scope="row">{s.testLoss}</th><td data-value="test-loss" data-test-loss={Number.isFinite(testLoss) ? testLoss : undefined}>{Number.isFinite(testLoss) ? formatNumber(testLoss, 3) : '—'}</td></tr>
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
        empty={t.w.lossChartEmpty}
        maxX={values.steps}
        redrawMs={CHART_MS}
      />
      <ChartLegend items={[{ label: s.trainLoss, color: TRAIN_COLOR, mark: 'line' }, { label: s.testLoss, color: TEST_COLOR, mark: 'line' }]} />
      <PlayControls t={t.w} {...controls} />
      <ParamPanel specs={MLP_PLAYGROUND_PARAMS} values={values} lang={lang} disabled={(key) => key === 'regRate' && values.regularization === 0} onChange={(key, v) => editor.change({ [key]: v })} />
      {regression && !own.points ? (
        <p className="widget-hint">{s.regressionNoEdit}</p>
      ) : (
        <OwnPointsControls addClass={editor.addClass} onAddClass={editor.setAddClass} ownCount={editor.ownCount} onUsePreset={editor.usePreset} message={editor.message} />
      )}
      <OwnDataPanel s={s} range={PLAYGROUND_RANGE} current={allPoints} onPoints={ownPoints} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => editor.change({ seed: newSeed() })}>⟳ {s.regenerate}</button>
        <CopyLinkButton t={t.w} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
