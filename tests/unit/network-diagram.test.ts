import { describe, expect, it } from 'vitest';
import type { DiagramScene, DiagramStyle } from '../../src/charts/network-diagram/paint';
import { DiagramRenderer, OUTPUT_GRID, outputGridSize, type PaintReport } from '../../src/charts/network-diagram/renderer';
import { initWeights, type MlpShape } from '../../src/ml/mlp-playground/mlp';
import { gridActivations, packWeights, planeGrid } from '../../src/ml/mlp-playground/grid';
import { FEATURES, PLAYGROUND_RANGE, type Feature } from '../../src/ml/mlp-playground/data';
import { PainterChannel } from '../../src/widgets/shared/painter-channel';

/** A 2-D context that records its calls: Node has no canvas. */
function recordingCanvas() {
  const calls: { name: string; args: unknown[] }[] = [];
  const ctx = new Proxy({} as Record<string | symbol, unknown>, {
    get(target, name) {
      if (name in target) return target[name];
      if (name === 'createImageData')
        return (width: number, height: number) => ({ width, height, data: new Uint8ClampedArray(4 * width * height) });
      return (...args: unknown[]) => calls.push({ name: String(name), args });
    },
    set(target, name, value) {
      target[name] = value;
      return true;
    },
  });
  const canvas = { width: 0, height: 0, getContext: () => ctx } as unknown as OffscreenCanvas;
  return { canvas, calls, count: (name: string) => calls.filter((c) => c.name === name).length };
}

const STYLE: DiagramStyle = {
  one: [0, 114, 178],
  zero: [194, 65, 12],
  background: [255, 255, 255],
  border: '#999',
  text: '#000',
  labels: [...FEATURES],
};
const SCENE: DiagramScene = { hidden: [4, 2], mask: 0b11, activation: 'tanh', regression: false, discretize: false };
const SHAPE: MlpShape = { sizes: [2, 4, 2, 1], activation: 'tanh', task: 'classification' };
const USED: Feature[] = ['x1', 'x2'];

function renderer() {
  const surface = recordingCanvas();
  const reports: PaintReport[] = [];
  const queued: (() => void)[] = [];
  const r = new DiagramRenderer(
    surface.canvas,
    (report) => reports.push(report),
    (paint) => queued.push(paint),
  );
  const flush = () => queued.splice(0).forEach((paint) => paint());
  return { r, surface, reports, queued, flush };
}

describe('the output plot’s grid', () => {
  it('is 100 × 100 up to 150 weights per cell, fewer cells beyond (at most 1.5 million multiply–adds), never under 60', () => {
    expect(outputGridSize([2, 4, 2, 1])).toBe(100);
    expect(outputGridSize([2, 8, 8, 1])).toBe(100);
    // All seven inputs and six layers of 8: 7·8 + 5·64 + 8 = 384 weights per cell, √(1.5e6 / 384) = 62.5.
    expect(outputGridSize([7, 8, 8, 8, 8, 8, 8, 1])).toBe(62);
    expect(outputGridSize([7, 8, 8, 8, 8, 8, 8, 1]) ** 2 * 384).toBeLessThanOrEqual(1.5e6);
    expect(outputGridSize([7, ...Array(20).fill(8), 1])).toBe(60);
  });
});

