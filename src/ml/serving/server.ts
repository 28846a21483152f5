/**
 * The serving loop, without tfjs: a load generator (a burst, or a Poisson stream) puts requests for test
 * digits into one queue per version (stable and canary, split by the canary share at arrival), and whenever
 * the server is free it runs the batch the dynamic batcher gives (batcher.ts), through `predict`, and reports
 * each request's arrival, start, finish, batch size, version and answer. The serving worker runs it on
 * `performance.now()` with the real model; the unit tests on a fake clock.
 *
 * Open loop: each request's arrival is the time the generator scheduled it, not the time the thread got to
 * it, so time spent waiting while a batch runs counts in its latency (no "coordinated omission").
 */
import { createRng, type Rng } from '../shared/random';
import { DynamicBatcher, type BatcherSettings } from './batcher';
import { burstArrivals, poissonArrivals, route, type Version } from './traffic';

export interface LoadSpec {
  mode: 'burst' | 'poisson';
  /** Requests in all. */
  count: number;
  /** Requests per second (Poisson stream only). */
  rate: number;
  seed: number;
}

export interface ServerSettings extends BatcherSettings {
  /** Share of requests routed to the canary, in percent (0 = all on the stable version). */
  canaryPercent: number;
}

export const VERSIONS: readonly Version[] = ['stable', 'canary'];

/** One answered request. Times in ms from the start of the load. */
export interface ServedResponse {
  id: number;
  version: Version;
  arrival: number;
  start: number;
  finish: number;
  batchSize: number;
  /** Index of the test digit asked about. */
  digit: number;
  predicted: number;
}

export interface ServingDeps {
  now(): number;
  /** Calls `fn` after about `ms` milliseconds (0: as soon as the thread is free). */
  schedule(fn: () => void, ms: number): void;
  /** The version's predicted classes for these test digits, in order. */
  predict(version: Version, digits: readonly number[]): ArrayLike<number>;
  /** How many test digits there are to ask about. */
  digitCount: number;
  onResponses(responses: ServedResponse[]): void;
  /** The queue's length (both versions) at time t, sampled at every look at the queue. */
  onQueue(t: number, length: number): void;
  onDone(): void;
}

export class ServingLoop {
  private batchers: Record<Version, DynamicBatcher<number>>;
  private arrivals: number[] = [];
  private digits: number[] = [];
  private next = 0;
  private t0 = 0;
  private running = false;
  private routeRng: Rng = createRng(1);
  /** Counts loads, so that a tick scheduled by a stopped load does nothing. */
  private generation = 0;

  constructor(
    private readonly deps: ServingDeps,
    private settings: ServerSettings,
  ) {
    this.batchers = { stable: new DynamicBatcher(settings), canary: new DynamicBatcher(settings) };
  }

  get busy() {
    return this.running;
  }

  /** Changes the knobs live: the next batch uses them. */
  set(settings: ServerSettings) {
    this.settings = settings;
    for (const v of VERSIONS) this.batchers[v].settings = { maxBatch: settings.maxBatch, maxDelayMs: settings.maxDelayMs };
  }

  start(load: LoadSpec) {
    this.stop();
    const rng = createRng(load.seed);
    this.arrivals = load.mode === 'burst' ? burstArrivals(load.count) : poissonArrivals(load.count, load.rate, rng);
    this.digits = Array.from({ length: load.count }, () => Math.floor(rng() * this.deps.digitCount));
    this.routeRng = createRng(load.seed + 1);
    this.next = 0;
    this.running = true;
    this.t0 = this.deps.now();
    const generation = ++this.generation;
    this.deps.schedule(() => this.tick(generation), 0);
  }

  /** Ends the load: what waits is dropped, unanswered. */
  stop() {
    this.running = false;
    this.generation++;
    for (const v of VERSIONS) this.batchers[v].drain();
  }

  private tick(generation: number) {
    if (!this.running || generation !== this.generation) return;
    const { deps } = this;
    const t = deps.now() - this.t0;
    while (this.next < this.arrivals.length && this.arrivals[this.next] <= t) {
      const id = this.next++;
      this.batchers[route(this.settings.canaryPercent, this.routeRng)].enqueue({ id, arrival: this.arrivals[id], item: this.digits[id] });
    }
    deps.onQueue(t, this.batchers.stable.length + this.batchers.canary.length);
    // The version whose oldest request has waited longest goes first, if its batch is ready.
    const order = [...VERSIONS].sort((a, b) => (this.batchers[a].deadline() ?? Infinity) - (this.batchers[b].deadline() ?? Infinity));
    for (const version of order) {
      const batch = this.batchers[version].take(t);
      if (!batch) continue;
      const start = deps.now() - this.t0;
      const digits = batch.map((r) => r.item);
      const predicted = deps.predict(version, digits);
      const finish = deps.now() - this.t0;
      deps.onResponses(
        batch.map((r, i) => ({
          id: r.id,
          version,
          arrival: r.arrival,
          start,
          finish,
          batchSize: batch.length,
          digit: r.item,
          predicted: predicted[i],
        })),
      );
      deps.schedule(() => this.tick(generation), 0);
      return;
    }
    const waiting = this.batchers.stable.length + this.batchers.canary.length;
    if (this.next >= this.arrivals.length && waiting === 0) {
      this.running = false;
      deps.onDone();
      return;
    }
    const wakes = [this.batchers.stable.deadline() ?? Infinity, this.batchers.canary.deadline() ?? Infinity];
    if (this.next < this.arrivals.length) wakes.push(this.arrivals[this.next]);
    deps.schedule(() => this.tick(generation), Math.max(0, Math.min(...wakes) - t));
  }
}
