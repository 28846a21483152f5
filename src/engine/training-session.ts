/**
 * The training loop behind a worker, independent of the worker itself so Node tests can drive it.
 * It runs steps in ticks paced to the display (about 60 a second), reads every step's loss and trace back
 * in one batch per tick, and posts one progress message per tick.
 */
import * as tf from '@tensorflow/tfjs';
import { isDiverged } from '../ml/shared/divergence';
import type { ModelFactory, TrainableModel } from '../ml/tfjs/trainable';
import { numberParam, type Params } from '../state/params';
import type { BackendChoice } from './backend';
import type { Painter, PainterFactory } from './painters';
import type { ModelData } from '../ml/shared/contract';
import type { FromWorker, ToWorker } from './protocol';

export const FRAME_MS = 16;
/**
 * The most time one tick may spend training. When `speed` steps take longer than this, a tick takes fewer,
 * so progress still reaches the page about once a frame and its charts move smoothly; the stats line shows
 * the steps per second actually reached.
 */
export const TICK_BUDGET_MS = 12;

/** In a browser's worker, a port's messages take turns with the page's (pause, reset) in one task queue. */
const IN_BROWSER_WORKER =
  typeof MessageChannel !== 'undefined' && typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';

export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

export class TrainingSession {
  private model: TrainableModel | null = null;
  private factory: ModelFactory<Params, ModelData> | null = null;
  private params: Params = {};
  private step = 0;
  private firstLoss = NaN;
  private running = false;
  private diverged = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private rateWindow: { time: number; step: number }[] = [];
  private backend: BackendChoice = { backend: 'cpu' };
  /** Running estimate of one step's cost (including its share of the read-back), for pacing ticks. */
  private msPerStep = 0;
  /** When the model's state was last read while running (see TrainableModel.stateInterval). */
  private stateReadAt = -Infinity;
  /** Counts stopped loops, so a tick queued by an earlier loop does nothing. */
  private loop = 0;
  private channel: MessageChannel | null = null;
  private painter: Painter | null = null;
  /** The page's number for the current run (init or reset), sent back with every message about it. */
  private run: number | undefined;

  constructor(
    private readonly post: Post,
    private readonly models: Record<string, ModelFactory<Params, ModelData>>,
    private readonly chooseBackend: (preferred?: BackendChoice['backend']) => Promise<BackendChoice>,
    private readonly painters: Record<string, PainterFactory> = {},
  ) {}

  async handle(message: ToWorker): Promise<void> {
    try {
      switch (message.type) {
        case 'init':
          this.run = message.run;
          this.backend = await this.chooseBackend(message.backend);
          this.factory = this.models[message.model] ?? null;
          if (!this.factory) throw new Error(`unknown model "${message.model}"`);
          this.painter?.dispose();
          this.painter =
            this.painters[message.model]?.((picture, transfer) => this.post({ type: 'picture', picture, run: this.run }, transfer)) ?? null;
          this.params = { ...message.params };
          this.build(message.seed, message.data);
          break;
        case 'play':
          if (!this.model || this.running) return;
          // A play the budget (or a divergence) refuses still answers: the page shows "running" until told.
          if (this.diverged || this.step >= this.budget()) {
            this.postProgress(new Float32Array(0), new Float32Array(0));
            return;
          }
          this.running = true;
          this.tick();
          break;
        case 'pause':
          this.stopLoop();
          // A model whose state is read now and then shows the state of the step it paused at.
          this.postProgress(new Float32Array(0), new Float32Array(0), this.model?.stateInterval ? this.readState() : undefined);
          break;
        case 'step':
          this.stopLoop();
          this.runSteps(message.count);
          break;
        case 'set':
          this.params = { ...this.params, ...message.params };
          this.model?.setLive(message.params);
          // A budget lowered to or below the steps already taken ends the run now, and says so.
          if (this.running && this.step >= this.budget()) this.stopAtBudget();
          break;
        case 'reset':
          this.stopLoop();
          this.run = message.run;
          this.params = { ...message.params };
          this.build(message.seed, message.data);
          break;
        case 'paint':
          this.painter?.configure(message.config);
          break;
        case 'request':
          this.answer(message.name, message.argument, message.id);
          break;
        case 'dispose':
          this.stopLoop();
          this.painter?.dispose();
          this.painter = null;
          this.channel?.port1.close();
          this.channel = null;
          this.model?.dispose();
          this.model = null;
          break;
      }
    } catch (error) {
      this.fail(error);
    }
  }

