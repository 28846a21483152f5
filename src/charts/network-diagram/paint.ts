/**
 * Paints the network as TensorFlow Playground draws it: each input feature and each neuron a small heatmap
 * of its output over the input plane, each connection a line coloured by its weight's sign, as wide as its
 * size. Pure canvas calls, so the same code paints in the diagram's worker (an OffscreenCanvas) or, where a
 * browser has none, on the page.
 */
import { shadeInto, type Rgb, type ShadeColors } from '../shade';
import type { Activation, MlpWeights } from '../../ml/mlp-playground/mlp';
import { FEATURES } from '../../ml/mlp-playground/data';
import { diagramLayout, LABEL_WIDTH, rowY, type DiagramLayout } from './layout';

/** What the learner chose: the network's look before any weights. */
export interface DiagramScene {
  hidden: number[];
  /** Bit i set: feature i is an input. */
  mask: number;
  activation: Activation;
  regression: boolean;
  discretize: boolean;
}

/** The page's colours (read from its CSS) and the features' names in the page's language. */
export interface DiagramStyle {
  one: Rgb;
  zero: Rgb;
  background: Rgb;
  border: string;
  text: string;
  labels: string[];
}

export interface NeuronMaps {
  cols: number;
  rows: number;
  /** Each feature's values over the grid, already scaled into [−1, 1] (all seven, used or not). */
  features: Float32Array[];
  /** gridActivations(): [used inputs, hidden layers…, output]; null before the first weights arrive. */
  layers: Float32Array[][] | null;
}

export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Connection widths come in steps of 1/LINE_LEVELS_PER_UNIT of a weight, up to |w| = 3. */
const LINE_LEVELS_PER_UNIT = 4;
const LINE_LEVELS = 12;

/** The output into the colour scale's [−1, 1]: a probability is stretched, "discretize" keeps only the side. */
export function outputShade(regression: boolean, discretize: boolean): (v: number) => number {
  if (regression) return discretize ? Math.sign : (v) => v;
  return discretize ? (p) => (p >= 0.5 ? 1 : -1) : (p) => 2 * p - 1;
}

/** Neuron outputs into the colour scale's [−1, 1]: a sigmoid's (0, 1) is stretched, others are clipped. */
function hiddenShade(activation: Activation): (v: number) => number {
  return activation === 'sigmoid' ? (v) => 2 * v - 1 : (v) => v;
}

/**
 * Shades every node's heatmap into `image` and puts it on the canvas, one strip per column of nodes.
 * `sizes` counts the nodes per column (features, hidden layers, output); `active` marks the features in use.
 */
function paintHeatmaps(
  ctx: Context2D,
  at: DiagramLayout,
  ratio: number,
  image: ImageData,
  sizes: number[],
  active: boolean[],
  scene: DiagramScene,
  style: DiagramStyle,
  maps: NeuronMaps,
) {
  const colors: ShadeColors = { background: style.background, one: style.one, zero: style.zero };
  // Every heatmap is shaded straight into one image of the whole canvas at its drawn size, in device
  // pixels: no scaled drawImage per node (each was rasterized on the CPU, every frame), and each column of
  // nodes is put as one strip. Connections end at the nodes' edges and borders are drawn after, so nothing
  // else shares those pixels.
  const side = Math.round(at.thumb * ratio);
  const output = outputShade(scene.regression, scene.discretize);
  const shades = sizes.map((_, col) => (col === 0 ? (v: number) => v : col === sizes.length - 1 ? output : hiddenShade(scene.activation)));
  const top = (row: number) => Math.round((rowY(at, row) - at.thumb / 2) * ratio);
  sizes.forEach((size, col) => {
    const left = Math.round((at.columns[col] - at.thumb / 2) * ratio);
    let shaded = false;
    for (let j = 0; j < size; j++) {
      const values = col === 0 ? maps.features[j] : maps.layers?.[col][j];
      if (!values) continue;
      const alpha = col === 0 && !active[j] ? 0.3 : 1;
      shadeInto(image, left, top(j), { values, cols: maps.cols, rows: maps.rows }, shades[col], colors, {
        width: side,
        height: side,
        alpha,
      });
      shaded = true;
    }
    if (shaded) ctx.putImageData(image, 0, 0, left, top(0), side, top(size - 1) + side - top(0));
  });
}