describe('the network diagram’s renderer', () => {
  it('paints once per frame, whatever arrives in between, and reports the output over the grid', () => {
    const { r, surface, reports, queued, flush } = renderer();
    const weights = initWeights(SHAPE, 3);
    r.setScene(SCENE);
    r.setStyle(STYLE);
    r.resize({ width: 480, height: 300, ratio: 2 });
    r.setNet({ shape: SHAPE, features: USED, weights: packWeights(weights) });
    expect(queued).toHaveLength(1);
    flush();
    expect(reports).toHaveLength(1);
    expect(surface.canvas.width).toBe(960);
    // The output comes on the large plot's finer grid: 100 × 100 for a network this small.
    expect(outputGridSize(SHAPE.sizes)).toBe(OUTPUT_GRID);
    const grid = planeGrid(USED, OUTPUT_GRID, OUTPUT_GRID, PLAYGROUND_RANGE);
    const expected = gridActivations(SHAPE, weights, grid);
    expect(reports[0].output).toHaveLength(OUTPUT_GRID * OUTPUT_GRID);
    expect(reports[0].output).toEqual(expected[3][0]);
    // One stroke per connection (2·4 + 4·2 + 2·1), one strip of heatmaps per column, a box per node.
    expect(surface.count('stroke')).toBe(18);
    expect(surface.count('putImageData')).toBe(4);
    expect(surface.count('strokeRect')).toBe(FEATURES.length + 4 + 2 + 1);
  });

  it('repaints a theme change without recomputing the grid, and reports no new output then', () => {
    const { r, reports, flush } = renderer();
    r.setScene(SCENE);
    r.setStyle(STYLE);
    r.resize({ width: 480, height: 300, ratio: 1 });
    r.setNet({ shape: SHAPE, features: USED, weights: packWeights(initWeights(SHAPE, 1)) });
    flush();
    r.setStyle({ ...STYLE, text: '#fff' });
    flush();
    expect(reports.map((report) => report.paints)).toEqual([1, 2]);
    expect(reports[1]).toEqual({ paints: 2 });
  });

  it('draws no weights while the scene and the weights belong to different networks', () => {
    const { r, surface, reports, flush } = renderer();
    r.setScene({ ...SCENE, hidden: [4, 3] });
    r.setStyle(STYLE);
    r.resize({ width: 480, height: 300, ratio: 1 });
    r.setNet({ shape: SHAPE, features: USED, weights: packWeights(initWeights(SHAPE, 1)) });
    flush();
    expect(reports[0].output).toBeNull();
    expect(surface.count('stroke')).toBe(0);
    // Only the input features are shaded: one strip.
    expect(surface.count('putImageData')).toBe(1);
  });

  it('computes the grid once the scene catches up with weights that arrived first (a network just changed)', () => {
    const { r, surface, reports, flush } = renderer();
    const weights = initWeights(SHAPE, 2);
    r.setScene({ ...SCENE, hidden: [4] });
    r.setStyle(STYLE);
    r.resize({ width: 480, height: 300, ratio: 1 });
    r.setNet({ shape: SHAPE, features: USED, weights: packWeights(weights) });
    flush();
    expect(reports[0].output).toBeNull();
    r.setScene(SCENE);
    flush();
    expect(reports[1].output).toEqual(gridActivations(SHAPE, weights, planeGrid(USED, OUTPUT_GRID, OUTPUT_GRID, PLAYGROUND_RANGE))[3][0]);
    expect(surface.count('stroke')).toBe(18);
  });

  it('waits for its size, colours and scene before painting', () => {
    const { r, reports, flush } = renderer();
    r.setNet({ shape: SHAPE, features: USED, weights: packWeights(initWeights(SHAPE, 1)) });
    r.setScene(SCENE);
    flush();
    r.resize({ width: 0, height: 0, ratio: 1 });
    r.setStyle(STYLE);
    flush();
    expect(reports).toHaveLength(0);
  });
});

describe('PainterChannel', () => {
  it('sends the latest settings to a worker that starts later, and hands pictures on', () => {
    const channel = new PainterChannel<{ width: number }, string>();
    const sent: unknown[] = [];
    channel.configure({ width: 1 });
    channel.configure({ width: 2 });
    channel.attach({ paint: (config) => sent.push(config) });
    channel.configure({ width: 3 });
    expect(sent).toEqual([{ width: 2 }, { width: 3 }]);
    const pictures: string[] = [];
    channel.onPicture = (picture) => pictures.push(picture);
    channel.receive('a');
    channel.detach();
    channel.configure({ width: 4 });
    expect(sent).toHaveLength(2);
    expect(pictures).toEqual(['a']);
  });
});
