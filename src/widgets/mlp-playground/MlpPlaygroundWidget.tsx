import { useCallback, useMemo, useState } from 'react';
import { useLang, useStrings } from '../../i18n/LangContext';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { flattenPoints, type Points2D } from '../../ml/shared/classification-data';
import { PLAYGROUND_RANGE } from '../../ml/mlp-playground/data';
import type { WidgetProps } from '../registration';
import { POINTS_KEY, useOwnPoints } from '../shared/useOwnPoints';
import { newSeed } from '../shared/useParamChange';
import { usePointEditor } from '../shared/usePointEditor';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { outputShade } from '../../charts/network-diagram/paint';
import { diagramChannel } from './diagram-surface';
import { LatestValue } from './latest-value';
import { LossCurves } from './LossCurves';
import { NetworkFigure } from './NetworkFigure';
import { OutputFigure } from './OutputFigure';
import { OwnDataControls } from './OwnDataControls';
import { useOutputPick } from './useOutputPick';
import { usePlaygroundPoints } from './usePlaygroundPoints';
import { MLP_PLAYGROUND } from '../../ml/mlp-playground/contract';
import { outputKind } from '../../ml/mlp-playground/mlp';
import { PLAYGROUND_STRINGS } from './strings';

const EXTRA_KEYS = [POINTS_KEY];
/** Parameters that make new generated data: changing one leaves the learner's own points. */
const DATA_KEYS = ['dataset', 'noise', 'seed'];

const RENDER_MS = 25;
/** With the worker painting, each picture renders the widget; progress alone only after this long without one. */
const PICTURE_WAIT_MS = 100;

/** The model's traces after the latest step: test loss, then test accuracy (none for a regression). */
function latestTraces(traces: number[], width: number, regression: boolean) {
  const testLoss = width ? traces[traces.length - 2] : NaN;
  const testAccuracy = width && !regression ? traces[traces.length - 1] : NaN;
  return { testLoss, testAccuracy, figures: Number.isFinite(testAccuracy) ? { 'data-accuracy': testAccuracy } : undefined };
}

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
  const [output] = useState(() => new LatestValue<Float32Array | null>(null));
  const onOutput = useCallback((grid: Float32Array | null) => output.set(grid), [output]);

  const discretize = values.discretize;
  const shade = useMemo(() => outputShade(regression, discretize), [regression, discretize]);
  const { train, test, pointValues, allPoints } = usePlaygroundPoints(info, regression);
  const editable = !regression || own.points !== null;

  const onPick = useOutputPick(allPoints, editable, editor.edit);

  const { testLoss, testAccuracy, figures } = latestTraces(view.traces, view.traceWidth, regression);
  const outputUnit = info ? outputKind(info.shape) : 'sigmoid';

  function ownPoints(points: Points2D) {
    own.setPoints(points);
    trainer.reset(values, flattenPoints(points));
  }

  return (
    <WidgetShell {...shell} lr={values.lr} figures={figures}>
      <div className="playground">
        <NetworkFigure
          channel={channel}
          values={values}
          change={change}
          info={info}
          state={view.state}
          regression={regression}
          onOutput={onOutput}
          s={s}
        />
        <OutputFigure
          output={output}
          train={train}
          test={test}
          showTest={values.showTest}
          pointValues={pointValues}
          shade={shade}
          regression={regression}
          onPick={editable ? onPick : undefined}
          epoch={view.step}
          trainLoss={view.losses.length ? view.losses[view.losses.length - 1] : NaN}
          testLoss={testLoss}
          testAccuracy={testAccuracy}
          s={s}
        />
      </div>
      <LossCurves losses={view.losses} traces={view.traces} output={outputUnit} maxX={values.steps} t={t.widget} s={s} />
      <PlayControls t={t.widget} {...controls} />
      <ParamPanel
        specs={MLP_PLAYGROUND.params}
        values={values}
        lang={lang}
        disabled={(key) => key === 'regRate' && values.regularization === 'none'}
        onChange={(key, v) => editor.change({ [key]: v })}
      />
      <OwnDataControls editable={editable} editor={editor} current={allPoints} onPoints={ownPoints} s={s} />
      <div className="widget-actions">
        <button type="button" className="button" data-action="new-data" onClick={() => editor.change({ seed: newSeed() })}>
          ⟳ {s.regenerate}
        </button>
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}
