/** What the training worker needs from a model. Implementations live next to their math in ml/. */
import type { Tensor1D } from '@tensorflow/tfjs';
import type { Params } from '../../state/params';
import type { ModelData, ModelInfo } from '../shared/contract';

export type { ModelData, ModelInfo, Params };

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
  /**
   * While running, read the state at most this often (ms), not after every tick: for a model whose state
   * costs a forward pass of its own and whose steps are about as cheap (the tiny transformer's attention
   * maps). A paused or finished run always reports its last state.
   */
  readonly stateInterval?: number;
  /**
   * Answers a request from the page that is neither a step nor a parameter (the CNN's `save`): the value
   * goes back in a `reply`, with the buffers in `transfer` moved rather than copied.
   */
  request?(name: string, argument?: unknown): Promise<{ value: unknown; transfer?: Transferable[] }>;
  dispose(): void;
}

/**
 * `data`, when given, is the data set the page sends (its layout is the model's business) instead of one
 * generated here: the learner's own points (`number[]`) or a loaded data set (`Uint8Array`).
 */
export type ModelFactory<P extends Params = Params, D extends ModelData = number[]> = (
  params: P,
  seed: number,
  data?: D,
) => TrainableModel<P>;
