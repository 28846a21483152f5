/**
 * Painters a training worker can run beside a model, by the model's name: a widget whose picture follows the
 * model's state step by step has it drawn in the worker (on an OffscreenCanvas) instead of on the page.
 * A painter imports canvas code from charts/, never React or the DOM.
 */
import { createDiagramPainter } from '../charts/network-diagram/painter';
import type { WidgetId } from '../widgets/catalog';

export interface Painter {
  /** The page's settings for the picture (its size, colours, what to show). */
  configure(config: unknown): void;
  /** The model's info and its latest state, a copy the painter may keep. */
  update(info: unknown, state: Float32Array): void;
  /** Stops painting: the model is going away. */
  dispose(): void;
}

export type PainterFactory = (post: (picture: unknown, transfer: Transferable[]) => void) => Painter;

/** Only the widgets whose picture follows the model step by step have one. */
export const PAINTERS: { readonly [Id in WidgetId]?: PainterFactory } = {
  'mlp-playground': createDiagramPainter,
};
