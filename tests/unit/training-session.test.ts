import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker, Progress } from '../../src/engine/protocol';
import { TrainingSession } from '../../src/engine/training-session';
import { MODELS } from '../../src/engine/models';
import type { ModelData, ModelFactory, Params } from '../../src/ml/tfjs/trainable';
import type { PainterFactory } from '../../src/engine/painters';

const createLinearRegression = MODELS['linear-regression'];
const createMlpPlayground = MODELS['mlp-playground'];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const PARAMS = { lr: 0.05, noise: 0.5, n: 40, steps: 300, speed: 5 };

function session() {
  const messages: FromWorker[] = [];
  const s = new TrainingSession(
    (m) => messages.push(m),
    { 'linear-regression': createLinearRegression },
    async () => ({ backend: 'cpu' }),
  );
  const progress = () => messages.filter((m): m is Progress => m.type === 'progress');
  return { s, messages, progress };
}

describe('TrainingSession', () => {
  it('reports a snapshot, then every step’s loss in order', async () => {
    const { s, messages, progress } = session();
    await s.handle({ type: 'init', model: 'linear-regression', params: PARAMS, seed: 1 });
    expect(messages[0].type).toBe('snapshot');
    await s.handle({ type: 'step', count: 3 });
    await s.handle({ type: 'step', count: 2 });
    const [a, b] = progress();
    expect(a.step).toBe(3);
    expect(b.step).toBe(5);
    expect([...a.losses, ...b.losses]).toHaveLength(5);
    expect(a.traces).toHaveLength(6);
    expect(a.losses[0]).toBeGreaterThan(b.losses[1]);
    await s.handle({ type: 'dispose' });
  });

  it('stops at the step budget', async () => {
    const { s, progress } = session();
    await s.handle({ type: 'init', model: 'linear-regression', params: { ...PARAMS, steps: 10 }, seed: 1 });
    await s.handle({ type: 'step', count: 25 });
    expect(progress().at(-1)).toMatchObject({ step: 10, done: true });
    await s.handle({ type: 'set', params: { steps: 12 } });
    await s.handle({ type: 'step', count: 25 });
    expect(progress().at(-1)).toMatchObject({ step: 12, done: true });
    await s.handle({ type: 'dispose' });
  });

  it('stops and reports when the budget is lowered below the current step while running', async () => {
    const { s, progress } = session();
    await s.handle({ type: 'init', model: 'linear-regression', params: { ...PARAMS, steps: 5000 }, seed: 1 });
    await s.handle({ type: 'play' });
    const until = performance.now() + 2000;
    while ((progress().at(-1)?.step ?? 0) < 20 && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 5));
    await s.handle({ type: 'set', params: { steps: 10 } });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(s.isRunning).toBe(false);
    const last = progress().at(-1)!;
    expect(last).toMatchObject({ running: false, done: true });
    expect(last.step).toBeGreaterThanOrEqual(20);
    // Nothing more comes: the loop has stopped.
    const count = progress().length;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(progress()).toHaveLength(count);
    // A play refused for the budget says so too, so the page does not wait for a run that never starts.
    await s.handle({ type: 'play' });
    expect(progress()).toHaveLength(count + 1);
    expect(progress().at(-1)).toMatchObject({ running: false, done: true });
    await s.handle({ type: 'dispose' });
  });

  it('stops on divergence, sends no non-finite value, and recovers on reset', async () => {
    const { s, messages, progress } = session();
    await s.handle({ type: 'init', model: 'linear-regression', params: { ...PARAMS, lr: 1 }, seed: 1 });
    await s.handle({ type: 'step', count: 200 });
    const diverged = messages.find((m) => m.type === 'diverged');
    expect(diverged).toBeDefined();
    const sent = progress().flatMap((p) => [...p.losses, ...p.traces]);
    expect(sent.every(Number.isFinite)).toBe(true);
    const stepBefore = progress().at(-1)!.step;
    expect(stepBefore).toBeLessThan(200);
    await s.handle({ type: 'step', count: 5 });
    expect(progress().at(-1)!.step).toBe(stepBefore);

    await s.handle({ type: 'reset', params: PARAMS, seed: 1 });
    await s.handle({ type: 'step', count: 5 });
    expect(progress().at(-1)).toMatchObject({ step: 5 });
    await s.handle({ type: 'dispose' });
  });

  it('returns to its tensor baseline after reset and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const { s, messages } = session();
    await s.handle({ type: 'init', model: 'linear-regression', params: PARAMS, seed: 1 });
    const baseline = (messages[0] as { tensors: number }).tensors;
    await s.handle({ type: 'step', count: 50 });
    await s.handle({ type: 'reset', params: PARAMS, seed: 1 });
    const snapshots = messages.filter((m) => m.type === 'snapshot') as { tensors: number }[];
    expect(snapshots.at(-1)!.tensors).toBe(baseline);
    await s.handle({ type: 'dispose' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('plays in ticks of `speed` steps until paused', async () => {
    const { s, progress } = session();
    await s.handle({ type: 'init', model: 'linear-regression', params: PARAMS, seed: 1 });
    await s.handle({ type: 'play' });
    await new Promise((resolve) => setTimeout(resolve, 120));
    await s.handle({ type: 'pause' });
    const all = progress();
    expect(all.length).toBeGreaterThan(2);
    // The first tick times one step; later ones take `speed` steps (fewer on a busy machine).
    expect(all[0].losses.length).toBe(1);
    expect(Math.max(...all.map((p) => p.losses.length))).toBe(PARAMS.speed);
    for (const p of all) expect(p.losses.length).toBeLessThanOrEqual(PARAMS.speed);
    expect(all.at(-1)!.running).toBe(false);
    expect(s.isRunning).toBe(false);
    await s.handle({ type: 'dispose' });
  });

  it('takes fewer steps per tick when `speed` steps would not fit in a frame', async () => {
    // A model whose every step costs 4 ms: 40 steps a tick would hold the page's progress back by 160 ms.
    const slow: ModelFactory<Params, ModelData> = (params, seed) => {
      const inner = createLinearRegression(params, seed);
      return Object.assign(Object.create(inner), {
        step() {
          const until = performance.now() + 4;
          while (performance.now() < until);
          return inner.step();
        },
      });
    };
    const messages: FromWorker[] = [];
    const s = new TrainingSession(
      (m) => messages.push(m),
      { slow },
      async () => ({ backend: 'cpu' }),
    );
    await s.handle({ type: 'init', model: 'slow', params: { ...PARAMS, speed: 40, steps: 5000 }, seed: 1 });
    await s.handle({ type: 'play' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await s.handle({ type: 'pause' });
    const ticks = messages.filter((m): m is Progress => m.type === 'progress' && m.losses.length > 0);
    // The first tick times a single step instead of holding the worker for 40 × 4 ms; after it, at most
    // TICK_BUDGET_MS / 4 ms = 3 steps, and never fewer than 1.
    expect(ticks[0].losses.length).toBe(1);
    for (const p of ticks.slice(2)) expect(p.losses.length).toBeGreaterThanOrEqual(1);
    for (const p of ticks.slice(2)) expect(p.losses.length).toBeLessThanOrEqual(4);
    await s.handle({ type: 'dispose' });
  });

  it('frees a tick’s records and reports the error when a step throws', async () => {
    // The third step makes a tensor of its own and then throws.
    const failing: ModelFactory<Params, ModelData> = (params, seed) => {
      const inner = createLinearRegression(params, seed);
      let calls = 0;
      return Object.assign(Object.create(inner), {
        step() {
          if (++calls === 3) {
            tf.ones([4]);
            throw new Error('step failed');
          }
          return inner.step();
        },
      });
    };
    for (const how of ['step', 'play'] as const) {
      const messages: FromWorker[] = [];
      const s = new TrainingSession(
        (m) => messages.push(m),
        { failing },
        async () => ({ backend: 'cpu' }),
      );
      await s.handle({ type: 'init', model: 'failing', params: PARAMS, seed: 1 });
      const baseline = tf.memory().numTensors;
      if (how === 'step') await s.handle({ type: 'step', count: 5 });
      else {
        await s.handle({ type: 'play' });
        const until = performance.now() + 2000;
        while (!messages.some((m) => m.type === 'error') && performance.now() < until)
          await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(messages.filter((m) => m.type === 'error')).toMatchObject([{ type: 'error', message: 'step failed' }]);
      expect(tf.memory().numTensors).toBe(baseline);
      expect(s.isRunning).toBe(false);
      await s.handle({ type: 'dispose' });
    }
  });

  it('stamps every message with the run it belongs to', async () => {
    const { s, messages } = session();
    await s.handle({ type: 'init', model: 'linear-regression', params: PARAMS, seed: 1, run: 1 });
    await s.handle({ type: 'step', count: 2 });
    await s.handle({ type: 'reset', params: { ...PARAMS, lr: 1 }, seed: 1, run: 2 });
    await s.handle({ type: 'step', count: 200 });
    expect(messages.map((m) => [m.type, 'run' in m ? m.run : undefined])).toEqual([
      ['snapshot', 1],
      ['progress', 1],
      ['snapshot', 2],
      ['progress', 2],
      ['diverged', 2],
    ]);
    await s.handle({ type: 'init', model: 'nope', params: PARAMS, seed: 1, run: 3 });
    expect(messages.at(-1)).toEqual({ type: 'error', message: 'unknown model "nope"', run: 3 });
    await s.handle({ type: 'dispose' });
  });

  it('reproduces the same losses from the same parameters and seed', async () => {
    const runs: number[][] = [];
    for (let i = 0; i < 2; i++) {
      const { s, progress } = session();
      await s.handle({ type: 'init', model: 'linear-regression', params: PARAMS, seed: 123 });
      await s.handle({ type: 'step', count: 40 });
      runs.push([...progress()[0].losses]);
      await s.handle({ type: 'dispose' });
    }
    expect(runs[0]).toEqual(runs[1]);
  });

  it('reports an unknown model as an error message', async () => {
    const { s, messages } = session();
    await s.handle({ type: 'init', model: 'nope', params: PARAMS, seed: 1 });
    expect(messages).toEqual([{ type: 'error', message: 'unknown model "nope"' }]);
  });
});

describe('TrainingSession with a model that reports its state', () => {
  it('sends the state with the snapshot and after every batch of steps, as a copy', async () => {
    const messages: FromWorker[] = [];
    const s = new TrainingSession(
      (m) => messages.push(m),
      { 'mlp-playground': createMlpPlayground },
      async () => ({ backend: 'cpu' }),
    );
    await s.handle({ type: 'init', model: 'mlp-playground', params: { layers: [3], steps: 10 }, seed: 1 });
    const snapshot = messages[0];
    expect(snapshot.type === 'snapshot' && snapshot.state).toHaveLength(2 * 3 + 3 + 3 + 1);
    await s.handle({ type: 'step', count: 2 });
    const progress = messages.filter((m): m is Progress => m.type === 'progress');
    expect(progress[0].state).toHaveLength(13);
    expect(progress[0].state).not.toEqual(snapshot.type === 'snapshot' && snapshot.state);
    // Detaching what was sent (as a transfer does) leaves the model intact.
    structuredClone(progress[0].state, { transfer: [progress[0].state!.buffer] });
    await s.handle({ type: 'step', count: 1 });
    expect(messages.filter((m): m is Progress => m.type === 'progress')[1].losses[0]).toBeGreaterThan(0);
    await s.handle({ type: 'dispose' });
  });
});

describe('TrainingSession with a painter', () => {
  it('hands the painter the page’s settings and a copy of every state, and forwards its pictures', async () => {
    const messages: FromWorker[] = [];
    const seen: { configs: unknown[]; states: Float32Array[]; disposed: boolean } = { configs: [], states: [], disposed: false };
    const painter: PainterFactory = (post) => ({
      configure: (config) => seen.configs.push(config),
      update(info, state) {
        seen.states.push(state);
        post({ info, sum: state.reduce((a, b) => a + b, 0) }, []);
      },
      dispose: () => (seen.disposed = true),
    });
    const s = new TrainingSession(
      (m) => messages.push(m),
      { 'mlp-playground': createMlpPlayground },
      async () => ({ backend: 'cpu' }),
      { 'mlp-playground': painter },
    );
    await s.handle({ type: 'init', model: 'mlp-playground', params: { layers: [3], steps: 10 }, seed: 1 });
    await s.handle({ type: 'paint', config: { width: 300 } });
    await s.handle({ type: 'step', count: 2 });
    expect(seen.configs).toEqual([{ width: 300 }]);
    const sent = messages.flatMap((m) => (m.type === 'snapshot' || m.type === 'progress' ? [m.state!] : []));
    expect(seen.states).toEqual(sent);
    // The painter's copy outlives the transfer of what was sent to the page.
    for (const state of sent) structuredClone(state, { transfer: [state.buffer] });
    expect(seen.states[1].length).toBe(13);
    const pictures = messages.filter((m) => m.type === 'picture');
    expect(pictures).toHaveLength(2);
    expect((pictures[1] as { picture: { sum: number } }).picture.sum).toBeCloseTo(
      seen.states[1].reduce((a, b) => a + b, 0),
      5,
    );
    await s.handle({ type: 'dispose' });
    expect(seen.disposed).toBe(true);
  });

  it('runs no painter for a model that has none', async () => {
    const messages: FromWorker[] = [];
    let made = 0;
    const painter: PainterFactory = () => {
      made++;
      return { configure() {}, update() {}, dispose() {} };
    };
    const s = new TrainingSession(
      (m) => messages.push(m),
      { 'linear-regression': createLinearRegression },
      async () => ({ backend: 'cpu' }),
      { 'mlp-playground': painter },
    );
    await s.handle({ type: 'init', model: 'linear-regression', params: PARAMS, seed: 1 });
    await s.handle({ type: 'paint', config: {} });
    await s.handle({ type: 'step', count: 2 });
    expect(made).toBe(0);
    expect(messages.some((m) => m.type === 'picture' || m.type === 'error')).toBe(false);
  });
});
