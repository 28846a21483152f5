import { formatNumber } from '../../controls/format';
import { VARIANTS, type GdVariantsInfo } from '../../ml/gd-variants/contract';
import type { GdVariantsStrings } from './strings';
import { colorVar, epochsPerStep, LOSS, MS } from './variants';

export function VariantTable({
  info,
  traces,
  width,
  steps,
  words,
}: {
  info: GdVariantsInfo | null;
  traces: number[];
  width: number;
  steps: number;
  words: GdVariantsStrings;
}) {
  const last = steps * width;
  return (
    <table className="compare-table">
      <thead>
        <tr>
          <th scope="col">{words.variant}</th>
          <th scope="col">{words.steps}</th>
          <th scope="col">{words.epochs}</th>
          <th scope="col">{words.loss}</th>
          <th scope="col">{words.time}</th>
        </tr>
      </thead>
      <tbody>
        {VARIANTS.map((name, k) => {
          let ms = 0;
          for (let s = 1; s <= steps; s++) ms += traces[s * width + MS + k];
          return (
            <tr key={name} data-variant={name}>
              <th scope="row">
                <span className="swatch" style={{ background: colorVar(name) }} aria-hidden="true" /> {words.names[name]}
              </th>
              <td>{steps}</td>
              <td data-value="epochs">{formatNumber(steps * epochsPerStep(info, k), 3)}</td>
              <td data-value="loss">{steps > 0 ? formatNumber(traces[last + LOSS + k], 4) : '—'}</td>
              <td data-value="ms">{steps > 0 ? `${formatNumber(ms / steps, 2)} ms` : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
