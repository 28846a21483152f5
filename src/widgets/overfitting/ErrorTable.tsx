import { formatNumber } from '../../controls/format';
import type { EarlyStopMark, NewDataBest } from './early-stop-mark';
import type { OverfittingStrings } from './strings';

/** A weight this small counts as "driven to 0" (Adam leaves L1's zeros jittering around 10⁻³). */
const NEAR_ZERO = 0.01;
const show = (value: number, digits: number) => (Number.isFinite(value) ? formatNumber(value, digits) : '—');

export function ErrorTable({
  train,
  loss,
  validation,
  newData,
  mark,
  truthPick,
  theta,
  s,
}: {
  train: number;
  loss: number;
  validation: number;
  newData: number;
  mark: EarlyStopMark | null;
  truthPick: NewDataBest | null;
  /** θ = [b, w₁, …, w_d] now. */
  theta: number[];
  s: OverfittingStrings;
}) {
  const weights = theta.slice(1);
  const norm = Math.hypot(...weights);
  const nearZero = weights.filter((w) => Math.abs(w) < NEAR_ZERO).length;
  const rows: [label: string, key: string, value: string | number][] = [
    [s.trainMse, 'train', show(train, 4)],
    [s.penalty, 'penalty', show(Math.max(0, loss - train), 3)],
    [s.objective, 'loss', show(loss, 4)],
    [s.validationMse, 'validation', show(validation, 4)],
    [s.newDataMse, 'new-data', show(newData, 4)],
    [s.bestStep, 'best-step', mark ? mark.step : '—'],
    [s.bestValidation, 'best-validation', mark ? show(mark.validation, 4) : '—'],
    [s.bestNewData, 'best-new-data', mark ? show(mark.newData, 4) : '—'],
    [s.newDataBestStep, 'new-data-best-step', truthPick ? truthPick.step : '—'],
    [s.newDataBestValue, 'new-data-best', truthPick ? show(truthPick.newData, 4) : '—'],
    [s.norm, 'norm', show(norm, 3)],
    [s.zeros(weights.length), 'near-zero', nearZero],
  ];
  return (
    <table className="compare-table">
      <tbody>
        {rows.map(([label, key, value]) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td data-value={key}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
