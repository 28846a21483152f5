import { describe, expect, it } from 'vitest';
import { DynamicBatcher, simulate } from '../../src/ml/serving/batcher';
import { histogram, littlesLaw, percentile, queueLengthAt, summarize } from '../../src/ml/serving/stats';
import { ServingLoop, type ServedResponse } from '../../src/ml/serving/server';
import { burstArrivals, poissonArrivals, route, splitTraffic } from '../../src/ml/serving/traffic';
import { createRng } from '../../src/ml/shared/random';

describe('DynamicBatcher', () => {
  it('takes a full batch at once and waits for the delay otherwise', () => {
    const b = new DynamicBatcher<string>({ maxBatch: 3, maxDelayMs: 10 });
    b.enqueue({ id: 0, arrival: 0, item: 'a' });
    b.enqueue({ id: 1, arrival: 2, item: 'b' });
    expect(b.take(5)).toBeNull();
    expect(b.deadline()).toBe(10);
    expect(b.take(9.999)).toBeNull();
    expect(b.take(10)!.map((r) => r.id)).toEqual([0, 1]);
    expect(b.length).toBe(0);
    for (let i = 2; i < 9; i++) b.enqueue({ id: i, arrival: 20, item: '' });
    expect(b.take(20)!.map((r) => r.id)).toEqual([2, 3, 4]);
    expect(b.take(20)!.map((r) => r.id)).toEqual([5, 6, 7]);
    expect(b.take(20)).toBeNull();
    expect(b.take(30)!.map((r) => r.id)).toEqual([8]);
  });

  it('with no delay runs whatever waits', () => {
    const b = new DynamicBatcher<null>({ maxBatch: 8, maxDelayMs: 0 });
    b.enqueue({ id: 0, arrival: 1, item: null });
    expect(b.take(1)!.length).toBe(1);
  });

  it('refuses bad settings and out-of-order arrivals', () => {
    expect(() => new DynamicBatcher({ maxBatch: 0, maxDelayMs: 1 })).toThrow();
    expect(() => new DynamicBatcher({ maxBatch: 1.5, maxDelayMs: 1 })).toThrow();
    expect(() => new DynamicBatcher({ maxBatch: 1, maxDelayMs: -1 })).toThrow();
    const b = new DynamicBatcher<null>({ maxBatch: 2, maxDelayMs: 1 });
    b.enqueue({ id: 0, arrival: 5, item: null });
    expect(() => b.enqueue({ id: 1, arrival: 4, item: null })).toThrow();
  });

  it('loses and duplicates nothing under bursts, and keeps arrival order', () => {
    const rng = createRng(7);
    const b = new DynamicBatcher<number>({ maxBatch: 5, maxDelayMs: 3 });
    const seen: number[] = [];
    let id = 0;
    for (let t = 0; t < 2000; t++) {
      const burst = rng() < 0.05 ? Math.floor(rng() * 40) : rng() < 0.3 ? 1 : 0;
      for (let k = 0; k < burst; k++) b.enqueue({ id: id, arrival: t, item: id++ });
      if (rng() < 0.5) {
        const batch = b.take(t);
        if (batch) {
          expect(batch.length).toBeLessThanOrEqual(5);
          if (batch.length < 5) expect(t).toBeGreaterThanOrEqual(batch[0].arrival + 3);
          seen.push(...batch.map((r) => r.item));
        }
      }
    }
    seen.push(...b.drain().map((r) => r.item));
    expect(id).toBeGreaterThan(1000);
    expect(seen).toEqual(Array.from({ length: id }, (_, i) => i));
  });
});

describe('simulate', () => {
  const service = (n: number) => 2 + 0.5 * n;

  it('serves a burst in full batches, in order', () => {
    const run = simulate(burstArrivals(10), service, { maxBatch: 4, maxDelayMs: 5 });
    expect(run.batches).toEqual([4, 4, 2]);
    expect(run.records.map((r) => r.id)).toEqual([...Array(10).keys()]);
    expect(run.records.map((r) => r.finish)).toEqual([4, 4, 4, 4, 8, 8, 8, 8, 11, 11, 11, 11].slice(0, 10));
  });

  it('waits at most the queue delay plus a batch of compute when the server is idle', () => {
    const run = simulate([0, 100, 200], service, { maxBatch: 8, maxDelayMs: 5 });
    expect(run.batches).toEqual([1, 1, 1]);
    for (const r of run.records) expect(r.finish - r.arrival).toBe(5 + service(1));
  });

  it('answers every request of a Poisson stream once', () => {
    const arrivals = poissonArrivals(500, 300, createRng(1));
    const run = simulate(arrivals, service, { maxBatch: 16, maxDelayMs: 4 });
    expect(run.records.map((r) => r.id).sort((a, b) => a - b)).toEqual([...Array(500).keys()]);
    expect(run.batches.reduce((a, b) => a + b, 0)).toBe(500);
    for (const r of run.records) expect(r.start).toBeGreaterThanOrEqual(r.arrival);
  });
});

