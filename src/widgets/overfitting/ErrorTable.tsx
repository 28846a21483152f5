import { formatNumber } from '../../controls/format';
import type { EarlyStopMark } from './early-stop-mark';
import type { OverfittingStrings } from './strings';

/** A weight this small counts as "driven to 0" (Adam leaves L1's zeros jittering around 10⁻³). */
const NEAR_ZERO = 0.01;
const show = (value: number, digits: number) => (Number.isFinite(value) ? formatNumber(value, digits) : '—');

export function ErrorTable({
  train,
  loss,
  validation,
  mark,
  theta,
  s,
}: {
  train: number;
  loss: number;
  validation: number;
  mark: EarlyStopMark | null;
  /** θ = [b, w₁, …, w_d] now. */
  theta: number[];
  s: OverfittingStrings;
}) {
  const weights = theta.slice(1);
  const norm = Math.hypot(...weights);
  const nearZero = weights.filter((w) => Math.abs(w) < NEAR_ZERO).length;
  return (
    <table className="compare-table">
      <tbody>
        <tr>
          <th scope="row">{s.trainMse}</th>
          <td data-value="train">{show(train, 4)}</td>
        </tr>
        <tr>
          <th scope="row">{s.penalty}</th>
          <td data-value="penalty">{show(Math.max(0, loss - train), 3)}</td>
        </tr>
        <tr>
          <th scope="row">{s.objective}</th>
          <td data-value="loss">{show(loss, 4)}</td>
        </tr>
        <tr>
          <th scope="row">{s.validationMse}</th>
          <td data-value="validation">{show(validation, 4)}</td>
        </tr>
        <tr>
          <th scope="row">{s.bestStep}</th>
          <td data-value="best-step">{mark ? mark.step : '—'}</td>
        </tr>
        <tr>
          <th scope="row">{s.bestValidation}</th>
          <td data-value="best-validation">{mark ? show(mark.validation, 4) : '—'}</td>
        </tr>
        <tr>
          <th scope="row">{s.norm}</th>
          <td data-value="norm">{show(norm, 3)}</td>
        </tr>
        <tr>
          <th scope="row">{s.zeros(weights.length)}</th>
          <td data-value="near-zero">{nearZero}</td>
        </tr>
      </tbody>
    </table>
  );
}
