/**
 * Messages between a widget's client and its training worker: one discriminated union each way.
 *
 * Runs: every init and reset starts a run, numbered by the client (`run`). The worker stamps each message
 * about a run with its number, so the page can drop what a run posted before the page reset it (those
 * messages are still on their way when the reset is sent). `run` is absent only where a test drives a
 * session by hand, and on the error the page makes up when the worker itself fails (onerror).
 */
import type { ModelData, ModelInfo } from '../ml/shared/contract';
import type { Params } from '../state/params';

export type BackendName = 'wasm' | 'cpu';

export type ToWorker =
  | { type: 'init'; model: string; params: Params; seed: number; data?: ModelData; backend?: BackendName; run?: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'set'; params: Params }
  | { type: 'reset'; params: Params; seed: number; data?: ModelData; run?: number }
  /** Settings for the model's painter (engine/painters.ts), if it has one. */
  | { type: 'paint'; config: unknown }
  /** Asks the model for something that is neither a step nor a parameter (TrainableModel.request), answered by a `reply` with the same id. */
  | { type: 'request'; name: string; argument?: unknown; id: number }
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
  /** The run these steps belong to (see the top of this file). */
  run?: number;
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
      run?: number;
    }
  | Progress
  | { type: 'diverged'; step: number; loss: number; run?: number }
  /** A picture from the model's painter. */
  | { type: 'picture'; picture: unknown; run?: number }
  /** The answer to a `request`: its value, or why there is none. Not about a run: the id says whose it is. */
  | { type: 'reply'; id: number; value?: unknown; error?: string; run?: undefined }
  | { type: 'error'; message: string; run?: number };

/**
 * A painter the training worker runs beside a model (engine/painters.ts), typed by what its widget sends
 * (Config), what its model's contract says the info is (Info) and the pictures it posts (Picture). They cross
 * the worker boundary as `paint` and `picture` messages.
 */
export interface Painter<Config = unknown, Info = unknown> {
  /** The page's settings for the picture (its size, colours, what to show). */
  configure(config: Config): void;
  /** The model's info and its latest state, a copy the painter may keep. */
  update(info: Info, state: Float32Array): void;
  /** Stops painting: the model is going away. */
  dispose(): void;
}

export type PainterFactory<Config = unknown, Info = unknown, Picture = unknown> = (
  post: (picture: Picture, transfer: Transferable[]) => void,
) => Painter<Config, Info>;

/**
 * The serving worker (engine/serving.worker.ts, lesson 15): its own worker, apart from the training worker,
 * so that the timings it measures are of serving alone. Settings and loads as in ml/serving/server.ts.
 */
export interface ServingSettings {
  maxBatch: number;
  maxDelayMs: number;
  canaryPercent: number;
}

export interface ServingLoad {
  mode: 'burst' | 'poisson';
  count: number;
  rate: number;
  seed: number;
}

/** A model's files in tfjs's format, as downloaded from lesson 10. */
export interface ModelFilesMessage {
  modelJson: string;
  weights: ArrayBuffer;
}

export type ToServer =
  /** Test digits to ask about, training digits for the model trained here, and the settings. */
  | {
      type: 'init';
      test: { labels: Uint8Array; images: Uint8Array; count: number };
      train: { labels: Uint8Array; images: Uint8Array; count: number };
      settings: ServingSettings;
      backend?: BackendName;
    }
  /** Serves the learner's own model files as the canary. */
  | { type: 'open'; files: ModelFilesMessage }
  | { type: 'load'; load: ServingLoad; run: number }
  | { type: 'set'; settings: ServingSettings }
  | { type: 'stop' }
  | { type: 'dispose' };

/** Where a version's model came from. */
export type ModelSource = 'trained-here' | 'trained-less' | 'saved' | 'files';

export interface VersionInfo {
  source: ModelSource;
  parameters: number;
  /** Training steps, for the models trained here. */
  steps?: number;
}

/**
 * Responses, packed RESPONSE_FIELDS numbers a response: id, version (0 stable, 1 canary), arrival, start,
 * finish (ms from the start of the load), batch size, digit index, predicted class.
 */
export const RESPONSE_FIELDS = 8;

export type FromServer =
  | { type: 'preparing'; what: 'backend' | 'training' | 'loading'; step?: number; steps?: number }
  | { type: 'ready'; backend: BackendName; fallback?: string; versions: { stable: VersionInfo; canary: VersionInfo }; note?: string }
  | { type: 'responses'; run: number; packed: Float64Array; queue: Float64Array }
  | { type: 'done'; run: number }
  /** The learner's model files could not be served; the server goes on with the versions it had. */
  | { type: 'open-failed'; message: string }
  | { type: 'error'; message: string };
