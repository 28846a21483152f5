/** The page's handle on one training worker. React-free; widgets use it through useTrainer. */
import type { Params } from '../ml/trainable';
import type { BackendName, FromWorker, ToWorker } from './protocol';

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

export class TrainerClient {
  private readonly worker: WorkerLike;
  /** The run the page started last (init or reset); messages from earlier runs are dropped. */
  private run = 0;

  /**
   * `createWorker` makes the worker; the default is written out in full so that Vite sees
   * `new Worker(new URL(…, import.meta.url))` and bundles the worker.
   */
  constructor(
    private readonly onMessage: (message: FromWorker) => void,
    createWorker: () => WorkerLike = () => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' }),
  ) {
    this.worker = createWorker();
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => this.receive({ type: 'error', message: event.message || 'the training worker failed to start' });
  }

  init(model: string, params: Params, seed: number, data?: number[], backend?: BackendName) {
    this.send({ type: 'init', model, params, seed, data, backend, run: ++this.run });
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
  /** Starts a new run: whatever the worker posted about the previous one and is still on its way is dropped. */
  reset(params: Params, seed: number, data?: number[]) {
    this.send({ type: 'reset', params, seed, data, run: ++this.run });
  }
  paint(config: unknown) {
    this.send({ type: 'paint', config });
  }
  /** Ends the worker: its memory, tensors included, goes with it. */
  dispose() {
    this.send({ type: 'dispose' });
    this.worker.terminate();
  }

  private receive(message: FromWorker) {
    if (isCurrentRun(message, this.run)) this.onMessage(message);
  }

  private send(message: ToWorker) {
    this.worker.postMessage(message);
  }
}
