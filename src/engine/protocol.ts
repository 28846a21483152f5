/** Messages between a widget's client and its training worker: one discriminated union each way. */
import type { ModelInfo, Params } from '../ml/tfjs/trainable';

export type BackendName = 'wasm' | 'cpu';

export type ToWorker =
  | { type: 'init'; model: string; params: Params; seed: number; data?: number[]; backend?: BackendName }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'set'; params: Params }
  | { type: 'reset'; params: Params; seed: number; data?: number[] }
  /** Settings for the model's painter (engine/painters.ts), if it has one. */
  | { type: 'paint'; config: unknown }
  | { type: 'dispose' };

export interface Progress {
  type: 'progress';
  /** Steps taken since the last reset. */
  step: number;
  /** Losses of the steps since the previous message, in order (the steps step−k+1 … step). */
  losses: Float32Array;
  /** The same steps' traces, flattened: traceNames.length values per step. */
  traces: Float32Array;
  running: boolean;
  /** True when the step budget is used up. */
  done: boolean;
  stepsPerSecond: number;
  tensors: number;
  /** The model's state after the last of these steps, for models that have one (TrainableModel.state). */
  state?: Float32Array;
}

export type FromWorker =
  | {
      type: 'snapshot';
      backend: BackendName;
      /** Why the preferred backend was not used, when it was not. */
      fallback?: string;
      info: ModelInfo;
      traceNames: readonly string[];
      initialTrace: readonly number[];
      /** The model's state before the first step, for models that have one. */
      state?: Float32Array;
      tensors: number;
    }
  | Progress
  | { type: 'diverged'; step: number; loss: number }
  /** A picture from the model's painter. */
  | { type: 'picture'; picture: unknown }
  | { type: 'error'; message: string };
