/**
 * Dynamic batching, the way TensorFlow Serving (`max_batch_size`, `batch_timeout_micros`) and Triton
 * (`max_batch_size`, `max_queue_delay_microseconds`) do it: requests wait in a first-in-first-out queue; when
 * the server is free it takes a batch as soon as the queue holds the maximum batch size, or as soon as the
 * oldest request has waited the maximum queue delay, whichever comes first. Pure TypeScript on a clock the
 * caller passes (milliseconds): the serving worker runs it on `performance.now()`, `simulate` on a simulated
 * clock for the lesson's arithmetic and the tests.
 */

export interface BatcherSettings {
  /** The most requests one batch holds (≥ 1). */
  maxBatch: number;
  /** The longest the oldest request waits for others before its batch runs anyway (ms, ≥ 0). */
  maxDelayMs: number;
}

export interface Queued<T> {
  id: number;
  /** When the request arrived (ms on the caller's clock). */
  arrival: number;
  item: T;
}

export class DynamicBatcher<T> {
  private queue: Queued<T>[] = [];
  /** Index of the oldest request still waiting (the queue is trimmed now and then, not on every take). */
  private head = 0;

  constructor(public settings: BatcherSettings) {
    if (!(settings.maxBatch >= 1) || !Number.isInteger(settings.maxBatch))
      throw new RangeError(`maxBatch must be a whole number ≥ 1, not ${settings.maxBatch}`);
    if (!(settings.maxDelayMs >= 0)) throw new RangeError(`maxDelayMs must be ≥ 0, not ${settings.maxDelayMs}`);
  }

  /** Requests waiting. */
  get length(): number {
    return this.queue.length - this.head;
  }

  enqueue(request: Queued<T>) {
    const last = this.queue[this.queue.length - 1];
    if (this.length > 0 && last.arrival > request.arrival) throw new Error('requests must be enqueued in order of arrival');
    this.queue.push(request);
  }

  /** When the oldest waiting request's delay runs out; null when nothing waits. */
  deadline(): number | null {
    return this.length === 0 ? null : this.queue[this.head].arrival + this.settings.maxDelayMs;
  }

  /**
   * The batch to run at `now` on a free server, oldest first: the first `maxBatch` requests if that many
   * wait, or all that wait (up to `maxBatch`) once the oldest has waited `maxDelayMs`; otherwise null.
   */
  take(now: number): Queued<T>[] | null {
    const waiting = this.length;
    if (waiting === 0) return null;
    const { maxBatch } = this.settings;
    if (waiting < maxBatch && now < this.deadline()!) return null;
    const batch = this.queue.slice(this.head, this.head + maxBatch);
    this.head += batch.length;
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return batch;
  }

  /** Empties the queue, returning what waited. */
  drain(): Queued<T>[] {
    const rest = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    return rest;
  }
}

/** One request's life in a run: when it arrived, when its batch started and finished, and that batch's size. */
export interface ServedRecord {
  id: number;
  arrival: number;
  start: number;
  finish: number;
  batchSize: number;
}

export interface SimulatedRun {
  records: ServedRecord[];
  /** The batches' sizes in the order they ran. */
  batches: number[];
}

/**
 * One server and one batcher on a simulated clock: `arrivals` in ms (non-decreasing), a batch of n taking
 * `service(n)` ms. The clock jumps from event to event (an arrival, a deadline, a batch's end), so the result
 * is exact arithmetic, the same on every machine.
 */
export function simulate(arrivals: readonly number[], service: (batchSize: number) => number, settings: BatcherSettings): SimulatedRun {
  const batcher = new DynamicBatcher<null>(settings);
  const records: ServedRecord[] = [];
  const batches: number[] = [];
  let now = arrivals.length ? arrivals[0] : 0;
  let next = 0;
  while (next < arrivals.length || batcher.length > 0) {
    while (next < arrivals.length && arrivals[next] <= now) {
      batcher.enqueue({ id: next, arrival: arrivals[next], item: null });
      next++;
    }
    const batch = batcher.take(now);
    if (batch) {
      const finish = now + service(batch.length);
      for (const r of batch) records.push({ id: r.id, arrival: r.arrival, start: now, finish, batchSize: batch.length });
      batches.push(batch.length);
      now = finish;
      continue;
    }
    const deadline = batcher.deadline();
    const candidates = [deadline ?? Infinity, next < arrivals.length ? arrivals[next] : Infinity];
    now = Math.max(now, Math.min(...candidates));
  }
  return { records, batches };
}
