/** The page's handle on one training worker. React-free; widgets use it through useTrainer. */
import type { Params } from '../state/params';
import type { ModelData } from '../ml/shared/contract';
import type { BackendName, FromServer, FromWorker, ModelFilesMessage, ServingLoad, ServingSettings, ToServer, ToWorker } from './protocol';

/** What the client needs of a Worker (a test passes a fake). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ToWorker): void;
  terminate(): void;
}

/**
 * Whether a message belongs to the run the page started last. A message without a run number is the page's
 * own report of a failed worker (onerror), which is about whatever runs there now.
 */
export function isCurrentRun(message: FromWorker, run: number): boolean {
  return message.run === undefined || message.run === run;
}

type WorkerFactory = () => WorkerLike;

export class TrainerClient {
  private worker: WorkerLike;
  /** The run the page started last (init or reset); messages from earlier runs are dropped. */
  private run = 0;
  /** The worker crashed (onerror) or reported an error: the next reset replaces it instead of posting to it. */
  private failed = false;
  /** What the current run was started with, for starting it again in a fresh worker. */
  private start: Extract<ToWorker, { type: 'init' }> | null = null;
  /** The painter's latest settings, re-sent to a fresh worker. */
  private paintConfig: { config: unknown } | null = null;
  /** Requests waiting for their reply, by id. */
  private readonly requests = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private lastRequest = 0;

  /**
   * `createWorker` makes the worker (again, after a failure); the default is written out in full so that
   * Vite sees `new Worker(new URL(…, import.meta.url))` and bundles the worker.
   */
  constructor(
    private readonly onMessage: (message: FromWorker) => void,
    private readonly createWorker: WorkerFactory = () =>
      new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' }),
  ) {
    this.worker = this.spawn();
  }

  init(model: string, params: Params, seed: number, data?: ModelData, backend?: BackendName) {
    this.start = { type: 'init', model, params, seed, data, backend, run: ++this.run };
    this.send(this.start);
  }
  play() {
    this.send({ type: 'play' });
  }
  pause() {
    this.send({ type: 'pause' });
  }
  step(count = 1) {
    this.send({ type: 'step', count });
  }
  set(params: Params) {
    this.send({ type: 'set', params });
  }
  /**
   * Starts a new run: whatever the worker posted about the previous one and is still on its way is dropped.
   * After a failure the worker is replaced by a fresh one, started with this run's settings (and the
   * painter's); returns true when that happened, so the widget can say so.
   */
  reset(params: Params, seed: number, data?: ModelData): boolean {
    const run = ++this.run;
    if (this.failed && this.start) {
      this.start = { ...this.start, params, seed, data, run };
      this.restart();
      return true;
    }
    this.send({ type: 'reset', params, seed, data, run });
    return false;
  }
  /** Asks the model for `name` (TrainableModel.request); rejected if the worker fails or goes first. */
  request(name: string, argument?: unknown): Promise<unknown> {
    const id = ++this.lastRequest;
    return new Promise((resolve, reject) => {
      this.requests.set(id, { resolve, reject });
      this.send({ type: 'request', name, argument, id });
    });
  }
  paint(config: unknown) {
    this.paintConfig = { config };
    this.send({ type: 'paint', config });
  }
  /** Ends the worker: its memory, tensors included, goes with it. */
  dispose() {
    this.send({ type: 'dispose' });
    this.worker.terminate();
    this.dropRequests('the training worker has stopped');
  }

  private dropRequests(why: string) {
    for (const { reject } of this.requests.values()) reject(new Error(why));
    this.requests.clear();
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker();
    // A replaced worker's last messages (or its error) are about a run that is gone.
    worker.onmessage = (event) => {
      if (worker === this.worker) this.receive(event.data);
    };
    worker.onerror = (event) => {
      if (worker === this.worker) this.receive({ type: 'error', message: event.message || 'the training worker failed to start' });
    };
    return worker;
  }

  /** Ends the failed worker (its state is unknown, it may be dead) and starts the current run in a new one. */
  private restart() {
    const old = this.worker;
    old.onmessage = null;
    old.onerror = null;
    old.terminate();
    this.failed = false;
    this.dropRequests('the training worker was replaced');
    this.worker = this.spawn();
    this.send(this.start!);
    if (this.paintConfig) this.send({ type: 'paint', config: this.paintConfig.config });
  }

  private receive(message: FromWorker) {
    if (message.type === 'reply') {
      const waiting = this.requests.get(message.id);
      this.requests.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.value);
      return;
    }
    if (!isCurrentRun(message, this.run)) return;
    if (message.type === 'error') this.failed = true;
    this.onMessage(message);
  }

  private send(message: ToWorker) {
    this.worker.postMessage(message);
  }
}

/** What the serving client needs of a Worker (a test passes a fake). */
export interface ServerWorkerLike {
  onmessage: ((event: MessageEvent<FromServer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: ToServer, transfer?: Transferable[]): void;
  terminate(): void;
}

/**
 * The page's handle on the serving worker (lesson 15). `load` resolves when every request of that load is
 * answered, and rejects when another load, a stop or the worker's end comes first.
 */
export class ServingClient {
  private readonly worker: ServerWorkerLike;
  private run = 0;
  private pending: { run: number; resolve: () => void; reject: (error: Error) => void } | null = null;

  constructor(
    private readonly onMessage: (message: FromServer) => void,
    createWorker: () => ServerWorkerLike = () =>
      new Worker(new URL('./serving.worker.ts', import.meta.url), { type: 'module', name: 'serving' }),
  ) {
    this.worker = createWorker();
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => this.receive({ type: 'error', message: event.message || 'the serving worker failed to start' });
  }

  init(message: Extract<ToServer, { type: 'init' }>) {
    this.worker.postMessage(message);
  }
  open(files: ModelFilesMessage) {
    this.worker.postMessage({ type: 'open', files });
  }
  set(settings: ServingSettings) {
    this.worker.postMessage({ type: 'set', settings });
  }
  /** Starts a load; its responses arrive as `responses` messages with the returned run number. */
  load(load: ServingLoad): { run: number; done: Promise<void> } {
    this.cancel('another load started');
    const run = ++this.run;
    const done = new Promise<void>((resolve, reject) => (this.pending = { run, resolve, reject }));
    this.worker.postMessage({ type: 'load', load, run });
    return { run, done };
  }
  stop() {
    this.cancel('stopped');
    this.run++;
    this.worker.postMessage({ type: 'stop' });
  }
  /** The run whose responses the page wants (older ones are still on their way after a stop). */
  get currentRun() {
    return this.run;
  }
  dispose() {
    this.cancel('the serving worker has stopped');
    this.worker.postMessage({ type: 'dispose' });
    this.worker.terminate();
  }

  private cancel(why: string) {
    const pending = this.pending;
    this.pending = null;
    pending?.reject(new Error(why));
  }

  private receive(message: FromServer) {
    if ((message.type === 'responses' || message.type === 'done') && message.run !== this.run) return;
    if (message.type === 'done' && this.pending?.run === message.run) {
      const { resolve } = this.pending;
      this.pending = null;
      resolve();
    }
    if (message.type === 'error') this.cancel(message.message);
    this.onMessage(message);
  }
}