/**
 * Every connection's end points (x, y, x, y), grouped by its weight's sign and by one of LINE_LEVELS sizes
 * (positive weights first) so the stroke style changes 24 times, not 400. Only the features in use are connected.
 */
function connectionGroups(at: DiagramLayout, sizes: number[], active: boolean[], weights: MlpWeights): number[][] {
  const T = at.thumb;
  const inputRows = FEATURES.map((_, i) => i).filter((i) => active[i]);
  const groups = Array.from({ length: 2 * LINE_LEVELS }, () => [] as number[]);
  for (let l = 0; l < weights.W.length; l++) {
    const inRows = l === 0 ? inputRows : Array.from({ length: sizes[l] }, (_, k) => k);
    const out = sizes[l + 1];
    for (let k = 0; k < inRows.length; k++) {
      for (let j = 0; j < out; j++) {
        const w = weights.W[l][k * out + j];
        const level = Math.min(LINE_LEVELS - 1, Math.floor(Math.abs(w) * LINE_LEVELS_PER_UNIT));
        const path = groups[(w >= 0 ? 0 : LINE_LEVELS) + level];
        path.push(at.columns[l] + T / 2, rowY(at, inRows[k]), at.columns[l + 1] - T / 2, rowY(at, j));
      }
    }
  }
  return groups;
}

/** Each line is its own stroke: one path of overlapping lines took twice as long to rasterize. */
function drawConnections(ctx: Context2D, groups: number[][], style: DiagramStyle) {
  // Butt ends stop exactly at the nodes' edges, where the heatmaps begin.
  ctx.lineCap = 'butt';
  groups.forEach((path, g) => {
    const c = g < LINE_LEVELS ? style.one : style.zero;
    const size = ((g % LINE_LEVELS) + 0.5) / LINE_LEVELS_PER_UNIT;
    ctx.strokeStyle = `rgba(${c[0]},${c[1]},${c[2]},${Math.min(1, 0.35 + size / 2)})`;
    ctx.lineWidth = Math.min(6, 0.5 + size * 1.5);
    for (let i = 0; i < path.length; i += 4) {
      ctx.beginPath();
      ctx.moveTo(path[i], path[i + 1]);
      ctx.lineTo(path[i + 2], path[i + 3]);
      ctx.stroke();
    }
  });
}

/** Each node's border (the features in use stand out, those not in use fade) and the features' names. */
function drawNodeBorders(ctx: Context2D, at: DiagramLayout, sizes: number[], active: boolean[], style: DiagramStyle) {
  const T = at.thumb;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  sizes.forEach((size, col) => {
    for (let j = 0; j < size; j++) {
      const [cx, cy] = [at.columns[col], rowY(at, j)];
      ctx.globalAlpha = col === 0 && !active[j] ? 0.3 : 1;
      ctx.strokeStyle = col === 0 && active[j] ? style.text : style.border;
      ctx.lineWidth = col === 0 && active[j] ? 2 : 1;
      ctx.strokeRect(cx - T / 2, cy - T / 2, T, T);
      if (col === 0) {
        ctx.fillStyle = style.text;
        ctx.textAlign = 'right';
        ctx.fillText(style.labels[j], LABEL_WIDTH - 4, cy);
      }
      ctx.globalAlpha = 1;
    }
  });
}

/**
 * Paints the diagram `width` CSS pixels wide on a context already scaled by `ratio` (device pixels per CSS
 * pixel). `image` is an ImageData of the whole canvas, reused from frame to frame: blank where no node is (it
 * is put in strips, gaps included), so it must be cleared when the layout changes.
 */
export function paintDiagram(
  ctx: Context2D,
  width: number,
  ratio: number,
  image: ImageData,
  scene: DiagramScene,
  style: DiagramStyle,
  maps: NeuronMaps,
  weights: MlpWeights | null,
) {
  const { hidden, mask } = scene;
  const active = FEATURES.map((_, i) => (mask & (1 << i)) !== 0);
  const at = diagramLayout(width, hidden.length, Math.max(FEATURES.length, ...hidden));
  const sizes = [FEATURES.length, ...hidden, 1];
  paintHeatmaps(ctx, at, ratio, image, sizes, active, scene, style, maps);
  // Connections first, under the nodes.
  if (weights) drawConnections(ctx, connectionGroups(at, sizes, active, weights), style);
  drawNodeBorders(ctx, at, sizes, active, style);
}
