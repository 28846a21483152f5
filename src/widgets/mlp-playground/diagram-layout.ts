/**
 * Where the network diagram puts its neurons: one column for the seven input features, one per hidden layer,
 * one for the output, spread over the width; neurons from the top down. The canvas and the buttons laid over
 * it (feature switches, +/− per layer) use the same numbers, the buttons through CSS calc().
 */
export const LABEL_WIDTH = 46;
export const THUMB = 28;
export const PITCH = 36;
export const TOP = 6;
const RIGHT = 8;

export function columnCount(hiddenLayers: number): number {
  return hiddenLayers + 2;
}

/** The centre of column `col` of `count` on a canvas `width` pixels wide. */
export function columnX(width: number, col: number, count: number): number {
  return LABEL_WIDTH + THUMB / 2 + (col * (width - LABEL_WIDTH - THUMB - RIGHT)) / (count - 1);
}

/** The same position as a CSS length, for an element placed over the canvas. */
export function columnLeftCss(col: number, count: number): string {
  return `calc(${LABEL_WIDTH + THUMB / 2}px + ${col} * (100% - ${LABEL_WIDTH + THUMB + RIGHT}px) / ${count - 1})`;
}

export function rowY(row: number): number {
  return TOP + THUMB / 2 + row * PITCH;
}

export function diagramHeight(rows: number): number {
  return TOP * 2 + THUMB + (rows - 1) * PITCH + 14;
}
