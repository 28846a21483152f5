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
  it('answers each request with its own reply, which never reaches the widget’s messages, and rejects them when the worker is replaced', async () => {
    const { c, workers, received } = client();
    c.init('cnn-mnist', {}, 1);
    const first = c.request('save');
    const second = c.request('save');
    const [worker] = workers;
    expect(worker.posted.slice(1)).toEqual([
      { type: 'request', name: 'save', id: 1 },
      { type: 'request', name: 'save', id: 2 },
    ]);
    worker.reply({ type: 'reply', id: 2, error: 'no such thing' });
    worker.reply({ type: 'reply', id: 1, value: 'files' });
    await expect(first).resolves.toBe('files');
    await expect(second).rejects.toThrow('no such thing');
    expect(received).toEqual([]);
    const third = c.request('save');
    worker.crash('boom');
    c.reset({}, 1);
    await expect(third).rejects.toThrow(/replaced/);
  });

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

  it('replaces a crashed worker on reset: a fresh one gets the run’s model, parameters, data, backend and painter settings', () => {
    const { c, workers, received } = client();
    c.init('mlp-playground', { lr: 0.1, steps: 100 }, 1, [1, 2, 0], 'cpu');
    c.paint({ width: 300 });
    c.set({ lr: 0.3 });
    const [first] = workers;
    first.crash('out of memory');
    expect(received).toEqual([{ type: 'error', message: 'out of memory' }]);

    expect(c.reset({ lr: 0.3, steps: 100 }, 7, [3, 4, 1])).toBe(true);
    expect(first.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const second = workers[1];
    expect(second.posted).toEqual([
      { type: 'init', model: 'mlp-playground', params: { lr: 0.3, steps: 100 }, seed: 7, data: [3, 4, 1], backend: 'cpu', run: 2 },
      { type: 'paint', config: { width: 300 } },
    ]);
    // The dead worker is not heard from again; the new one is, and gets what the page sends next.
    first.reply(progress(2, 5));
    first.crash('late');
    second.reply(progress(2, 1));
    expect(received.slice(1)).toMatchObject([{ type: 'progress', step: 1 }]);
    c.play();
    expect(second.posted.at(-1)).toEqual({ type: 'play' });
    expect(first.posted.some((m) => m.type === 'play' || m.type === 'reset')).toBe(false);

    // A healthy worker is reset in place.
    expect(c.reset({ lr: 0.3, steps: 100 }, 8)).toBe(false);
    expect(workers).toHaveLength(2);
    expect(second.posted.at(-1)).toMatchObject({ type: 'reset', seed: 8, run: 3 });
  });

  it('replaces the worker on reset after an error message from the current run, not one from an earlier run', () => {
    const { c, workers } = client();
    c.init('linear-regression', { lr: 0.1 }, 1);
    c.reset({ lr: 0.1 }, 2);
    workers[0].reply({ type: 'error', message: 'old run', run: 1 });
    expect(c.reset({ lr: 0.1 }, 3)).toBe(false);
    expect(workers).toHaveLength(1);
    workers[0].reply({ type: 'error', message: 'step failed', run: 3 });
    expect(c.reset({ lr: 0.1 }, 4)).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].posted).toEqual([{ type: 'init', model: 'linear-regression', params: { lr: 0.1 }, seed: 4, run: 4 }]);
    c.dispose();
    expect(workers[1].terminated).toBe(true);
  });
});
