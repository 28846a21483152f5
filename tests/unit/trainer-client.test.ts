import { describe, expect, it } from 'vitest';
import { TrainerClient, type WorkerLike } from '../../src/engine/client';
import type { FromWorker, Progress, ToWorker } from '../../src/engine/protocol';

/** Stands in for the training worker: records what the page posts and lets a test answer as the worker. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  readonly posted: ToWorker[] = [];
  terminated = false;
  postMessage(message: ToWorker) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: FromWorker) {
    this.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  }
  crash(message: string) {
    this.onerror?.({ message } as ErrorEvent);
  }
}

function client() {
  const workers: FakeWorker[] = [];
  const received: FromWorker[] = [];
  const c = new TrainerClient(
    (message) => received.push(message),
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
  );
  return { c, workers, received };
}

function progress(run: number | undefined, step: number): Progress {
  return {
    type: 'progress',
    step,
    losses: new Float32Array(0),
    traces: new Float32Array(0),
    running: true,
    done: false,
    stepsPerSecond: 0,
    tensors: 0,
    run,
  };
}

describe('TrainerClient', () => {
  it('numbers its runs and drops a message from a run before the last reset', () => {
    const { c, workers, received } = client();
    c.init('linear-regression', { lr: 0.1 }, 1);
    c.reset({ lr: 0.2 }, 2);
    const [worker] = workers;
    expect(worker.posted).toMatchObject([
      { type: 'init', run: 1 },
      { type: 'reset', run: 2 },
    ]);
    // Posted by the worker before it handled the reset, received after it was sent.
    worker.reply(progress(1, 40));
    worker.reply({ type: 'diverged', step: 41, loss: 1e9, run: 1 });
    worker.reply({ type: 'error', message: 'old', run: 1 });
    expect(received).toEqual([]);
    worker.reply(progress(2, 3));
    expect(received).toMatchObject([{ type: 'progress', step: 3, run: 2 }]);
  });
});