  /** Answers without holding up the messages behind the request (a save waits for the model's weights). */
  private answer(name: string, argument: unknown, id: number) {
    const model = this.model;
    const pending = model?.request
      ? model.request(name, argument)
      : Promise.reject(new Error(model ? 'this model answers no requests' : 'no model yet'));
    pending.then(
      ({ value, transfer = [] }) => this.post({ type: 'reply', id, value }, transfer),
      (error: unknown) => this.post({ type: 'reply', id, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  /** Stops the loop and reports what went wrong. */
  private fail(error: unknown) {
    this.stopLoop();
    this.post({ type: 'error', message: error instanceof Error ? error.message : String(error), run: this.run });
  }

  get isRunning(): boolean {
    return this.running;
  }

  private budget(): number {
    return numberParam(this.params, 'steps') ?? Infinity;
  }

  private build(seed: number, data?: ModelData) {
    this.model?.dispose();
    this.model = this.factory!(this.params, seed, data);
    this.step = 0;
    this.firstLoss = NaN;
    this.diverged = false;
    this.rateWindow = [];
    this.msPerStep = 0;
    this.stateReadAt = -Infinity;
    const state = this.readState();
    this.paintState(state);
    this.post({
      type: 'snapshot',
      backend: this.backend.backend,
      fallback: this.backend.fallback,
      info: this.model.info,
      traceNames: this.model.traceNames,
      initialTrace: this.model.initialTrace,
      state,
      tensors: tf.memory().numTensors,
      run: this.run,
    });
  }

  private stepsPerSecond(): number {
    const now = performance.now();
    this.rateWindow.push({ time: now, step: this.step });
    while (this.rateWindow.length > 2 && now - this.rateWindow[0].time > 1000) this.rateWindow.shift();
    const first = this.rateWindow[0];
    const seconds = (now - first.time) / 1000;
    return seconds > 0 ? (this.step - first.step) / seconds : 0;
  }

  /** Runs up to `count` steps, reads their records back at once and reports them. */
  private runSteps(count: number) {
    const model = this.model;
    if (!model || this.diverged) return;
    const n = Math.min(count, this.budget() - this.step);
    if (n <= 0) {
      if (this.running) this.stopAtBudget();
      return;
    }
    const width = 1 + model.traceNames.length;
    // One scope for the tick: the records and the stack go when it ends, and so does everything the
    // earlier steps returned and a failing step made, should a step throw (the caller reports the error).
    let flat: Float32Array = new Float32Array(0);
    tf.tidy(() => {
      const records: tf.Tensor1D[] = [];
      for (let i = 0; i < n; i++) records.push(model.step());
      flat = tf.stack(records).dataSync() as Float32Array;
    });

    let kept = n;
    let badLoss = NaN;
    for (let i = 0; i < n; i++) {
      const loss = flat[i * width];
      if (this.step === 0 && i === 0) this.firstLoss = loss;
      const trace = flat.subarray(i * width + 1, (i + 1) * width);
      if (isDiverged(loss, this.firstLoss) || !trace.every(Number.isFinite)) {
        kept = i;
        badLoss = loss;
        break;
      }
    }
    const losses = new Float32Array(kept);
    const traces = new Float32Array(kept * (width - 1));
    for (let i = 0; i < kept; i++) {
      losses[i] = flat[i * width];
      traces.set(flat.subarray(i * width + 1, (i + 1) * width), i * (width - 1));
    }
    this.step += kept;
    if (kept < n) {
      this.diverged = true;
      this.running = false;
    }
    if (this.step >= this.budget()) this.running = false;
    const interval = model.stateInterval ?? 0;
    const stateDue = !this.running || performance.now() - this.stateReadAt >= interval;
    this.postProgress(losses, traces, stateDue ? this.readState() : undefined);
    if (this.diverged) this.post({ type: 'diverged', step: this.step + 1, loss: badLoss, run: this.run });
  }

  /** Ends a run whose budget is used up and reports it (running: false, done: true). */
  private stopAtBudget() {
    this.stopLoop();
    this.postProgress(new Float32Array(0), new Float32Array(0));
  }

  private readState(): Float32Array | undefined {
    if (!this.model?.state) return undefined;
    this.stateReadAt = performance.now();
    const state = this.model.state();
    // A copy: the buffer is transferred to the page, and a backend may hand out its own storage here.
    const values = Float32Array.from(state.dataSync());
    state.dispose();
    return values;
  }

  /** The painter gets its own copy: the state's buffer is transferred to the page. */
  private paintState(state: Float32Array | undefined) {
    if (state && this.painter && this.model) this.painter.update(this.model.info, state.slice());
  }

  private postProgress(losses: Float32Array, traces: Float32Array, state?: Float32Array) {
    this.paintState(state);
    this.post(
      {
        type: 'progress',
        step: this.step,
        losses,
        traces,
        running: this.running,
        done: this.step >= this.budget(),
        stepsPerSecond: losses.length > 0 ? this.stepsPerSecond() : 0,
        tensors: tf.memory().numTensors,
        state,
        run: this.run,
      },
      state ? [losses.buffer, traces.buffer, state.buffer] : [losses.buffer, traces.buffer],
    );
  }

  private tick() {
    this.timer = null;
    if (!this.running) return;
    const started = performance.now();
    const speed = Math.max(1, Math.round(numberParam(this.params, 'speed') ?? 1));
    // Until a step has been timed, one step: `speed` steps of a slow model could hold the worker for seconds.
    const affordable = this.msPerStep > 0 ? Math.max(1, Math.floor(TICK_BUDGET_MS / this.msPerStep)) : 1;
    const count = Math.min(speed, affordable);
    try {
      this.runSteps(count);
    } catch (error) {
      // Outside handle(), nothing else would catch it: the loop would stop with the page still "running".
      this.fail(error);
      return;
    }
    const perStep = (performance.now() - started) / count;
    this.msPerStep = this.msPerStep > 0 ? 0.7 * this.msPerStep + 0.3 * perStep : perStep;
    if (!this.running) return;
    // A tick that could not afford `speed` steps goes on at once (the page still gets one message per
    // tick); otherwise the loop waits for the next frame.
    if (count < speed) this.tickNow();
    else this.timer = setTimeout(() => this.tick(), Math.max(0, FRAME_MS - (performance.now() - started)));
  }

  /**
   * The next tick as soon as pending messages (a pause) are handled. Not setTimeout(0): browsers hold nested
   * timeouts back by 4 ms, a quarter of a frame. `loop` tells a tick queued before a pause not to run.
   */
  private tickNow() {
    // Node (the tests) drains a port's messages before its timers, so there it is a plain timeout.
    if (!IN_BROWSER_WORKER) {
      this.timer = setTimeout(() => this.tick(), 0);
      return;
    }
    if (!this.channel) {
      this.channel = new MessageChannel();
      this.channel.port1.onmessage = (event) => {
        if (event.data === this.loop) this.tick();
      };
    }
    this.channel.port2.postMessage(this.loop);
  }

  private stopLoop() {
    this.running = false;
    this.loop++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
