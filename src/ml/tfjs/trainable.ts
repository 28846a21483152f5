/** What the training worker needs from a model. Implementations live next to their math in ml/. */
import type { Tensor1D } from '@tensorflow/tfjs';

import type { ParamValues } from '../../state/params';
import type { ModelInfo } from '../shared/contract';

export type { ModelInfo };
/** The one parameter type: the values of a model's parameter table. */
export type Params = ParamValues;

export interface TrainableModel {
  /**
   * One training step. Returns a 1-D tensor [loss, ...trace] that the caller reads back in a batch with
   * other steps and then disposes: one GPU/wasm read per frame rather than one per step.
   */
  step(): Tensor1D;
  /** Applies parameters that may change mid-run (a learning rate) without restarting. */
  setLive(params: Params): void;
  /** Names of the values after the loss in each step's record, e.g. ['b0', 'b1']. */
  readonly traceNames: readonly string[];
  /** The trace before the first step (e.g. the initial weights). */
  readonly initialTrace: readonly number[];
  readonly info: ModelInfo;
  /**
   * What the page needs to draw the model as it is now (e.g. every weight, for per-neuron heatmaps), if
   * more than the trace: read once per progress message, after its steps, not once per step.
   */
  state?(): Tensor1D;
  dispose(): void;
}

/** `data`, when given, is the learner's own data set (its layout is the model's business) instead of a generated one. */
export type ModelFactory = (params: Params, seed: number, data?: number[]) => TrainableModel;
