/**
 * Where the network diagram puts its neurons: one column for the seven input features, one per hidden layer,
 * one for the output, spread over the width; neurons from the top down. Heatmaps grow with the room between
 * columns (18–40 px). The canvas and the buttons laid over it (feature switches, +/− per layer) share these
 * numbers.
 */
export const LABEL_WIDTH = 46;
const RIGHT = 8;
const TOP = 6;
const MIN_THUMB = 18;
const MAX_THUMB = 40;

export interface DiagramLayout {
  thumb: number;
  pitch: number;
  /** Centre of each column, in pixels from the left. */
  columns: number[];
  height: number;
  /** The room between two columns: narrow diagrams stack each layer's + and − buttons. */
  spacing: number;
}

export function diagramLayout(width: number, hiddenLayers: number, rows: number): DiagramLayout {
  const count = hiddenLayers + 2;
  const spacing = (width - LABEL_WIDTH - RIGHT - MIN_THUMB) / (count - 1);
  const thumb = Math.round(Math.max(MIN_THUMB, Math.min(MAX_THUMB, spacing * 0.6)));
  const first = LABEL_WIDTH + thumb / 2;
  const step = (width - LABEL_WIDTH - RIGHT - thumb) / (count - 1);
  const pitch = thumb + Math.max(6, Math.round(thumb / 4));
  return {
    thumb,
    pitch,
    columns: Array.from({ length: count }, (_, col) => first + col * step),
    height: TOP * 2 + thumb + (rows - 1) * pitch + 14,
    spacing: step,
  };
}

/** The centre of neuron `row` of a column. */
export function rowY(layout: DiagramLayout, row: number): number {
  return TOP + layout.thumb / 2 + row * layout.pitch;
}
