/**
 * Every number lesson 15 (model-as-a-service) quotes, recomputed: the batcher's arithmetic on a simulated
 * clock (ml/serving/batcher.ts's `simulate`, the widget's own batcher) with a batch of n taking 2 + 0.1·n ms,
 * the Poisson runs (2,000 requests, seed 1), the percentile example, the tail-at-scale probability, Little's
 * law and the canary's binomial spread. The widget's measured timings depend on the machine and are not
 * quoted in the lesson (their ranges are in docs/performance.md).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/ml/serving/batcher';
import { littlesLaw, mean, percentile, summarize } from '../../../src/ml/serving/stats';
import { burstArrivals, poissonArrivals } from '../../../src/ml/serving/traffic';
import { createRng } from '../../../src/ml/shared/random';

const service = (n: number) => 2 + 0.1 * n;

describe('a burst of 100 requests', () => {
  it('one at a time: 210 ms, ≈ 476 requests/s, the 50th at 105 ms, the 99th at 207.9 ms', () => {
    const run = simulate(burstArrivals(100), service, { maxBatch: 1, maxDelayMs: 5 });
    const finish = run.records.map((r) => r.finish);
    expect(Math.max(...finish)).toBeCloseTo(210, 9);
    expect(Math.round(summarize(run.records).throughput)).toBe(476);
    expect(finish[49]).toBeCloseTo(105, 9);
    expect(finish[98]).toBeCloseTo(207.9, 9);
    expect(summarize(run.records).p50).toBeCloseTo(105, 9);
  });

  it('batches of 10: 3 ms each, 30 ms in all, ≈ 3,333 requests/s (seven times more), the 50th at 15 ms', () => {
    const run = simulate(burstArrivals(100), service, { maxBatch: 10, maxDelayMs: 5 });
    expect(run.batches).toEqual(new Array(10).fill(10));
    expect(service(10)).toBeCloseTo(3, 12);
    expect(Math.max(...run.records.map((r) => r.finish))).toBeCloseTo(30, 9);
    const throughput = summarize(run.records).throughput;
    expect(Math.round(throughput)).toBe(3333);
    expect(Math.floor(throughput / 476)).toBe(7);
    expect(run.records[49].finish).toBeCloseTo(15, 9);
  });
});

it('a lone request with a 5 ms delay is answered after 7.1 ms, not 2.1', () => {
  expect(simulate([0], service, { maxBatch: 8, maxDelayMs: 5 }).records[0].finish).toBeCloseTo(7.1, 9);
  expect(simulate([0], service, { maxBatch: 8, maxDelayMs: 0 }).records[0].finish).toBeCloseTo(2.1, 9);
});

describe('a Poisson stream of 450 requests/s (2,000 requests, seed 1)', () => {
  const arrivals = poissonArrivals(2000, 450, createRng(1));
  const at = (maxBatch: number, maxDelayMs: number) => simulate(arrivals, service, { maxBatch, maxDelayMs });

  it('one at a time the server is busy ≈ 95 % of the time; p50 over 16.3 ms, p99 42.8 ms', () => {
    expect((450 * service(1)) / 1000).toBeCloseTo(0.945, 6);
    const s = summarize(at(1, 0).records);
    expect(s.p50).toBeGreaterThan(16.3);
    expect(s.p50.toFixed(1)).toBe('16.3');
    expect(s.p99.toFixed(1)).toBe('42.8');
  });

  it('batches of up to 8 with a 2 ms delay: p50 4.1 ms, p99 4.5 ms', () => {
    const s = summarize(at(8, 2).records);
    expect(s.p50.toFixed(1)).toBe('4.1');
    expect(s.p99.toFixed(1)).toBe('4.5');
  });

  it('up to 32 with a 10 ms delay: p99 13 ms', () => {
    expect(summarize(at(32, 10).records).p99.toFixed(0)).toBe('13');
  });

  it("Little's law: 8.03 in the system on average, equal to the arrival rate times the mean latency", () => {
    const { L, lambda, W } = littlesLaw(at(1, 0).records);
    expect(L.toFixed(2)).toBe('8.03');
    expect(lambda * W).toBeCloseTo(L, 9);
  });
});

describe('percentiles', () => {
  const latencies = [...new Array(98).fill(10), 500, 500];
  it('98 × 10 ms and 2 × 500 ms: mean 19.8, p50 = p95 = 10, p99 = 500', () => {
    expect(mean(latencies)).toBeCloseTo(19.8, 12);
    expect(percentile(latencies, 50)).toBe(10);
    expect(percentile(latencies, 95)).toBe(10);
    expect(percentile(latencies, 99)).toBe(500);
  });
  it('one of 100 requests in the slowest 1 %: ≈ 63 %', () => {
    expect(Math.round((1 - 0.99 ** 100) * 100)).toBe(63);
  });
});

it("Little's law examples: 200/s × 15 ms = 3; 40 at 200/s is 200 ms; 6 at 300/s is 20 ms", () => {
  expect(200 * 0.015).toBeCloseTo(3, 12);
  expect(40 / 200).toBeCloseTo(0.2, 12);
  expect(6 / 300).toBeCloseTo(0.02, 12);
});

it('a canary at 10 % of 1,000 requests: 100 expected, ± about 9.5, usually 81 to 119', () => {
  const sd = Math.sqrt(1000 * 0.1 * 0.9);
  expect(sd.toFixed(1)).toBe('9.5');
  expect(Math.round(100 - 2 * sd)).toBe(81);
  expect(Math.round(100 + 2 * sd)).toBe(119);
});

it('the canary trained less is the stable network after 15 of its 300 steps', async () => {
  // Read from the tfjs module's constants through a tfjs-free check: the lesson says 15 steps.
  const source = await import('node:fs').then((fs) =>
    fs.readFileSync(new URL('../../../src/ml/serving/models.ts', import.meta.url), 'utf8'),
  );
  expect(source).toContain('export const LESS_STEPS = 15;');
  expect(source).toContain('export const STABLE_STEPS = 300;');
});
