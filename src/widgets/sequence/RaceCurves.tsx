import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import { formatNumber } from '../../controls/format';
import type { Strings } from '../../i18n/strings';
import { EVAL_EVERY, RACER_TRACE, type CellKind, type SequenceInfo } from '../../ml/sequence/contract';
import { colorVar, LABEL } from './racers';
import type { SequenceStrings } from './strings';

/**
 * Four Recharts charts (these three and the gradient through time) share the main thread with six maps;
 * at 100 ms each they took ~0.3 s of it per second here. Four times a second is enough for curves that move
 * a few steps at a time.
 */
const REDRAW_MS = 250;

interface TraceView {
  traces: number[];
  traceWidth: number;
}

/** Loss, held-out accuracy and the gradient's norm per racer, read in place from the flat trace. */
export function RaceCurves({
  info,
  view,
  maxX,
  clip,
  t,
  s,
}: {
  info: SequenceInfo | null;
  view: TraceView;
  maxX: number;
  /** The clip threshold, when clipping is on. */
  clip: number | null;
  t: Strings['widget'];
  s: SequenceStrings;
}) {
  const racers = info?.racers ?? [];
  const width = view.traceWidth || 1;
  const series = (value: (typeof RACER_TRACE)[number]) =>
    racers.map((kind: CellKind, k) => ({
      key: kind,
      label: LABEL[kind],
      color: colorVar(kind),
      values: view.traces,
      stride: width,
      offset: width + RACER_TRACE.length * k + RACER_TRACE.indexOf(value),
    }));
  return (
    <div className="panel cnn-curves">
      <div className="cnn-chart-pair">
        <LossChart series={series('loss')} label={s.lossChart} empty={t.lossChartEmpty} maxX={maxX} redrawMs={REDRAW_MS} />
        <LossChart
          series={series('accuracy')}
          label={s.accuracyChart(EVAL_EVERY)}
          empty={t.lossChartEmpty}
          maxX={maxX}
          yScale="linear"
          yDomain={[0, 1]}
          reference={info ? { value: 1 / info.symbols, label: s.chance(info.symbols) } : undefined}
          redrawMs={REDRAW_MS}
        />
        <LossChart
          series={series('gradNorm')}
          label={s.normChart}
          empty={t.lossChartEmpty}
          maxX={maxX}
          reference={clip === null ? undefined : { value: clip, label: s.clipLine(formatNumber(clip, 2)) }}
          redrawMs={REDRAW_MS}
        />
      </div>
      <ChartLegend items={racers.map((kind) => ({ label: LABEL[kind], color: colorVar(kind), mark: 'line' as const }))} />
    </div>
  );
}
