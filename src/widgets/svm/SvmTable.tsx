import { formatNumber, withPercent } from '../../controls/format';
import { useLang } from '../../i18n/LangContext';
import { marginWidth } from '../../ml/svm/math';
import type { SvmStrings } from './strings';

export function SvmTable({
  loss,
  accuracy,
  svCount,
  weights,
  bias,
  linear,
  trained,
  words,
}: {
  /** The latest objective; undefined before the first step. */
  loss: number | undefined;
  accuracy: number;
  svCount: number;
  weights: number[];
  bias: number;
  linear: boolean;
  /** Whether a step has been taken. */
  trained: boolean;
  words: SvmStrings;
}) {
  const lang = useLang();
  return (
    <table className="compare-table">
      <tbody>
        <tr>
          <th scope="row">{words.objective}</th>
          <td data-value="loss">{loss !== undefined ? formatNumber(loss, 4) : '—'}</td>
        </tr>
        <tr>
          <th scope="row">{words.accuracy}</th>
          <td data-value="accuracy">{trained ? withPercent(formatNumber(accuracy * 100, 3), lang) : '—'}</td>
        </tr>
        <tr>
          <th scope="row">{words.supportVectors}</th>
          <td data-value="support-vectors">{trained ? svCount : '—'}</td>
        </tr>
        <tr>
          <th scope="row">{words.margin}</th>
          <td data-value="margin">{linear ? (trained ? formatNumber(marginWidth(weights), 3) : '∞') : words.rbfMargin}</td>
        </tr>
        {linear && (
          <tr>
            <th scope="row">w, b</th>
            <td>
              ({formatNumber(weights[0] ?? 0, 3)}, {formatNumber(weights[1] ?? 0, 3)}), {formatNumber(bias, 3)}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
