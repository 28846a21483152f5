/// <reference lib="webworker" />
/**
 * The serving worker (lesson 15): a real model server in a thread of its own. tfjs and the models live here;
 * the queue, the batcher and the load generator are ml/serving/server.ts. Timings are this thread's
 * `performance.now()`, taken around each batch's real forward pass.
 */
import type * as tf from '@tensorflow/tfjs';
import { chooseBackend } from './backend';
import { RESPONSE_FIELDS, type FromServer, type ToServer, type VersionInfo } from './protocol';
import {
  loadFiles,
  loadSaved,
  parameterCount,
  predictClasses,
  trainHere,
  LESS_STEPS,
  STABLE_STEPS,
  type DigitsMessage,
} from '../ml/serving/models';
import { ServingLoop, type ServedResponse } from '../ml/serving/server';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromServer, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

/** Responses and queue samples are posted at most this often. */
const FLUSH_MS = 50;

// Zero-delay scheduling through a MessageChannel: nested setTimeout(0) is clamped to 4 ms after a few levels.
const channel = new MessageChannel();
const soon: (() => void)[] = [];
channel.port1.onmessage = () => soon.shift()?.();
function schedule(fn: () => void, ms: number) {
  const run = () => {
    soon.push(fn);
    channel.port2.postMessage(0);
  };
  if (ms <= 0) run();
  else setTimeout(run, ms);
}

let test: DigitsMessage | null = null;
let backendChoice: Awaited<ReturnType<typeof chooseBackend>> = { backend: 'wasm' };
const models: { stable: tf.LayersModel | null; canary: tf.LayersModel | null } = { stable: null, canary: null };
let run = 0;
let responses: ServedResponse[] = [];
let queue: number[] = [];
let flushTimer: ReturnType<typeof setTimeout> | null = null;

function flush() {
  flushTimer = null;
  if (responses.length === 0 && queue.length === 0) return;
  const packed = new Float64Array(responses.length * RESPONSE_FIELDS);
  responses.forEach((r, i) =>
    packed.set(
      [r.id, r.version === 'stable' ? 0 : 1, r.arrival, r.start, r.finish, r.batchSize, r.digit, r.predicted],
      i * RESPONSE_FIELDS,
    ),
  );
  const samples = Float64Array.from(queue);
  responses = [];
  queue = [];
  post({ type: 'responses', run, packed, queue: samples }, [packed.buffer, samples.buffer]);
}
const flushSoon = () => (flushTimer ??= setTimeout(flush, FLUSH_MS));

const loop = new ServingLoop(
  {
    now: () => performance.now(),
    schedule,
    predict: (version, digits) => predictClasses(models[version]!, test!, digits),
    get digitCount() {
      return test?.count ?? 1;
    },
    onResponses: (r) => {
      responses.push(...r);
      flushSoon();
    },
    onQueue: (t, length) => {
      // Keep a sample when the length changes (and the time it changed), not every look.
      const last = queue.length >= 2 ? queue[queue.length - 1] : -1;
      if (length !== last) queue.push(t, length);
      flushSoon();
    },
    onDone: () => {
      flush();
      post({ type: 'done', run });
    },
  },
  { maxBatch: 8, maxDelayMs: 5, canaryPercent: 0 },
);

function info(model: tf.LayersModel, source: VersionInfo['source'], steps?: number): VersionInfo {
  return { source, parameters: parameterCount(model), steps };
}

/** One forward pass per batch size, so the first measured batch does not pay for first-call set-up. */
function warmUp(model: tf.LayersModel) {
  for (const n of [1, 8, 64])
    predictClasses(
      model,
      test!,
      Array.from({ length: n }, (_, i) => i),
    );
}

async function init(message: Extract<ToServer, { type: 'init' }>) {
  post({ type: 'preparing', what: 'backend' });
  const backend = (backendChoice = await chooseBackend(message.backend ?? 'wasm'));
  test = message.test;
  loop.set(message.settings);
  post({ type: 'preparing', what: 'training', step: 0, steps: STABLE_STEPS });
  const here = await trainHere(message.train, 1, (step) => post({ type: 'preparing', what: 'training', step, steps: STABLE_STEPS }));
  post({ type: 'preparing', what: 'loading' });
  models.stable = here.stable;
  const saved = await loadSaved();
  models.canary = saved ?? here.less;
  if (saved) here.less.dispose();
  warmUp(models.stable);
  warmUp(models.canary);
  post({
    type: 'ready',
    backend: backend.backend,
    fallback: backend.fallback,
    versions: {
      stable: info(models.stable, 'trained-here', STABLE_STEPS),
      canary: saved ? info(saved, 'saved') : info(models.canary, 'trained-less', LESS_STEPS),
    },
  });
}

async function open(message: Extract<ToServer, { type: 'open' }>) {
  let model: tf.LayersModel;
  try {
    model = await loadFiles(message.files.modelJson, message.files.weights);
    if (models.stable) predictClasses(model, test!, [0]);
  } catch (error) {
    post({ type: 'open-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  loop.stop();
  models.canary?.dispose();
  models.canary = model;
  warmUp(model);
  post({
    type: 'ready',
    backend: backendChoice.backend,
    fallback: backendChoice.fallback,
    versions: { stable: info(models.stable!, 'trained-here', STABLE_STEPS), canary: info(model, 'files') },
  });
}

let chain: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToServer>) => {
  const message = event.data;
  // Settings, loads and stops apply at once; set-up messages wait for each other.
  if (message.type === 'set') return loop.set(message.settings);
  if (message.type === 'stop') {
    loop.stop();
    responses = [];
    queue = [];
    return;
  }
  if (message.type === 'load') {
    chain = chain.then(() => {
      flush();
      responses = [];
      queue = [];
      run = message.run;
      loop.start(message.load);
    });
    return;
  }
  chain = chain
    .then(async () => {
      if (message.type === 'init') await init(message);
      else if (message.type === 'open') await open(message);
      else if (message.type === 'dispose') {
        loop.stop();
        scope.close();
      }
    })
    .catch((error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
};
