/// <reference lib="webworker" />
/**
 * The training loop. Runs steps in ticks paced to the display (about 60 a second), reads every step's
 * loss and trace back in one batch per tick, and posts one progress message per tick.
 */
import * as tf from '@tensorflow/tfjs-core';
import { isDiverged } from '../ml/divergence';
import type { Params, TrainableModel } from '../ml/trainable';
import { type BackendChoice, chooseBackend } from './backend';
import { MODELS } from './models';
import type { FromWorker, ToWorker } from './protocol';

const FRAME_MS = 16;
const scope = self as unknown as DedicatedWorkerGlobalScope;

let backendChoice: BackendChoice = { backend: 'cpu' };
let model: TrainableModel | null = null;
let modelName = '';
let params: Params = {};
let step = 0;
let firstLoss = NaN;
let running = false;
let diverged = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let rateWindow: { time: number; step: number }[] = [];

function post(message: FromWorker, transfer: Transferable[] = []) {
  scope.postMessage(message, transfer);
}

function budget(): number {
  return params.steps ?? Infinity;
}

function build(seed: number) {
  model?.dispose();
  model = MODELS[modelName](params, seed);
  step = 0;
  firstLoss = NaN;
  diverged = false;
  rateWindow = [];
  post({
    type: 'snapshot',
    backend: backendChoice.backend,
    fallback: backendChoice.fallback,
    info: model.info,
    traceNames: model.traceNames,
    initialTrace: model.initialTrace,
    tensors: tf.memory().numTensors,
  });
}

function stepsPerSecond(): number {
  const now = performance.now();
  rateWindow.push({ time: now, step });
  while (rateWindow.length > 2 && now - rateWindow[0].time > 1000) rateWindow.shift();
  const first = rateWindow[0];
  const seconds = (now - first.time) / 1000;
  return seconds > 0 ? (step - first.step) / seconds : 0;
}

/** Runs up to `count` steps, reads their records back at once and reports them. */
function runSteps(count: number) {
  if (!model || diverged) return;
  const n = Math.min(count, budget() - step);
  if (n <= 0) return;
  const width = 1 + model.traceNames.length;
  const records: tf.Tensor1D[] = [];
  for (let i = 0; i < n; i++) records.push(model.step());
  const stacked = tf.stack(records);
  const flat = stacked.dataSync() as Float32Array;
  tf.dispose([stacked, ...records]);

  let kept = n;
  let badLoss = NaN;
  for (let i = 0; i < n; i++) {
    const loss = flat[i * width];
    if (step === 0 && i === 0) firstLoss = loss;
    if (isDiverged(loss, firstLoss) || !flat.subarray(i * width + 1, (i + 1) * width).every(Number.isFinite)) {
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
  step += kept;
  if (kept < n) {
    diverged = true;
    running = false;
  }
  const done = step >= budget();
  if (done) running = false;
  post(
    {
      type: 'progress',
      step,
      losses,
      traces,
      running,
      done,
      stepsPerSecond: stepsPerSecond(),
      tensors: tf.memory().numTensors,
    },
    [losses.buffer, traces.buffer],
  );
  if (diverged) post({ type: 'diverged', step: step + 1, loss: badLoss });
}

/** Tells the page the loop stopped, with nothing new to draw. */
function postIdleProgress() {
  post({
    type: 'progress',
    step,
    losses: new Float32Array(0),
    traces: new Float32Array(0),
    running: false,
    done: step >= budget(),
    stepsPerSecond: 0,
    tensors: tf.memory().numTensors,
  });
}

function tick() {
  timer = null;
  if (!running) return;
  const started = performance.now();
  runSteps(Math.max(1, Math.round(params.speed ?? 1)));
  if (running) timer = setTimeout(tick, Math.max(0, FRAME_MS - (performance.now() - started)));
}

function stopLoop() {
  running = false;
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

async function handle(message: ToWorker) {
  switch (message.type) {
    case 'init': {
      backendChoice = await chooseBackend(message.backend);
      modelName = message.model;
      if (!MODELS[modelName]) throw new Error(`Unknown model "${modelName}"`);
      params = { ...message.params };
      build(message.seed);
      break;
    }
    case 'play':
      if (!model || diverged || step >= budget() || running) return;
      running = true;
      tick();
      break;
    case 'pause':
      stopLoop();
      postIdleProgress();
      break;
    case 'step':
      stopLoop();
      runSteps(message.count);
      break;
    case 'set':
      params = { ...params, ...message.params };
      model?.setLive(message.params);
      break;
    case 'reset':
      stopLoop();
      params = { ...message.params };
      build(message.seed);
      break;
    case 'dispose':
      stopLoop();
      model?.dispose();
      model = null;
      scope.close();
      break;
  }
}

scope.onmessage = (event: MessageEvent<ToWorker>) => {
  handle(event.data).catch((error: unknown) => {
    stopLoop();
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  });
};
