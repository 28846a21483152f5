import { useLang, useStrings } from '../../i18n/LangContext';
import type { ParamValue } from '../../state/params';
import { ChartLegend } from '../../charts/ChartLegend';
import { ContourCanvas } from '../../charts/ContourCanvas';
import { LossChart } from '../../charts/LossChart';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { formatNumber } from '../../controls/format';
import { ParamControl, ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { surfaceNamed, type SurfaceName } from '../../ml/optimizer-race/surfaces';
import type { WidgetProps } from '../registration';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { OPTIMIZER_RACE_STRINGS } from './strings';
import { OPTIMIZER_RACE, RACER_TRACE, RACERS, type RacerName } from '../../ml/optimizer-race/contract';
import { racerSummaries } from './race-summary';

const LABEL: Record<RacerName, string> = { sgd: 'SGD', momentum: 'Momentum', rmsprop: 'RMSProp', adam: 'Adam' };
const COLOR: Record<RacerName, string> = { sgd: '--series-1', momentum: '--series-2', rmsprop: '--series-3', adam: '--series-4' };
/** Each racer's own controls, after its on/off switch. */
const RACER_KEYS: Record<RacerName, string[]> = {
  sgd: ['lrSgd'],
  momentum: ['lrMomentum', 'mu'],
  rmsprop: ['lrRmsprop', 'rho'],
  adam: ['lrAdam', 'beta1', 'beta2'],
};

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

  const colorVar = (name: RacerName) => `var(${COLOR[name]})`;
  return (
    <WidgetShell {...shell} divergedText={words.allOut}>
      <div className="param-panel">
        <ParamControl spec={surfaceSpec} value={values.surface} lang={lang} onChange={chooseSurface} />
      </div>
      <div className="widget-panels">
        <figure className="panel panel-wide">
          <figcaption>{words.map}</figcaption>
          {info && (
            <ContourCanvas
              grid={info.grid}
              paths={racers.map((name, k) => ({
                values: view.traces,
                stride: width,
                offset: RACER_TRACE.length * k + RACER_TRACE.indexOf('x'),
                color: COLOR[name],
              }))}
              targets={info.minima}
              labels={{ x: 'x', y: 'y' }}
              description={words.mapDescription(surfaceName)}
              pick={info.start}
              onPick={(x, y) => change({ x0: round(x), y0: round(y) })}
            />
          )}
          <ChartLegend items={racers.map((name) => ({ label: LABEL[name], color: colorVar(name), mark: 'line' as const }))} />
          <p className="widget-hint">{words.pickHint}</p>
        </figure>
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
      <table className="compare-table race-table">
        <thead>
          <tr>
            <th scope="col">{words.racer}</th>
            <th scope="col">{words.status}</th>
            <th scope="col">{words.reached}</th>
            <th scope="col">{words.gap}</th>
            <th scope="col">{words.position}</th>
          </tr>
        </thead>
        <tbody>
          {RACERS.map((name) => {
            const summary = summaries.find((s) => s.name === name);
            return (
              <tr key={name} data-racer={name} data-out={summary?.outAt ?? ''} data-reached={summary?.reachedAt ?? ''}>
                <th scope="row">
                  <span className="swatch" style={{ background: colorVar(name) }} aria-hidden="true" /> {LABEL[name]}
                </th>
                <td>{!summary ? words.off : summary.outAt ? words.out(summary.outAt) : words.running}</td>
                <td>{summary ? (summary.reachedAt ? words.atStep(summary.reachedAt) : words.never) : '—'}</td>
                <td data-value="gap">{summary ? formatNumber(summary.gap, 3) : '—'}</td>
                <td>{summary ? `(${formatNumber(summary.x, 3)}, ${formatNumber(summary.y, 3)})` : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {racers.length === 0 && view.status !== 'loading' && (
        <p className="widget-hint" role="status">
          {words.noneOn}
        </p>
      )}
      <PlayControls t={t.widget} {...controls} canRun={controls.canRun && racers.length > 0} />
      <div className="racer-panels">
        {RACERS.map((name) => (
          <fieldset key={name} className="racer-panel" style={{ borderColor: colorVar(name) }}>
            <legend>
              <ParamControl
                spec={OPTIMIZER_RACE.params.find((s) => s.key === name)!}
                value={values[name]}
                lang={lang}
                onChange={(v) => change({ [name]: v })}
              />
            </legend>
            <ParamPanel
              specs={OPTIMIZER_RACE.params}
              keys={RACER_KEYS[name]}
              values={values}
              lang={lang}
              disabled={() => !values[name]}
              onChange={(key, v) => change({ [key]: v })}
            />
          </fieldset>
        ))}
      </div>
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
