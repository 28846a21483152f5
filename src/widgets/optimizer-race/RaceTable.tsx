import { formatNumber } from '../../controls/format';
import { RACERS } from '../../ml/optimizer-race/contract';
import type { RacerSummary } from './race-summary';
import { colorVar, LABEL } from './racers';
import type { OptimizerRaceStrings } from './strings';

/** Every racer has a row; one that is off says so. */
export function RaceTable({ summaries, words }: { summaries: RacerSummary[]; words: OptimizerRaceStrings }) {
  return (
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
  );
}
