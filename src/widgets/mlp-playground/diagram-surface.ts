/**
 * The page's side of the network diagram: where the browser has OffscreenCanvas, the training worker paints
 * it (charts/network-diagram/painter.ts) and the page only shows each picture; elsewhere the same renderer
 * paints on the page from the weights the worker reports.
 */
import type { DiagramScene, DiagramStyle } from '../../charts/network-diagram/paint';
import type { DiagramConfig, DiagramPicture } from '../../charts/network-diagram/painter';
import { DiagramRenderer, type DiagramNet, type DiagramSize, type PaintReport } from '../../charts/network-diagram/renderer';
import { PainterChannel } from '../shared/painter-channel';

export type DiagramChannel = PainterChannel<DiagramConfig, DiagramPicture>;

export interface DiagramSurface {
  setScene(scene: DiagramScene): void;
  setStyle(style: DiagramStyle): void;
  resize(size: DiagramSize): void;
  setNet(net: DiagramNet | null): void;
  dispose(): void;
}

/** A channel to the worker's painter, or null where a worker cannot paint. */
export function diagramChannel(): DiagramChannel | null {
  return typeof OffscreenCanvas === 'function' ? new PainterChannel() : null;
}

class WorkerSurface implements DiagramSurface {
  private config: Partial<DiagramConfig> = {};

  constructor(
    canvas: HTMLCanvasElement,
    context: ImageBitmapRenderingContext,
    private readonly channel: DiagramChannel,
    report: (report: PaintReport) => void,
  ) {
    // Shown as it arrives, in the same task as the output plot's update: one frame shows both.
    channel.onPicture = ({ bitmap, ...paint }) => {
      if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) [canvas.width, canvas.height] = [bitmap.width, bitmap.height];
      context.transferFromImageBitmap(bitmap);
      report(paint);
    };
  }

  setScene(scene: DiagramScene) {
    this.send({ scene });
  }
  setStyle(style: DiagramStyle) {
    this.send({ style });
  }
  resize(size: DiagramSize) {
    this.send({ size });
  }
  /** The worker paints from the model's own state. */
  setNet() {}
  dispose() {
    this.channel.onPicture = null;
  }

  private send(part: Partial<DiagramConfig>) {
    this.config = { ...this.config, ...part };
    const { scene, style, size } = this.config;
    if (scene && style && size) this.channel.configure({ scene, style, size });
  }
}

class PageSurface extends DiagramRenderer implements DiagramSurface {
  dispose() {}
}

/** `canvas` must be fresh: a canvas keeps the kind of context it was first asked for. */
export function createDiagramSurface(
  canvas: HTMLCanvasElement,
  channel: DiagramChannel | null,
  report: (report: PaintReport) => void,
): DiagramSurface {
  const context = channel ? canvas.getContext('bitmaprenderer') : null;
  return channel && context ? new WorkerSurface(canvas, context, channel, report) : new PageSurface(canvas, report);
}
