/**
 * The network as TensorFlow Playground draws it, on one canvas: each input feature and each neuron is a
 * small heatmap of its output over the input plane, each connection a line whose colour is its weight's sign
 * and whose width is its size. Feature switches and the +/− buttons for layers and neurons are real buttons
 * laid over it, so the keyboard and screen readers reach them.
 */
import { useRef } from 'react';
import { rgb, shadeInto, type ShadeColors } from '../../charts/shade';
import { useCanvas } from '../../charts/useCanvas';
import type { Activation, MlpWeights } from '../../ml/mlp';
import { FEATURES } from '../../ml/playground-data';
import { MAX_LAYERS } from '../../ml/mlp-playground-trainer';
import { diagramLayout, LABEL_WIDTH, rowY } from './diagram-layout';
import type { PlaygroundStrings } from './strings';
import { useBoxWidth } from './useBoxWidth';

export const MAX_NEURONS = 8;

export interface NeuronMaps {
  cols: number;
  rows: number;
  /** Each feature's values over the grid, already scaled into [−1, 1] (all seven, used or not). */
  features: Float32Array[];
  /** gridActivations(): [used inputs, hidden layers…, output]; null before the first weights arrive. */
  layers: Float32Array[][] | null;
}

/** Connection widths come in steps of 1/LINE_LEVELS_PER_UNIT of a weight, up to |w| = 3. */
const LINE_LEVELS_PER_UNIT = 4;
const LINE_LEVELS = 12;

/** Neuron outputs into the colour scale's [−1, 1]: a sigmoid's (0, 1) is stretched, others are clipped. */
function hiddenShade(activation: Activation): (v: number) => number {
  return activation === 'sigmoid' ? (v) => 2 * v - 1 : (v) => v;
}

