import { ScatterLineCanvas } from '../../charts/ScatterLineCanvas';
import { GD_X_RANGE, VARIANTS, type GdVariantsInfo } from '../../ml/gd-variants/contract';
import type { GdVariantsStrings } from './strings';
import { COLOR, PARAMS } from './variants';

export function FitFigure({
  info,
  traces,
  last,
  words,
}: {
  info: GdVariantsInfo | null;
  traces: number[];
  /** Where the latest step's record starts in `traces`. */
  last: number;
  words: GdVariantsStrings;
}) {
  return (
    <figure className="panel">
      <figcaption>{words.scatter}</figcaption>
      {info && (
        <ScatterLineCanvas
          x={info.x}
          y={info.y}
          xRange={GD_X_RANGE}
          lines={[
            { ...info.closedForm, color: '--chart-muted', dashed: true },
            ...VARIANTS.map((name, k) => ({
              b0: traces[last + PARAMS + 2 * k],
              b1: traces[last + PARAMS + 2 * k + 1],
              color: COLOR[name],
            })),
          ]}
          label={words.scatterDescription(info.n)}
        />
      )}
    </figure>
  );
}
