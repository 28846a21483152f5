import { useMemo } from 'react';
import type { DiagramNet } from '../../charts/network-diagram/renderer';
import type { PlaygroundConfig, PlaygroundInfo } from '../../ml/mlp-playground/contract';

/** The network and weights the page paints the diagram from, or null while they are not the settings' network. */
export function useDiagramNet(info: PlaygroundInfo | null, state: Float32Array | null, config: PlaygroundConfig): DiagramNet | null {
  // Between a change of the network and the new model's first message, the weights are the old network's.
  const sizes = [config.features.length, ...config.hidden, 1];
  const current = info !== null && info.shape.sizes.length === sizes.length && info.shape.sizes.every((n, l) => n === sizes[l]);
  return useMemo(
    () => (info && state && current ? { shape: info.shape, features: info.features, weights: state } : null),
    [info, state, current],
  );
}
