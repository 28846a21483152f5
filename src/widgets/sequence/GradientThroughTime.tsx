import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import type { SequenceInfo, SequenceState } from '../../ml/sequence/contract';
import { colorVar, LABEL } from './racers';
import type { SequenceStrings } from './strings';

/**
 * ‖∂L/∂h_t‖ over the time steps of a sequence, per racer, from the latest state. The chart redraws when a
 * series' key or length changes; these keep their length, so the key carries the state's number.
 */
const stateNumbers = new WeakMap<SequenceState, number>();
let statesSeen = 0;
function stateNumber(state: SequenceState): number {
  let n = stateNumbers.get(state);
  if (n === undefined) stateNumbers.set(state, (n = ++statesSeen));
  return n;
}

export function GradientThroughTime({
  info,
  state,
  t,
  s,
}: {
  info: SequenceInfo;
  state: SequenceState;
  t: Strings['widget'];
  s: SequenceStrings;
}) {
  const series = info.racers.map((kind, k) => ({
    key: `${kind}@${stateNumber(state)}`,
    label: LABEL[kind],
    color: colorVar(kind),
    values: state.gradients[k],
  }));
  const ends = info.racers.map((_, k) => state.gradients[k]);
  return (
    <section
      className="panel sequence-gradients"
      data-gradient-first={ends.map((g) => g[0]).join(',')}
      data-gradient-last={ends.map((g) => g[g.length - 1]).join(',')}
    >
      <LossChart series={series} label={s.gradientChart} empty={t.lossChartEmpty} maxX={info.length} xName={s.timeStep} redrawMs={200} />
      <ChartLegend items={info.racers.map((kind) => ({ label: LABEL[kind], color: colorVar(kind), mark: 'line' as const }))} />
      <p className="widget-hint">{s.gradientNote(info.probeSize)}</p>
    </section>
  );
}
