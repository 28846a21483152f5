import { ChartLegend } from '../../charts/ChartLegend';
import { ScatterLineCanvas } from '../../charts/ScatterLineCanvas';
import { formatNumber } from '../../controls/format';
import { X_RANGE, type LinearRegressionInfo, type Line } from '../../ml/linear-regression/math';
import type { LinearRegressionStrings } from './strings';

export function FitFigure({ info, current, words }: { info: LinearRegressionInfo | null; current: Line; words: LinearRegressionStrings }) {
  return (
    <figure className="panel">
      <figcaption>{words.scatter}</figcaption>
      {info && (
        <ScatterLineCanvas
          x={info.x}
          y={info.y}
          xRange={X_RANGE}
          lines={[
            { ...info.closedForm, color: '--chart-muted', dashed: true },
            { ...current, color: '--accent-strong' },
          ]}
          label={words.scatterDescription(info.x.length, formatNumber(current.b0), formatNumber(current.b1))}
        />
      )}
      <ChartLegend
        items={[
          { label: words.learned, color: 'var(--accent-strong)', mark: 'line' },
          { label: words.closed, color: 'var(--chart-muted)', mark: 'dashed' },
        ]}
      />
    </figure>
  );
}
