import { formatNumber, withPercent } from '../../controls/format';
import { useLang } from '../../i18n/LangContext';
import type { Weights2D } from '../../ml/logistic-regression/math';
import type { LogisticRegressionStrings } from './strings';

export function WeightsTable({
  weights,
  loss,
  accuracy,
  lossLabel,
  words,
}: {
  weights: Weights2D;
  /** The latest loss; undefined before the first step. */
  loss: number | undefined;
  accuracy: number;
  lossLabel: string;
  words: LogisticRegressionStrings;
}) {
  const lang = useLang();
  return (
    <table className="compare-table">
      <tbody>
        <tr>
          <th scope="row">w₁</th>
          <td data-value="w1">{formatNumber(weights.w1, 4)}</td>
        </tr>
        <tr>
          <th scope="row">w₂</th>
          <td data-value="w2">{formatNumber(weights.w2, 4)}</td>
        </tr>
        <tr>
          <th scope="row">‖w‖</th>
          <td data-value="norm">{formatNumber(Math.hypot(weights.w1, weights.w2), 4)}</td>
        </tr>
        <tr>
          <th scope="row">b</th>
          <td data-value="b">{formatNumber(weights.b, 4)}</td>
        </tr>
        <tr>
          <th scope="row">{lossLabel}</th>
          <td data-value="loss">{loss !== undefined ? formatNumber(loss, 4) : '—'}</td>
        </tr>
        <tr>
          <th scope="row">{words.accuracy}</th>
          <td data-value="accuracy">{Number.isFinite(accuracy) ? withPercent(formatNumber(accuracy * 100, 3), lang) : '—'}</td>
        </tr>
      </tbody>
    </table>
  );
}
