import { useLang, useStrings } from '../../i18n/LangContext';
import type { ParamValue } from '../../state/params';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamControl, ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { surfaceNamed, type SurfaceName } from '../../ml/optimizer-race/surfaces';
import type { WidgetProps } from '../registration';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { OPTIMIZER_RACE_STRINGS } from './strings';
import { OPTIMIZER_RACE, RACER_TRACE } from '../../ml/optimizer-race/contract';
import { racerSummaries } from './race-summary';
import { RaceMap } from './RaceMap';
import { RacerPanels } from './RacerPanels';
import { RaceTable } from './RaceTable';
import { colorVar, LABEL } from './racers';

export default function OptimizerRaceWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const words = OPTIMIZER_RACE_STRINGS[lang];
  const t = useStrings();
  const { values, shareUrl, view, change, shell, controls } = useWidgetRun(OPTIMIZER_RACE, id, initial);

  const info = view.info;
  const width = view.traceWidth;
  const racers = info?.racers ?? [];
  const summaries = racerSummaries(racers, view.traces, width);
  const surfaceSpec = OPTIMIZER_RACE.params[0];
  const surfaceName = surfaceSpec.options.find((o) => o.value === values.surface)!.label[lang];

  function chooseSurface(surface: ParamValue) {
    // A new surface brings its own rates, budget and pace; the start goes back to the surface's own.
    const { preset } = surfaceNamed(surface as SurfaceName);
    change({ surface, ...preset, x0: -10, y0: -10 });
  }

  return (
    <WidgetShell {...shell} divergedText={words.allOut}>
      <div className="param-panel">
        <ParamControl spec={surfaceSpec} value={values.surface} lang={lang} onChange={chooseSurface} />
      </div>
      <div className="widget-panels">
        <RaceMap
          info={info}
          traces={view.traces}
          width={width}
          surfaceName={surfaceName}
          words={words}
          onPick={(x, y) => change({ x0: round(x), y0: round(y) })}
        />
      </div>
      <LossChart
        series={racers.map((name, k) => ({
          key: name,
          label: LABEL[name],
          color: colorVar(name),
          values: view.traces,
          stride: width,
          offset: width + RACER_TRACE.length * k + RACER_TRACE.indexOf('loss'),
        }))}
        label={words.lossChart}
        empty={t.widget.lossChartEmpty}
        maxX={values.steps}
      />
      <RaceTable summaries={summaries} words={words} />
      {racers.length === 0 && view.status !== 'loading' && (
        <p className="widget-hint" role="status">
          {words.noneOn}
        </p>
      )}
      <PlayControls t={t.widget} {...controls} canRun={controls.canRun && racers.length > 0} />
      <RacerPanels values={values} lang={lang} onChange={change} />
      <ParamPanel
        specs={OPTIMIZER_RACE.params}
        keys={['steps', 'speed']}
        values={values}
        lang={lang}
        onChange={(key, v) => change({ [key]: v })}
      />
      <div className="widget-actions">
        <CopyLinkButton t={t.widget} url={shareUrl} />
      </div>
    </WidgetShell>
  );
}

/** Picked points are kept to 3 decimals: enough on these maps, and short in a link. */
function round(v: number) {
  return Math.round(v * 1000) / 1000;
}