export function NetworkDiagram({ mask, hidden, maps, weights, activation, outputShade, s, onToggleFeature, onLayers, onNeurons }: {
  mask: number;
  hidden: number[];
  maps: NeuronMaps;
  weights: MlpWeights | null;
  activation: Activation;
  outputShade: (v: number) => number;
  s: PlaygroundStrings;
  onToggleFeature: (index: number) => void;
  onLayers: (count: number) => void;
  onNeurons: (layer: number, count: number) => void;
}) {
  const frame = useRef<ImageData | null>(null);
  /** An image the canvas's size, kept while the size holds (a new one each frame would be 1–4 MB of garbage). */
  const frameImage = (ctx: CanvasRenderingContext2D) => {
    const { width, height } = ctx.canvas;
    if (frame.current?.width !== width || frame.current.height !== height) frame.current = ctx.createImageData(width, height);
    return frame.current;
  };
  const active = FEATURES.map((_, i) => (mask & (1 << i)) !== 0);
  const rows = Math.max(FEATURES.length, ...hidden);
  const [box, boxWidth] = useBoxWidth<HTMLDivElement>(480);
  const layout = diagramLayout(boxWidth, hidden.length, rows);
  const { thumb } = layout;

  const ref = useCanvas((ctx, width, _height, css) => {
    // The canvas may be measured a moment before the box: lay out for the canvas's own width.
    const at = diagramLayout(width, hidden.length, rows);
    const T = at.thumb;
    const one = rgb(css('--series-1') || '#0072b2');
    const zero = rgb(css('--series-2') || '#c2410c');
    const colors: ShadeColors = { background: rgb(css('--bg') || '#ffffff'), one, zero };
    const sizes = [FEATURES.length, ...hidden, 1];
    // Every heatmap is shaded straight into one image of the whole canvas at its drawn size, in device
    // pixels: no scaled drawImage per node (each was rasterized on the CPU here, every frame). Connections
    // end at the nodes' edges and borders are drawn after, so nothing else shares those pixels.
    const ratio = ctx.canvas.width / width;
    const image = frameImage(ctx);
    new Uint32Array(image.data.buffer).fill(0);
    const side = Math.round(T * ratio);
    const shades = sizes.map((_, col) => (col === 0 ? (v: number) => v : col === sizes.length - 1 ? outputShade : hiddenShade(activation)));
    sizes.forEach((size, col) => {
      for (let j = 0; j < size; j++) {
        const values = col === 0 ? maps.features[j] : maps.layers?.[col][j];
        if (!values) continue;
        const shade = shades[col];
        const left = Math.round((at.columns[col] - T / 2) * ratio);
        const top = Math.round((rowY(at, j) - T / 2) * ratio);
        const alpha = col === 0 && !active[j] ? 0.3 : 1;
        shadeInto(image, left, top, { values, cols: maps.cols, rows: maps.rows }, shade, colors, { width: side, height: side, alpha });
      }
    });
    ctx.putImageData(image, 0, 0);

    const x = (col: number) => at.columns[col];
    const y = (row: number) => rowY(at, row);
    // Connections first, under the nodes. Input rows: only the features in use are connected.
    const inputRows = FEATURES.map((_, i) => i).filter((i) => active[i]);
    if (weights) {
      // Lines grouped by sign and by one of LINE_LEVELS sizes: one stroke per group instead of one per weight
      // (a six-layer network has ~400 connections, and every stroke is rasterized on the CPU here).
      const groups = Array.from({ length: 2 * LINE_LEVELS }, () => new Path2D());
      for (let l = 0; l < weights.W.length; l++) {
        const inRows = l === 0 ? inputRows : Array.from({ length: sizes[l] }, (_, k) => k);
        const out = sizes[l + 1];
        for (let k = 0; k < inRows.length; k++) {
          for (let j = 0; j < out; j++) {
            const w = weights.W[l][k * out + j];
            const level = Math.min(LINE_LEVELS - 1, Math.floor(Math.abs(w) * LINE_LEVELS_PER_UNIT));
            const path = groups[(w >= 0 ? 0 : LINE_LEVELS) + level];
            path.moveTo(x(l) + T / 2, y(inRows[k]));
            path.lineTo(x(l + 1) - T / 2, y(j));
          }
        }
      }
      // Butt ends stop exactly at the nodes' edges, where the heatmaps begin.
      ctx.lineCap = 'butt';
      groups.forEach((path, g) => {
        const c = g < LINE_LEVELS ? one : zero;
        const size = ((g % LINE_LEVELS) + 0.5) / LINE_LEVELS_PER_UNIT;
        ctx.strokeStyle = `rgba(${c[0]},${c[1]},${c[2]},${Math.min(1, 0.35 + size / 2)})`;
        ctx.lineWidth = Math.min(6, 0.5 + size * 1.5);
        ctx.stroke(path);
      });
    }
    const border = css('--border') || '#999';
    const text = css('--text') || '#000';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    sizes.forEach((size, col) => {
      for (let j = 0; j < size; j++) {
        const [cx, cy] = [x(col), y(j)];
        ctx.globalAlpha = col === 0 && !active[j] ? 0.3 : 1;
        ctx.strokeStyle = col === 0 && active[j] ? text : border;
        ctx.lineWidth = col === 0 && active[j] ? 2 : 1;
        ctx.strokeRect(cx - T / 2, cy - T / 2, T, T);
        if (col === 0) {
          ctx.fillStyle = text;
          ctx.textAlign = 'right';
          ctx.fillText(s.features[j], LABEL_WIDTH - 4, cy);
        }
        ctx.globalAlpha = 1;
      }
    });
  });

  const inputNames = FEATURES.map((_, i) => i).filter((i) => active[i]).map((i) => s.features[i]);
  return (
    <div className="network-diagram">
      <div className="network-layers">
        <span className="network-layer-count" data-value="layers">{s.hiddenLayers(hidden.length)}</span>
        <button type="button" className="button small" data-action="add-layer" aria-label={s.addLayer} title={s.addLayer} disabled={hidden.length >= MAX_LAYERS} onClick={() => onLayers(hidden.length + 1)}>+</button>
        <button type="button" className="button small" data-action="remove-layer" aria-label={s.removeLayer} title={s.removeLayer} disabled={hidden.length === 0} onClick={() => onLayers(hidden.length - 1)}>−</button>
      </div>
      <div className={`network-neuron-controls${layout.spacing < 46 ? ' stacked' : ''}`}>
        {hidden.map((size, l) => (
          <div key={l} className="network-neuron-control" style={{ left: layout.columns[l + 1] }} data-layer={l + 1} data-neurons={size}>
            <button type="button" className="button tiny" data-action="add-neuron" aria-label={s.addNeuron(l + 1)} title={s.addNeuron(l + 1)} disabled={size >= MAX_NEURONS} onClick={() => onNeurons(l + 1, size + 1)}>+</button>
            <button type="button" className="button tiny" data-action="remove-neuron" aria-label={s.removeNeuron(l + 1)} title={s.removeNeuron(l + 1)} disabled={size <= 1} onClick={() => onNeurons(l + 1, size - 1)}>−</button>
          </div>
        ))}
      </div>
      <div className="network-canvas-box" ref={box} style={{ height: layout.height }}>
        <canvas ref={ref} className="network-canvas" role="img" aria-label={s.diagramDescription(inputNames.join(', '), hidden)} data-layers={hidden.join('-')} />
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
          <span key={l} className="network-size" style={{ left: layout.columns[l + 1], top: rowY(layout, size - 1) + thumb / 2 + 2 }}>{size}</span>
        ))}
      </div>
    </div>
  );
}
