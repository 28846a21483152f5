/** A causal transformer's weights as plain arrays (row-major, as tfjs holds them), for code without tfjs. */
import type { TransformerShape } from './transformer-shape';

export interface NormWeights {
  gamma: Float32Array;
  beta: Float32Array;
}

export interface BlockWeights {
  norm1: NormWeights;
  /** [width, heads·headSize] each. */
  query: Float32Array;
  key: Float32Array;
  value: Float32Array;
  /** [heads·headSize, width]. */
  output: Float32Array;
  norm2: NormWeights;
  /** [width, 4·width] and [4·width]. */
  hidden: Float32Array;
  hiddenBias: Float32Array;
  /** [4·width, width] and [width]. */
  back: Float32Array;
  backBias: Float32Array;
}

export interface TransformerWeights {
  shape: TransformerShape;
  /** [vocabulary, width]. */
  embedding: Float32Array;
  /** [positions, width], learned or sinusoidal; null without positional encoding. */
  positions: Float32Array | null;
  blocks: BlockWeights[];
  finalNorm: NormWeights;
  /** [width, vocabulary] and [vocabulary]. */
  unembedding: Float32Array;
  unembeddingBias: Float32Array;
}
