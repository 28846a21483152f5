/**
 * Painters a training worker can run beside a model, by the model's name: a widget whose picture follows the
 * model's state step by step has it drawn in the worker (on an OffscreenCanvas) instead of on the page.
 * A painter imports canvas code from charts/, never React or the DOM.
 */
import { createDiagramPainter } from '../charts/network-diagram/painter';
import type { TrainedWidgetId } from '../widgets/catalog';
import type { PainterFactory } from './protocol';

export type { Painter, PainterFactory } from './protocol';

/** Only the widgets whose picture follows the model step by step have one. */
export const PAINTERS: { readonly [Id in TrainedWidgetId]?: PainterFactory } = {
  'mlp-playground': createDiagramPainter,
};
