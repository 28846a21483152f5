/** The page's handle on one training worker. React-free; widgets use it through useTrainer. */
import type { Params } from '../ml/tfjs/trainable';
import type { BackendName, FromWorker, ToWorker } from './protocol';

export class TrainerClient {
  private readonly worker: Worker;

  constructor(onMessage: (message: FromWorker) => void) {
    this.worker = new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
    this.worker.onerror = (event) => onMessage({ type: 'error', message: event.message || 'the training worker failed to start' });
  }

  init(model: string, params: Params, seed: number, data?: number[], backend?: BackendName) {
    this.send({ type: 'init', model, params, seed, data, backend });
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
  reset(params: Params, seed: number, data?: number[]) {
    this.send({ type: 'reset', params, seed, data });
  }
  paint(config: unknown) {
    this.send({ type: 'paint', config });
  }
  /** Ends the worker: its memory, tensors included, goes with it. */
  dispose() {
    this.send({ type: 'dispose' });
    this.worker.terminate();
  }

  private send(message: ToWorker) {
    this.worker.postMessage(message);
  }
}
