import { formatNumber, percentText } from '../../controls/format';
import type { Lang } from '../../i18n/strings';
import { CELL_KINDS, RACER_TRACE, type SequenceInfo, type SequenceState } from '../../ml/sequence/contract';
import { tokenName } from '../../ml/sequence/task';
import { colorVar, LABEL } from './racers';
import type { SequenceStrings } from './strings';

const at = (name: (typeof RACER_TRACE)[number]) => RACER_TRACE.indexOf(name);

/** One row per cell, racing or not: its size, whether it is still in, its latest accuracy and loss, and its answer to the example. */
export function RacerTable({
  info,
  traces,
  width,
  state,
  s,
  lang,
}: {
  info: SequenceInfo | null;
  traces: number[];
  width: number;
  state: SequenceState | null;
  s: SequenceStrings;
  lang: Lang;
}) {
  const racers = info?.racers ?? [];
  const last = width && traces.length >= width ? traces.length - width : -1;
  return (
    <table className="compare-table race-table">
      <thead>
        <tr>
          <th scope="col">{s.racer}</th>
          <th scope="col">{s.parameters}</th>
          <th scope="col">{s.status}</th>
          <th scope="col">{s.accuracy}</th>
          <th scope="col">{s.loss}</th>
          <th scope="col">{s.answer}</th>
        </tr>
      </thead>
      <tbody>
        {CELL_KINDS.map((kind) => {
          const k = racers.indexOf(kind);
          const racing = info !== null && k >= 0 && last >= 0;
          const value = (name: (typeof RACER_TRACE)[number]) => (racing ? traces[last + RACER_TRACE.length * k + at(name)] : NaN);
          const out = value('out') > 0;
          const accuracy = value('accuracy');
          const answers = k >= 0 ? state?.answers[k] : undefined;
          const best = answers ? answers.indexOf(Math.max(...answers)) : -1;
          return (
            <tr key={kind} data-racer={kind} data-accuracy={racing ? accuracy : ''} data-out={racing ? String(out) : ''}>
              <th scope="row">
                <span className="swatch" style={{ background: colorVar(kind) }} aria-hidden="true" /> {LABEL[kind]}
              </th>
              <td>{info && k >= 0 ? s.parametersText(info.parameters[k]) : '—'}</td>
              <td>{!racing ? s.off : out ? s.out : s.running}</td>
              <td>{racing ? percentText(accuracy, lang) : '—'}</td>
              <td>{racing ? formatNumber(value('loss'), 3) : '—'}</td>
              <td>{info && answers && best >= 0 && !out ? s.answerText(tokenName(best, info.symbols), answers[best]) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
