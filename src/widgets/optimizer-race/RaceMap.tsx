import { ChartLegend } from '../../charts/ChartLegend';
import { ContourCanvas } from '../../charts/ContourCanvas';
import { RACER_TRACE, type OptimizerRaceInfo } from '../../ml/optimizer-race/contract';
import { colorVar, COLOR, LABEL } from './racers';
import type { OptimizerRaceStrings } from './strings';

/** Not memoized: `traces` grows in place, so the widget's render each frame is what redraws the paths. */
export function RaceMap({
  info,
  traces,
  width,
  surfaceName,
  words,
  onPick,
}: {
  info: OptimizerRaceInfo | null;
  traces: number[];
  width: number;
  surfaceName: string;
  words: OptimizerRaceStrings;
  onPick: (x: number, y: number) => void;
}) {
  const racers = info?.racers ?? [];
  return (
    <figure className="panel panel-wide">
      <figcaption>{words.map}</figcaption>
      {info && (
        <ContourCanvas
          grid={info.grid}
          paths={racers.map((name, k) => ({
            values: traces,
            stride: width,
            offset: RACER_TRACE.length * k + RACER_TRACE.indexOf('x'),
            color: COLOR[name],
          }))}
          targets={info.minima}
          labels={{ x: 'x', y: 'y' }}
          description={words.mapDescription(surfaceName)}
          pick={info.start}
          onPick={onPick}
        />
      )}
      <ChartLegend items={racers.map((name) => ({ label: LABEL[name], color: colorVar(name), mark: 'line' as const }))} />
      <p className="widget-hint">{words.pickHint}</p>
    </figure>
  );
}
