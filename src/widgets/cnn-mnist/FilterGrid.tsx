import { memo } from 'react';
import { slotValues, type StateLayout } from '../../ml/cnn-mnist/architecture';
import { absMax, filterOf } from '../../ml/cnn-mnist/channels';
import type { CnnShape } from '../../ml/cnn-mnist/architecture';
import { ValueGridCanvas } from '../../charts/ValueGridCanvas';
import type { CnnViewStrings } from './view-strings';

/** The first layer's filters, and the last step's gradient of each, on symmetric colour scales (blue −, red +). */
export const FilterGrid = memo(function FilterGrid({
  shape,
  layout,
  state,
  s,
}: {
  shape: CnnShape;
  layout: StateLayout;
  state: Float32Array;
  s: CnnViewStrings;
}) {
  const kernel = slotValues(state, layout.cnn[0]);
  const gradient = slotValues(state, layout.filterGradient);
  const weightScale = absMax(kernel);
  const gradientScale = absMax(gradient, 1e-9);
  const filters = Array.from({ length: shape.filters1 }, (_, k) => k);
  const row = (values: Float32Array, scale: number, name: (k: number) => string) => (
    <div className="cnn-map-row">
      {filters.map((k) => (
        <ValueGridCanvas
          key={k}
          pixels={filterOf(values, shape.kernel, 1, shape.filters1, k)}
          width={shape.kernel}
          height={shape.kernel}
          size={44}
          diverging
          scale={scale}
          label={name(k)}
        />
      ))}
    </div>
  );
  return (
    <figure className="panel cnn-filters" data-figure="filters">
      <figcaption>{s.filtersCaption(shape.filters1, shape.kernel)}</figcaption>
      <p className="cnn-row-label">{s.weights(weightScale)}</p>
      {row(kernel, weightScale, s.filterLabel)}
      <p className="cnn-row-label">{s.gradients(gradientScale)}</p>
      {row(gradient, gradientScale, s.gradientLabel)}
    </figure>
  );
});
