/** Latency percentiles, throughput, queue length over time and Little's law, from served requests. Pure TypeScript. */
import type { ServedRecord } from './batcher';

/**
 * The p-th percentile by the nearest-rank method: the smallest value with at least p % of the values at or
 * below it (so p50 of [1, 2, 3, 4] is 2, p99 of 100 values is the 99th smallest). NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], not ${p}`);
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1];
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Requests answered per second, from the first arrival to the last answer. */
  throughput: number;
}

export const latency = (r: ServedRecord) => r.finish - r.arrival;

export function summarize(records: readonly ServedRecord[]): LatencySummary {
  const latencies = records.map(latency);
  const first = Math.min(...records.map((r) => r.arrival));
  const last = Math.max(...records.map((r) => r.finish));
  const span = last - first;
  return {
    count: records.length,
    mean: mean(latencies),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : NaN,
    throughput: records.length === 0 ? NaN : span > 0 ? (records.length * 1000) / span : Infinity,
  };
}

/** A histogram of `values` in `bins` equal bins from 0 to `top` (values above go in the last bin). */
export function histogram(values: readonly number[], top: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((v / top) * bins)))]++;
  return counts;
}

/**
 * Requests waiting in the queue (arrived, batch not started) at `times`. Requests in a running batch are not
 * in the queue.
 */
export function queueLengthAt(records: readonly ServedRecord[], times: readonly number[]): number[] {
  return times.map((t) => records.reduce((n, r) => n + (r.arrival <= t && r.start > t ? 1 : 0), 0));
}

/**
 * Little's law over a run that starts and ends empty: the average number of requests in the system (waiting
 * or being served) equals the arrival rate times the average time each spends there, L = λ·W. Returns both
 * sides, L measured as the time average of the count, λ·W from the mean latency.
 */
export function littlesLaw(records: readonly ServedRecord[]): { L: number; lambda: number; W: number } {
  const first = Math.min(...records.map((r) => r.arrival));
  const last = Math.max(...records.map((r) => r.finish));
  const span = last - first;
  // ∫ N(t) dt over the run is the sum of every request's time in the system.
  const area = records.reduce((sum, r) => sum + latency(r), 0);
  return { L: area / span, lambda: records.length / span, W: area / records.length };
}
