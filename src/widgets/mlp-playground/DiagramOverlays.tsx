/**
 * The real buttons laid over the diagram's canvas (feature switches, +/− for layers and neurons) and each
 * layer's size. Memoized: the playground renders with every picture, and these change only with the network,
 * the width or the language (NetworkDiagram hands them lasting handlers).
 */
import { memo } from 'react';
import { MAX_LAYERS } from '../../ml/mlp-playground/contract';
import { FEATURES } from '../../ml/mlp-playground/data';
import { rowY, type DiagramLayout } from '../../charts/network-diagram/layout';
import type { PlaygroundStrings } from './strings';

export const MAX_NEURONS = 8;

export const LayerButtons = memo(function LayerButtons({
  count,
  s,
  onLayers,
}: {
  count: number;
  s: PlaygroundStrings;
  onLayers: (count: number) => void;
}) {
  return (
    <div className="network-layers">
      <span className="network-layer-count" data-value="layers">
        {s.hiddenLayers(count)}
      </span>
      <button
        type="button"
        className="button small"
        data-action="add-layer"
        aria-label={s.addLayer}
        title={s.addLayer}
        disabled={count >= MAX_LAYERS}
        onClick={() => onLayers(count + 1)}
      >
        +
      </button>
      <button
        type="button"
        className="button small"
        data-action="remove-layer"
        aria-label={s.removeLayer}
        title={s.removeLayer}
        disabled={count === 0}
        onClick={() => onLayers(count - 1)}
      >
        −
      </button>
    </div>
  );
});

export const NeuronButtons = memo(function NeuronButtons({
  sizes,
  layout,
  s,
  onNeurons,
}: {
  sizes: number[];
  layout: DiagramLayout;
  s: PlaygroundStrings;
  onNeurons: (layer: number, count: number) => void;
}) {
  return (
    <div className={`network-neuron-controls${layout.spacing < 46 ? ' stacked' : ''}`}>
      {sizes.map((size, l) => (
        <div key={l} className="network-neuron-control" style={{ left: layout.columns[l + 1] }} data-layer={l + 1} data-neurons={size}>
          <button
            type="button"
            className="button tiny"
            data-action="add-neuron"
            aria-label={s.addNeuron(l + 1)}
            title={s.addNeuron(l + 1)}
            disabled={size >= MAX_NEURONS}
            onClick={() => onNeurons(l + 1, size + 1)}
          >
            +
          </button>
          <button
            type="button"
            className="button tiny"
            data-action="remove-neuron"
            aria-label={s.removeNeuron(l + 1)}
            title={s.removeNeuron(l + 1)}
            disabled={size <= 1}
            onClick={() => onNeurons(l + 1, size - 1)}
          >
            −
          </button>
        </div>
      ))}
    </div>
  );
});

export const FeatureSwitches = memo(function FeatureSwitches({
  mask,
  layout,
  s,
  onToggle,
}: {
  /** The inputs in use, a bit per FEATURES entry. */
  mask: number;
  layout: DiagramLayout;
  s: PlaygroundStrings;
  onToggle: (index: number) => void;
}) {
  const { thumb } = layout;
  return FEATURES.map((feature, i) => {
    const on = (mask & (1 << i)) !== 0;
    return (
      <button
        key={feature}
        type="button"
        className="network-feature"
        style={{ left: layout.columns[0], top: rowY(layout, i), width: thumb, height: thumb }}
        aria-pressed={on}
        aria-label={s.feature(s.features[i], on)}
        title={s.feature(s.features[i], on)}
        data-feature={feature}
        onClick={() => onToggle(i)}
      />
    );
  });
});

export const LayerSizes = memo(function LayerSizes({ sizes, layout }: { sizes: number[]; layout: DiagramLayout }) {
  return sizes.map((size, l) => (
    <span key={l} className="network-size" style={{ left: layout.columns[l + 1], top: rowY(layout, size - 1) + layout.thumb / 2 + 2 }}>
      {size}
    </span>
  ));
});