describe('stats', () => {
  it('percentiles by nearest rank against hand cases', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([4, 3, 2, 1], 100)).toBe(4);
    expect(percentile([5], 99)).toBe(5);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile([10, 10, 10, 10, 10, 10, 10, 10, 10, 1000], 95)).toBe(1000);
    expect(percentile([10, 10, 10, 10, 10, 10, 10, 10, 10, 1000], 50)).toBe(10);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow();
  });

  it('summarizes latency and throughput', () => {
    const run = simulate(burstArrivals(10), (n) => 2 + 0.5 * n, { maxBatch: 4, maxDelayMs: 5 });
    const s = summarize(run.records);
    expect(s.count).toBe(10);
    expect(s.p50).toBe(8);
    expect(s.p99).toBe(11);
    expect(s.throughput).toBeCloseTo(10 / 0.011, 6);
  });

  it('histogram and queue length', () => {
    expect(histogram([0, 1, 2.5, 9, 20], 10, 5)).toEqual([2, 1, 0, 0, 2]);
    const run = simulate(burstArrivals(10), (n) => 2 + 0.5 * n, { maxBatch: 4, maxDelayMs: 5 });
    expect(queueLengthAt(run.records, [0, 1, 4, 5, 8, 12])).toEqual([6, 6, 2, 2, 0, 0]);
  });

  it("Little's law holds over a run", () => {
    const arrivals = poissonArrivals(400, 200, createRng(3));
    const run = simulate(arrivals, (n) => 1 + 0.3 * n, { maxBatch: 8, maxDelayMs: 2 });
    const { L, lambda, W } = littlesLaw(run.records);
    expect(L).toBeCloseTo(lambda * W, 9);
  });
});

describe('traffic', () => {
  it('Poisson gaps have the stated mean', () => {
    const times = poissonArrivals(20000, 100, createRng(5));
    expect(times[times.length - 1] / times.length).toBeCloseTo(10, 0);
  });

  it('splits traffic by the canary share with a seeded generator', () => {
    const a = splitTraffic(1000, 10, createRng(11));
    expect(a).toEqual(splitTraffic(1000, 10, createRng(11)));
    const canary = a.filter((v) => v === 'canary').length;
    expect(canary).toBeGreaterThan(70);
    expect(canary).toBeLessThan(130);
    expect(splitTraffic(100, 0, createRng(1)).every((v) => v === 'stable')).toBe(true);
    expect(splitTraffic(100, 100, createRng(1)).every((v) => v === 'canary')).toBe(true);
    expect(route(150, () => 0.999)).toBe('canary');
  });
});

describe('ServingLoop on a fake clock', () => {
  function fakeServer(settings: { maxBatch: number; maxDelayMs: number; canaryPercent: number }, perBatch = 2, perItem = 0.25) {
    let clock = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const responses: ServedResponse[] = [];
    const queue: number[] = [];
    let done = false;
    const loop = new ServingLoop(
      {
        now: () => clock,
        schedule: (fn, ms) => timers.push({ at: clock + ms, fn }),
        predict: (version, digits) => {
          clock += perBatch + perItem * digits.length;
          return digits.map((d) => (version === 'stable' ? d % 10 : 9 - (d % 10)));
        },
        digitCount: 1000,
        onResponses: (r) => responses.push(...r),
        onQueue: (_t, n) => queue.push(n),
        onDone: () => (done = true),
      },
      settings,
    );
    const run = () => {
      while (timers.length) {
        timers.sort((a, b) => a.at - b.at);
        const timer = timers.shift()!;
        clock = Math.max(clock, timer.at);
        timer.fn();
      }
    };
    return { loop, run, responses, queue, isDone: () => done };
  }

  it('answers every request of a burst exactly once, in batches no larger than the maximum', () => {
    const s = fakeServer({ maxBatch: 8, maxDelayMs: 5, canaryPercent: 0 });
    s.loop.start({ mode: 'burst', count: 100, rate: 0, seed: 1 });
    s.run();
    expect(s.isDone()).toBe(true);
    expect(s.responses.map((r) => r.id).sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    expect(Math.max(...s.responses.map((r) => r.batchSize))).toBe(8);
    expect(s.responses.every((r) => r.version === 'stable' && r.predicted === r.digit % 10)).toBe(true);
    expect(Math.max(...s.queue)).toBe(100);
  });

  it('splits a Poisson stream between the versions by the canary share, each answered by its own model', () => {
    const s = fakeServer({ maxBatch: 4, maxDelayMs: 3, canaryPercent: 30 }, 0.5, 0.1);
    s.loop.start({ mode: 'poisson', count: 1000, rate: 100, seed: 2 });
    s.run();
    expect(s.responses.length).toBe(1000);
    const canary = s.responses.filter((r) => r.version === 'canary');
    expect(canary.length).toBeGreaterThan(250);
    expect(canary.length).toBeLessThan(350);
    expect(canary.every((r) => r.predicted === 9 - (r.digit % 10))).toBe(true);
  });

  it('rollback mid-stream sends the rest to the stable version; stop drops what waits', () => {
    const s = fakeServer({ maxBatch: 4, maxDelayMs: 3, canaryPercent: 50 });
    s.loop.start({ mode: 'poisson', count: 200, rate: 100, seed: 3 });
    s.loop.set({ maxBatch: 4, maxDelayMs: 3, canaryPercent: 0 });
    s.run();
    expect(s.responses.every((r) => r.version === 'stable')).toBe(true);
    const t = fakeServer({ maxBatch: 4, maxDelayMs: 3, canaryPercent: 0 });
    t.loop.start({ mode: 'burst', count: 50, rate: 0, seed: 3 });
    t.loop.stop();
    t.run();
    expect(t.responses.length).toBe(0);
    expect(t.isDone()).toBe(false);
  });
});
