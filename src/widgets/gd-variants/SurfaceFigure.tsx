import { ContourCanvas } from '../../charts/ContourCanvas';
import { VARIANTS, type GdVariantsInfo } from '../../ml/gd-variants/contract';
import type { GdVariantsStrings } from './strings';
import { COLOR, PARAMS } from './variants';

/** Not memoized: `traces` grows in place, so the widget's render each frame is what redraws the paths. */
export function SurfaceFigure({
  info,
  traces,
  width,
  words,
}: {
  info: GdVariantsInfo | null;
  traces: number[];
  width: number;
  words: GdVariantsStrings;
}) {
  return (
    <figure className="panel">
      <figcaption>{words.surface}</figcaption>
      {info && (
        <ContourCanvas
          grid={info.grid}
          paths={VARIANTS.map((name, k) => ({ values: traces, stride: width, offset: PARAMS + 2 * k, color: COLOR[name] }))}
          targets={[[info.closedForm.b0, info.closedForm.b1]]}
          labels={{ x: 'β₀', y: 'β₁' }}
          description={words.surfaceDescription}
        />
      )}
    </figure>
  );
}
