/**
 * Keeps the network diagram's canvas up to date: from the latest weights it computes every neuron over a
 * grid of the input plane (the small heatmaps, and the output the page shades as its large one) and paints
 * at most once per animation frame. The page runs it in a worker on an OffscreenCanvas (diagram.worker.ts),
 * or on its own canvas where a browser cannot (diagram-surface.ts).
 */
import type { MlpShape, MlpWeights } from '../../ml/mlp-playground/mlp';
import { gridActivations, planeGrid, unpackWeights } from '../../ml/mlp-playground/grid';
import { FEATURES, PLAYGROUND_RANGE, type Feature } from '../../ml/mlp-playground/data';
import { paintDiagram, type Context2D, type DiagramScene, type DiagramStyle, type NeuronMaps } from './paint';

/** Every neuron's small heatmap comes from one grid of the input plane. */
export const GRID = 48;
/**
 * The large output plot has a finer grid of its own: on 48 × 48 its decision boundary showed corners a
 * cell (7 px) apart. 100 × 100 is TensorFlow Playground's. The extra forward pass runs where the diagram
 * paints (the training worker, where the browser allows), once per picture, so its cost is capped: a network
 * with many weights per cell gets fewer cells, 62 × 62 for the largest the playground
 * allows (all seven inputs, six layers of 8), never fewer than 60 × 60.
 */
export const OUTPUT_GRID = 100;
const OUTPUT_GRID_MIN = 60;
/** Multiply–adds per picture for the output grid: about a millisecond and a half of the worker's time. */
const OUTPUT_GRID_BUDGET = 1.5e6;

/** The output grid's side for a network: 100, or less where its weights per cell would pass the budget. */
export function outputGridSize(sizes: readonly number[]): number {
  const perCell = sizes.slice(1).reduce((sum, size, l) => sum + sizes[l] * size, 0);
  return Math.max(OUTPUT_GRID_MIN, Math.min(OUTPUT_GRID, Math.floor(Math.sqrt(OUTPUT_GRID_BUDGET / perCell))));
}

/** The network the worker is training now: its shape, the features it reads, and its packed weights. */
export interface DiagramNet {
  shape: MlpShape;
  features: Feature[];
  weights: Float32Array;
}

export interface DiagramSize {
  /** CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  ratio: number;
}

export interface PaintReport {
  /** Paints so far: the page shows it on the canvas (data-paints) for the benchmark. */
  paints: number;
  /**
   * The network's output over an n × n grid of the plane (n = outputGridSize of its layer sizes), when new
   * weights were painted; null when there are none.
   */
  output?: Float32Array | null;
}

const features = planeGrid(FEATURES, GRID, GRID, PLAYGROUND_RANGE);
/** The input features over each output grid size in use, made when first needed. */
const outputFeatures = new Map<number, ReturnType<typeof planeGrid>>();
function outputPlane(size: number) {
  let plane = outputFeatures.get(size);
  if (!plane) outputFeatures.set(size, (plane = planeGrid(FEATURES, size, size, PLAYGROUND_RANGE)));
  return plane;
}
/** Each feature over the grid divided by its largest absolute value there, for its small heatmap. */
const scaledFeatures = features.inputs.map((values) => {
  const max = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0) || 1;
  return values.map((v) => v / max);
});

/** The network's output over its output grid (outputGridSize). */
function outputGrid(net: DiagramNet, weights: MlpWeights): Float32Array {
  const size = outputGridSize(net.shape.sizes);
  const plane = outputPlane(size);
  const inputs = net.features.map((f) => plane.inputs[FEATURES.indexOf(f)]);
  return gridActivations(net.shape, weights, { cols: size, rows: size, inputs }).at(-1)![0];
}

type Canvas = HTMLCanvasElement | OffscreenCanvas;

function nextFrame(callback: () => void) {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
  else setTimeout(callback, 16);
}

export class DiagramRenderer {
  private scene: DiagramScene | null = null;
  private style: DiagramStyle | null = null;
  private size: DiagramSize | null = null;
  private net: DiagramNet | null = null;
  private layers: Float32Array[][] | null = null;
  /** The weights `layers` were computed from (undefined: none yet, so the first paint reports its output). */
  private layersFor: DiagramNet | null | undefined = undefined;
  private image: ImageData | null = null;
  /** The layout changed since the last paint: the image's old nodes must go. */
  private relaid = true;
  private paints = 0;
  private pending = false;

  constructor(
    private readonly canvas: Canvas,
    private readonly report: (report: PaintReport) => void,
    private readonly schedule: (paint: () => void) => void = nextFrame,
  ) {}

  setScene(scene: DiagramScene) {
    this.scene = scene;
    this.relaid = true;
    this.request();
  }

  setStyle(style: DiagramStyle) {
    this.style = style;
    this.request();
  }

  resize(size: DiagramSize) {
    this.size = size;
    this.relaid = true;
    this.request();
  }

  /** null between a change of network and the new model's first weights: the diagram then shows no weights. */
  setNet(net: DiagramNet | null) {
    this.net = net;
    this.request();
  }

  private request() {
    if (this.pending) return;
    this.pending = true;
    this.schedule(() => {
      this.pending = false;
      this.paint();
    });
  }

  private paint() {
    const { scene, style, size, canvas } = this;
    if (!scene || !style || !size || size.width === 0 || size.height === 0) return;
    // A scene and weights of different networks meet for a moment when the network changes: no weights then.
    const sizes = [FEATURES.filter((_, i) => scene.mask & (1 << i)).length, ...scene.hidden, 1];
    const net = this.net?.shape.sizes.length === sizes.length && this.net.shape.sizes.every((n, l) => n === sizes[l]) ? this.net : null;
    const weights = net ? unpackWeights(net.shape.sizes, net.weights) : null;
    let output: Float32Array | null | undefined;
    if (net !== this.layersFor) {
      this.layersFor = net;
      this.layers =
        net && weights
          ? gridActivations(net.shape, weights, {
              cols: GRID,
              rows: GRID,
              inputs: net.features.map((f) => features.inputs[FEATURES.indexOf(f)]),
            })
          : null;
      output = net && weights ? outputGrid(net, weights) : null;
    }
    const [width, height] = [Math.round(size.width * size.ratio), Math.round(size.height * size.ratio)];
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const ctx = canvas.getContext('2d') as Context2D | null;
    if (!ctx) return;
    if (this.image?.width !== width || this.image.height !== height) this.image = ctx.createImageData(width, height);
    else if (this.relaid) new Uint32Array(this.image.data.buffer).fill(0);
    this.relaid = false;
    ctx.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
    ctx.clearRect(0, 0, size.width, size.height);
    const maps: NeuronMaps = { cols: GRID, rows: GRID, features: scaledFeatures, layers: this.layers };
    paintDiagram(ctx, size.width, size.ratio, this.image, scene, style, maps, weights);
    this.paints++;
    this.report(output === undefined ? { paints: this.paints } : { paints: this.paints, output });
  }
}
