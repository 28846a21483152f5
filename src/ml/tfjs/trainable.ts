/** What the training worker needs from a model. Implementations live next to their math in ml/. */
import type { Tensor1D } from '@tensorflow/tfjs';
import type { Params } from '../../state/params';
import type { ModelInfo } from '../shared/contract';

export type { ModelInfo, Params };

/** `P`: the model's parameter values as its contract's table types them (`ContractParams<typeof CONTRACT>`). */
export interface TrainableModel<P extends Params = Params> {
  /**
   * One training step. Returns a 1-D tensor [loss, ...trace] that the caller reads back in a batch with
   * other steps and then disposes: one GPU/wasm read per frame rather than one per step.
   */
  step(): Tensor1D;
  /** Applies parameters that may change mid-run (a learning rate) without restarting. */
  setLive(params: Partial<P>): void;
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
export type ModelFactory<P extends Params = Params> = (params: P, seed: number, data?: number[]) => TrainableModel<P>;
