/**
 * The network as TensorFlow Playground draws it, on one canvas painted by the training worker where it can
 * (see diagram-surface.ts): each input feature and each neuron a small heatmap of its output over the input plane,
 * each connection a line whose colour is its weight's sign and whose width is its size. Feature switches and
 * the +/− buttons for layers and neurons are real buttons laid over it, so the keyboard and screen readers
 * reach them.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Activation } from '../../ml/mlp-playground/mlp';
import { FEATURES } from '../../ml/mlp-playground/data';
import { diagramLayout } from '../../charts/network-diagram/layout';
import type { DiagramNet } from '../../charts/network-diagram/renderer';
import type { DiagramChannel } from './diagram-surface';
import { FeatureSwitches, LayerButtons, LayerSizes, NeuronButtons } from './DiagramOverlays';
import type { PlaygroundStrings } from './strings';
import { useBoxWidth } from './useBoxWidth';
import { readStyle, useDiagramCanvas } from './useDiagramCanvas';

interface NetworkDiagramProps {
  /** The line to the worker's painter; null: the page paints. Fixed for the diagram's life. */
  channel: DiagramChannel | null;
  mask: number;
  hidden: number[];
  /**
   * The network being trained and its latest weights (null before a new network's first weights), for when
   * the page paints; the worker's painter has its own.
   */
  net: DiagramNet | null;
  activation: Activation;
  regression: boolean;
  discretize: boolean;
  s: PlaygroundStrings;
  /** The network's output over the grid each time new weights are painted (null without weights). */
  onOutput: (grid: Float32Array | null) => void;
  onToggleFeature: (index: number) => void;
  onLayers: (count: number) => void;
  onNeurons: (layer: number, count: number) => void;
}

type Latest = Pick<NetworkDiagramProps, 'onOutput' | 'onToggleFeature' | 'onLayers' | 'onNeurons'> & { labels: string[] };

/** Handlers for the diagram's life that call the latest props, so the memoized buttons skip a render. */
function lastingHandlers(latest: RefObject<Latest>) {
  return {
    toggleFeature: (index: number) => latest.current.onToggleFeature(index),
    setLayers: (count: number) => latest.current.onLayers(count),
    setNeurons: (layer: number, count: number) => latest.current.onNeurons(layer, count),
  };
}

export function NetworkDiagram({
  channel,
  mask,
  hidden,
  net,
  activation,
  regression,
  discretize,
  s,
  onOutput,
  onToggleFeature,
  onLayers,
  onNeurons,
}: NetworkDiagramProps) {
  const layers = hidden.join('-');
  // `hidden` is a new array with every render; the memoized buttons get one per network.
  const sizes = useMemo(() => (layers ? layers.split('-').map(Number) : []), [layers]);
  const [box, boxWidth] = useBoxWidth<HTMLDivElement>(480);
  const layout = useMemo(() => diagramLayout(boxWidth, sizes.length, Math.max(FEATURES.length, ...sizes)), [boxWidth, sizes]);
  const latest = useRef<Latest>({ onOutput, onToggleFeature, onLayers, onNeurons, labels: s.features });
  latest.current = { onOutput, onToggleFeature, onLayers, onNeurons, labels: s.features };
  const [handlers] = useState(() => lastingHandlers(latest));
  const { slot, canvas, surface } = useDiagramCanvas(channel, latest);

  useEffect(() => {
    surface.current?.setScene({ hidden: sizes, mask, activation, regression, discretize });
  }, [surface, sizes, mask, activation, regression, discretize]);
  useEffect(() => {
    if (canvas.current) surface.current?.setStyle(readStyle(canvas.current, s.features));
  }, [canvas, surface, s]);
  useEffect(() => {
    surface.current?.setNet(net);
  }, [surface, net]);

  const inputNames = FEATURES.map((_, i) => i)
    .filter((i) => (mask & (1 << i)) !== 0)
    .map((i) => s.features[i]);
  const description = s.diagramDescription(inputNames.join(', '), hidden);
  useEffect(() => {
    canvas.current?.setAttribute('aria-label', description);
    canvas.current?.setAttribute('data-layers', layers);
  }, [canvas, description, layers]);
  return (
    <div className="network-diagram">
      <LayerButtons count={sizes.length} s={s} onLayers={handlers.setLayers} />
      <NeuronButtons sizes={sizes} layout={layout} s={s} onNeurons={handlers.setNeurons} />
      <div className="network-canvas-box" ref={box} style={{ height: layout.height }}>
        <div className="network-canvas-slot" ref={slot} />
        <FeatureSwitches mask={mask} layout={layout} s={s} onToggle={handlers.toggleFeature} />
        <LayerSizes sizes={sizes} layout={layout} />
      </div>
    </div>
  );
}
