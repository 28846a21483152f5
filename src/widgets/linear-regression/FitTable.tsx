import { formatNumber } from '../../controls/format';
import type { LinearRegressionInfo, Line } from '../../ml/linear-regression/math';
import type { LinearRegressionStrings } from './strings';

export function FitTable({
  info,
  current,
  loss,
  words,
}: {
  info: LinearRegressionInfo | null;
  current: Line;
  /** The latest loss; undefined before the first step. */
  loss: number | undefined;
  words: LinearRegressionStrings;
}) {
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <th scope="col"></th>
          <th scope="col">β₀</th>
          <th scope="col">β₁</th>
          <th scope="col">MSE</th>
        </tr>
      </thead>
      <tbody>
        <tr data-row="learned">
          <th scope="row">{words.learned}</th>
          <td data-value="b0">{formatNumber(current.b0, 4)}</td>
          <td data-value="b1">{formatNumber(current.b1, 4)}</td>
          <td data-value="loss">{loss !== undefined ? formatNumber(loss, 4) : '—'}</td>
        </tr>
        <tr data-row="closed-form">
          <th scope="row">{words.closed}</th>
          <td>{info ? formatNumber(info.closedForm.b0, 4) : '—'}</td>
          <td>{info ? formatNumber(info.closedForm.b1, 4) : '—'}</td>
          <td>{info ? formatNumber(info.minLoss, 4) : '—'}</td>
        </tr>
      </tbody>
    </table>
  );
}
