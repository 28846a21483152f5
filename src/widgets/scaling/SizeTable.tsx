import { countText, formatNumber } from '../../controls/format';
import { useLang } from '../../i18n/LangContext';
import { WIDTHS, parameterCount } from '../../ml/scaling/math';
import { spread, type FinishedModel } from '../../ml/scaling/results';
import type { ScalingStrings } from './strings';

/** The width series as numbers: each width's parameters and its validation loss over the seeds so far. */
export function SizeTable({ models, s }: { models: FinishedModel[]; s: ScalingStrings }) {
  const lang = useLang();
  const rows = spread(models, (m) => m.parameters);
  return (
    <table className="compare-table" data-table="scaling">
      <caption>{s.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{s.width}</th>
          <th scope="col">{s.parameters}</th>
          <th scope="col">{s.loss}</th>
        </tr>
      </thead>
      <tbody>
        {WIDTHS.map((w) => {
          const row = rows.find((r) => r.x === parameterCount(w));
          return (
            <tr key={w}>
              <td>{w}</td>
              <td>{countText(parameterCount(w), lang)}</td>
              <td>
                {row
                  ? `${formatNumber(row.mean, 3)}${row.count > 1 ? ` (${formatNumber(row.low, 3)}–${formatNumber(row.high, 3)})` : ''}`
                  : '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
