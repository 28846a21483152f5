/** A causal transformer's sizes and parameter count, without tfjs (the page shows them). */
export type PositionKind = 'sinusoidal' | 'learned' | 'none';

export interface TransformerShape {
  vocabulary: number;
  /** The longest sequence the model reads. */
  positions: number;
  width: number;
  heads: number;
  layers: number;
  position: PositionKind;
}

/** Each head's size: the width shared out among the heads (at least 1). */
export function headSize(shape: Pick<TransformerShape, 'width' | 'heads'>): number {
  return Math.max(1, Math.floor(shape.width / shape.heads));
}

/** Trainable parameters, by the formulas the lesson teaches (biases only in the feed-forward part and the output). */
export function transformerParameters(shape: TransformerShape): number {
  const d = shape.width;
  const inner = shape.heads * headSize(shape);
  const block = 2 * 2 * d + 3 * d * inner + inner * d + (d * 4 * d + 4 * d) + (4 * d * d + d);
  const positions = shape.position === 'learned' ? shape.positions * d : 0;
  return shape.vocabulary * d + positions + shape.layers * block + 2 * d + d * shape.vocabulary + shape.vocabulary;
}
