/**
 * The network diagram painted inside the training worker, between training ticks: the worker has the
 * weights the moment they change, and painting on the same thread keeps the page's two cores for the page on
 * small machines (a separate painting worker was starved there by the training worker and redrew less often).
 * Each picture goes to the page as an ImageBitmap, with the output grid for the page's large heatmap.
 */
import type { PainterFactory } from '../../engine/protocol';
import type { PlaygroundInfo } from '../../ml/mlp-playground/contract';
import type { DiagramScene, DiagramStyle } from './paint';
import { DiagramRenderer, type DiagramSize, type PaintReport } from './renderer';

/** Everything the page decides about the picture; sent whole whenever a part changes. */
export interface DiagramConfig {
  scene: DiagramScene;
  style: DiagramStyle;
  size: DiagramSize;
}

export type DiagramPicture = PaintReport & { bitmap: ImageBitmap };

/** One picture per PAINT_MS on average, about 37 a second; the rest of the thread's time trains. */
export const PAINT_MS = 27;

export const createDiagramPainter: PainterFactory<DiagramConfig, PlaygroundInfo, DiagramPicture> = (post) => {
  const canvas = new OffscreenCanvas(1, 1);
  let stopped = false;
  const report = (paint: PaintReport) => {
    // The renderer keeps its grid for later paints (a resize, a theme): the page gets a copy. So does the
    // picture: transferToImageBitmap would hand over the canvas's buffer, and allocating the next one cost
    // more than the copy.
    const output = paint.output ? paint.output.slice() : paint.output;
    void createImageBitmap(canvas).then((bitmap) => {
      const picture: DiagramPicture = { ...paint, output, bitmap };
      post(picture, output ? [picture.bitmap, output.buffer] : [picture.bitmap]);
    });
  };
  // Paints are due every PAINT_MS on average: one that came late (after a training tick) moves the next one
  // no later, so the rate holds.
  let due = 0;
  const renderer = new DiagramRenderer(canvas, report, (paint) => {
    setTimeout(
      () => {
        if (stopped) return;
        const now = performance.now();
        due = now - due > PAINT_MS ? now + PAINT_MS : due + PAINT_MS;
        paint();
      },
      Math.max(0, due - performance.now()),
    );
  });
  return {
    configure({ scene, style, size }) {
      renderer.setScene(scene);
      renderer.setStyle(style);
      renderer.resize(size);
    },
    update({ shape, features }, state) {
      renderer.setNet({ shape, features, weights: state });
    },
    dispose() {
      stopped = true;
    },
  };
};
