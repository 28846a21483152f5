import type { PlaygroundConfig } from '../../ml/mlp-playground/contract';
import { FEATURES } from '../../ml/mlp-playground/data';
import type { Params } from '../../state/params';

/** What the diagram's buttons do to the settings: the inputs in use, the number of layers, a layer's size. */
export function networkEdits({ features, hidden }: PlaygroundConfig, change: (changes: Params) => void) {
  return {
    toggleFeature(index: number) {
      const feature = FEATURES[index];
      const on = features.includes(feature);
      // At least one input stays on.
      if (on && features.length === 1) return;
      change({ features: FEATURES.filter((f) => (f === feature ? !on : features.includes(f))) });
    },
    /** Fewer layers drop the last ones; a new layer has 2 neurons, as in TensorFlow Playground. */
    setLayers(count: number) {
      change({ layers: count < hidden.length ? hidden.slice(0, count) : [...hidden, ...Array<number>(count - hidden.length).fill(2)] });
    },
    setNeurons(layer: number, count: number) {
      change({ layers: hidden.map((size, l) => (l === layer - 1 ? count : size)) });
    },
  };
}
