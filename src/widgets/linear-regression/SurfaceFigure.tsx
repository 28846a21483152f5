import { ChartLegend } from '../../charts/ChartLegend';
import { ContourCanvas } from '../../charts/ContourCanvas';
import type { LinearRegressionInfo } from '../../ml/linear-regression/math';
import type { LinearRegressionStrings } from './strings';

/** Not memoized: `traces` grows in place, so the widget's render each frame is what redraws the path. */
export function SurfaceFigure({
  info,
  traces,
  words,
}: {
  info: LinearRegressionInfo | null;
  traces: number[];
  words: LinearRegressionStrings;
}) {
  return (
    <figure className="panel">
      <figcaption>{words.surface}</figcaption>
      {info && (
        <ContourCanvas
          grid={info.grid}
          paths={[{ values: traces, color: '#ffffff', dot: '--accent-strong' }]}
          targets={[[info.closedForm.b0, info.closedForm.b1]]}
          labels={{ x: 'β₀', y: 'β₁' }}
          description={words.surfaceDescription}
        />
      )}
      <ChartLegend
        items={[
          { label: words.legendPath, mark: 'path' },
          { label: words.legendNow, color: 'var(--accent-strong)', mark: 'dot' },
          { label: words.closed, mark: 'ring' },
        ]}
      />
    </figure>
  );
}
