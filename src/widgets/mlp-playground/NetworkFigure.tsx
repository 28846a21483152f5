import { useMemo } from 'react';
import { FEATURES } from '../../ml/mlp-playground/data';
import { playgroundConfig, type PlaygroundInfo, type PlaygroundParams } from '../../ml/mlp-playground/contract';
import type { Params } from '../../state/params';
import type { DiagramChannel } from './diagram-surface';
import { networkEdits } from './network-edits';
import { NetworkDiagram } from './NetworkDiagram';
import type { PlaygroundStrings } from './strings';
import { useDiagramNet } from './useDiagramNet';

/** The diagram of the network the settings describe, whose buttons change those settings. */
export function NetworkFigure({
  channel,
  values,
  change,
  info,
  state,
  regression,
  onOutput,
  s,
}: {
  channel: DiagramChannel | null;
  values: PlaygroundParams;
  change: (changes: Params) => void;
  info: PlaygroundInfo | null;
  /** The model's latest weights. */
  state: Float32Array | null;
  regression: boolean;
  onOutput: (grid: Float32Array | null) => void;
  s: PlaygroundStrings;
}) {
  const config = playgroundConfig(values);
  // The diagram marks the inputs in use by a bit mask over FEATURES.
  const mask = FEATURES.reduce((m, feature, i) => (config.features.includes(feature) ? m | (1 << i) : m), 0);
  const net = useDiagramNet(info, state, config);
  const edits = useMemo(() => networkEdits(playgroundConfig(values), change), [values, change]);
  return (
    <figure className="panel playground-network">
      <figcaption>{s.network}</figcaption>
      <NetworkDiagram
        channel={channel}
        mask={mask}
        hidden={config.hidden}
        net={net}
        activation={values.activation}
        regression={regression}
        discretize={values.discretize}
        s={s}
        onOutput={onOutput}
        onToggleFeature={edits.toggleFeature}
        onLayers={edits.setLayers}
        onNeurons={edits.setNeurons}
      />
    </figure>
  );
}
