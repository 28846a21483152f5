/**
 * The network as TensorFlow Playground draws it, on one canvas painted by the training worker where it can
 * (see diagram-surface.ts): each input feature and each neuron a small heatmap of its output over the input plane,
 * each connection a line whose colour is its weight's sign and whose width is its size. Feature switches and
 * the +/− buttons for layers and neurons are real buttons laid over it, so the keyboard and screen readers
 * reach them.
 */
import { useEffect, useRef } from 'react';
import { rgb } from '../../charts/shade';
import { watchTheme } from '../../charts/theme';
import type { Activation } from '../../ml/mlp-playground/mlp';
import { FEATURES } from '../../ml/mlp-playground/data';
import { MAX_LAYERS } from '../../ml/mlp-playground/contract';
import { diagramLayout, rowY } from '../../charts/network-diagram/layout';
import type { DiagramStyle } from '../../charts/network-diagram/paint';
import type { DiagramNet } from '../../charts/network-diagram/renderer';
import { createDiagramSurface, type DiagramChannel, type DiagramSurface } from './diagram-surface';
import type { PlaygroundStrings } from './strings';
import { useBoxWidth } from './useBoxWidth';

export const MAX_NEURONS = 8;

function readStyle(element: Element, labels: string[]): DiagramStyle {
  const css = getComputedStyle(element);
  const value = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    one: rgb(value('--series-1', '#0072b2')),
    zero: rgb(value('--series-2', '#c2410c')),
    background: rgb(value('--bg', '#ffffff')),
    border: value('--border', '#999'),
    text: value('--text', '#000'),
    labels,
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
}: {
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
}) {
  const active = FEATURES.map((_, i) => (mask & (1 << i)) !== 0);
  const rows = Math.max(FEATURES.length, ...hidden);
  const [box, boxWidth] = useBoxWidth<HTMLDivElement>(480);
  const layout = diagramLayout(boxWidth, hidden.length, rows);
  const { thumb } = layout;
  const slot = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const surface = useRef<DiagramSurface | null>(null);
  const latest = useRef({ onOutput, labels: s.features });
  latest.current = { onOutput, labels: s.features };

  // The canvas is made here, not by React: a canvas keeps its first kind of context (a worker's pictures
  // or the page's own drawing), and React's strict mode mounts twice.
  useEffect(() => {
    const element = document.createElement('canvas');
    element.className = 'network-canvas';
    element.setAttribute('role', 'img');
    slot.current!.append(element);
    canvas.current = element;
    const painter = createDiagramSurface(element, channel, (report) => {
      element.dataset.paints = String(report.paints);
      if (report.output !== undefined) latest.current.onOutput(report.output);
    });
    surface.current = painter;
    const restyle = () => painter.setStyle(readStyle(element, latest.current.labels));
    restyle();
    const unwatch = watchTheme(restyle);
    const resize = new ResizeObserver(([entry]) =>
      painter.resize({ width: entry.contentRect.width, height: entry.contentRect.height, ratio: window.devicePixelRatio || 1 }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      unwatch();
      painter.dispose();
      element.remove();
      surface.current = null;
      canvas.current = null;
    };
  }, [channel]);

  const layers = hidden.join('-');
  useEffect(() => {
    surface.current?.setScene({ hidden: layers ? layers.split('-').map(Number) : [], mask, activation, regression, discretize });
  }, [layers, mask, activation, regression, discretize]);
  useEffect(() => {
    if (canvas.current) surface.current?.setStyle(readStyle(canvas.current, s.features));
  }, [s]);
  useEffect(() => {
    surface.current?.setNet(net);
  }, [net]);

  const inputNames = FEATURES.map((_, i) => i)
    .filter((i) => active[i])
    .map((i) => s.features[i]);
  const description = s.diagramDescription(inputNames.join(', '), hidden);
  useEffect(() => {
    canvas.current?.setAttribute('aria-label', description);
    canvas.current?.setAttribute('data-layers', layers);
  }, [description, layers]);
  return (
    <div className="network-diagram">
      <div className="network-layers">
        <span className="network-layer-count" data-value="layers">
          {s.hiddenLayers(hidden.length)}
        </span>
        <button
          type="button"
          className="button small"
          data-action="add-layer"
          aria-label={s.addLayer}
          title={s.addLayer}
          disabled={hidden.length >= MAX_LAYERS}
          onClick={() => onLayers(hidden.length + 1)}
        >
          +
        </button>
        <button
          type="button"
          className="button small"
          data-action="remove-layer"
          aria-label={s.removeLayer}
          title={s.removeLayer}
          disabled={hidden.length === 0}
          onClick={() => onLayers(hidden.length - 1)}
        >
          −
        </button>
      </div>
      <div className={`network-neuron-controls${layout.spacing < 46 ? ' stacked' : ''}`}>
        {hidden.map((size, l) => (
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
      <div className="network-canvas-box" ref={box} style={{ height: layout.height }}>
        <div className="network-canvas-slot" ref={slot} />
        {FEATURES.map((feature, i) => (
          <button
            key={feature}
            type="button"
            className="network-feature"
            style={{ left: layout.columns[0], top: rowY(layout, i), width: thumb, height: thumb }}
            aria-pressed={active[i]}
            aria-label={s.feature(s.features[i], active[i])}
            title={s.feature(s.features[i], active[i])}
            data-feature={feature}
            onClick={() => onToggleFeature(i)}
          />
        ))}
        {hidden.map((size, l) => (
          <span key={l} className="network-size" style={{ left: layout.columns[l + 1], top: rowY(layout, size - 1) + thumb / 2 + 2 }}>
            {size}
          </span>
        ))}
      </div>
    </div>
  );
}
