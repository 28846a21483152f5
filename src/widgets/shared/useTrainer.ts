/**
 * Connects a widget to its training worker. Messages are folded into a mutable store and the widget
 * re-renders at most once per animation frame, however many messages arrive (or less often: `minFrameMs`).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { TrainerClient } from '../../engine/client';
import type { BackendName, FromWorker } from '../../engine/protocol';
import type { ModelData } from '../../ml/shared/contract';

import { numberParam, type Params } from '../../state/params';
import type { PainterLink } from './painter-channel';

export type TrainerStatus = 'loading' | 'idle' | 'running' | 'paused' | 'diverged' | 'error';

export interface TrainerView<Info = unknown> {
  status: TrainerStatus;
  step: number;
  /** losses[i] is the loss measured by step i + 1. */
  losses: number[];
  /** Per step, the model's trace after the step (e.g. β₀, β₁), flattened; first the initial trace. */
  traces: number[];
  traceWidth: number;
  /** The model's latest state (TrainableModel.state), for models that report one. */
  state: Float32Array | null;
  /** The model's info, of the type its contract names (ml/<model>/contract.ts). */
  info: Info | null;
  backend: BackendName | null;
  fallback?: string;
  stepsPerSecond: number;
  tensors: number;
  divergedAt?: { step: number; loss: number };
  error?: string;
  /** The worker had failed and Reset replaced it with a fresh one; shown as a notice until the next reset. */
  restarted: boolean;
}

function emptyView<Info>(): TrainerView<Info> {
  return {
    status: 'loading',
    step: 0,
    losses: [],
    traces: [],
    traceWidth: 0,
    state: null,
    info: null,
    backend: null,
    stepsPerSecond: 0,
    tensors: 0,
    restarted: false,
  };
}

/** `?backend=cpu` forces the CPU backend: for comparing backends and for testing the fallback path. */
function requestedBackend(): BackendName | undefined {
  const value = new URLSearchParams(window.location.search).get('backend');
  return value === 'cpu' || value === 'wasm' ? value : undefined;
}

function fold<Info>(view: TrainerView<Info>, message: FromWorker): void {
  switch (message.type) {
    case 'snapshot':
      Object.assign(view, emptyView(), {
        restarted: view.restarted,
        status: 'idle',
        info: message.info,
        backend: message.backend,
        fallback: message.fallback,
        traceWidth: message.traceNames.length,
        traces: [...message.initialTrace],
        state: message.state ?? null,
        tensors: message.tensors,
      });
      break;
    case 'progress':
      for (const loss of message.losses) view.losses.push(loss);
      for (const value of message.traces) view.traces.push(value);
      view.step = message.step;
      view.tensors = message.tensors;
      if (message.state) view.state = message.state;
      if (message.stepsPerSecond > 0 || !message.running) view.stepsPerSecond = message.stepsPerSecond;
      if (view.status !== 'diverged' && view.status !== 'error') {
        view.status = message.running ? 'running' : view.step > 0 ? 'paused' : 'idle';
      }
      break;
    case 'diverged':
      view.status = 'diverged';
      view.divergedAt = { step: message.step, loss: message.loss };
      break;
    case 'error':
      view.status = 'error';
      view.error = message.message;
      break;
  }
}

/**
 * When the widget re-renders: `whenDue` renders at the first animation frame at least `minFrameMs` after the
 * last render, `now` renders at once (a picture) and starts the wait again, `cancel` drops the render waiting.
 * `pending` and `due` are useTrainer's refs: the render waiting, and when the next one is due.
 */
function frameRenders(pending: RefObject<(() => void) | null>, due: RefObject<number>, minFrameMs: number, rerender: () => void) {
  const cancel = () => {
    pending.current?.();
    pending.current = null;
  };
  // The next animation frame once a render is due; until then a timer, not a frame polled for the time.
  const whenDue = () => {
    const wait = due.current - 4 - performance.now();
    if (wait > 0) {
      const timer = setTimeout(() => {
        pending.current = null;
        whenDue();
      }, wait);
      pending.current = () => clearTimeout(timer);
      return;
    }
    const id = requestAnimationFrame(render);
    pending.current = () => cancelAnimationFrame(id);
  };
  const render = (now: number) => {
    pending.current = null;
    // Renders are due every minFrameMs on average (a few ms early is on time), so a page that drops to
    // 50 frames a second still renders about 30 times a second, not every second frame.
    if (now < due.current - 4) {
      whenDue();
      return;
    }
    due.current = now - due.current > minFrameMs ? now + minFrameMs : due.current + minFrameMs;
    rerender();
  };
  const now = () => {
    cancel();
    due.current = performance.now() + minFrameMs;
    rerender();
  };
  return { whenDue, now, cancel };
}

/**
 * `enabled` false delays starting the worker (until the widget is near the screen). `data` is the
 * learner's own data set, if any: sent at the start and with every reset. `minFrameMs` spaces re-renders
 * at least that far apart (33: about 30 a second), for a widget whose frames are costly to draw. `painter`
 * connects a widget to its model's painter in the worker, if it has one: each picture then re-renders the
 * widget at once, so the picture and the numbers beside it change in the same frame, and progress messages
 * alone render only when pictures stop coming (after minFrameMs).
 */
export function useTrainer<Info = unknown>(
  model: string,
  params: Params,
  enabled = true,
  data?: ModelData,
  minFrameMs = 0,
  painter?: PainterLink | null,
) {
  const store = useRef<TrainerView<Info>>(emptyView());
  const client = useRef<TrainerClient | null>(null);
  /** Cancels the render that is waiting (for its time or for a frame), if one is. */
  const pending = useRef<(() => void) | null>(null);
  const due = useRef(0);
  const [, setVersion] = useState(0);
  const initialParams = useRef(params);
  const latestData = useRef(data);
  latestData.current = data;

  useEffect(() => {
    if (!enabled) return;
    store.current = emptyView();
    const renders = frameRenders(pending, due, minFrameMs, () => setVersion((v) => v + 1));
    // The client passes on only the current run's messages: what the worker posted before a reset, still on
    // its way when the reset was sent, never reaches the store (a stale progress would leave 'loading').
    const trainer = new TrainerClient((message) => {
      if (message.type === 'picture') {
        painter?.receive(message.picture);
        renders.now();
        return;
      }
      fold(store.current, message);
      if (!pending.current) renders.whenDue();
    });
    client.current = trainer;
    const { seed, ...rest } = initialParams.current;
    trainer.init(model, rest, typeof seed === 'number' ? seed : 0, latestData.current, requestedBackend());
    painter?.attach(trainer);
    return () => {
      painter?.detach();
      renders.cancel();
      trainer.dispose();
      client.current = null;
    };
  }, [model, enabled, minFrameMs, painter]);

  /** The caller checks the step budget (its own parameter); the worker ignores a play past it. */
  const play = useCallback(() => {
    const view = store.current;
    if (view.status === 'diverged' || view.status === 'error' || view.status === 'loading') return;
    view.status = 'running';
    client.current?.play();
    setVersion((v) => v + 1);
  }, []);
  const pause = useCallback(() => client.current?.pause(), []);
  const step = useCallback(() => client.current?.step(1), []);
  const setLive = useCallback((next: Params) => client.current?.set(next), []);
  /**
   * Rebuilds with these parameters and the current data, or with `data` when the data changes too. After an
   * error the client starts a fresh worker instead (the old one may be dead), and the widget says so.
   */
  const reset = useCallback((next: Params, data?: ModelData) => {
    if (data !== undefined) latestData.current = data;
    const { seed, ...rest } = next;
    store.current.status = 'loading';
    if (client.current) store.current.restarted = client.current.reset(rest, typeof seed === 'number' ? seed : 0, latestData.current);
    setVersion((v) => v + 1);
  }, []);

  /** Asks the model in the worker for `name` (its TrainableModel.request), e.g. the CNN's saved files. */
  const request = useCallback(
    (name: string, argument?: unknown) =>
      client.current?.request(name, argument) ?? Promise.reject(new Error('the training worker has not started')),
    [],
  );

  const controls = useMemo(() => ({ play, pause, step, setLive, reset, request }), [play, pause, step, setLive, reset, request]);
  const view = store.current;
  // The worker stops at params.steps, a parameter every widget's table may declare (its step budget).
  const budgetUsed = view.step >= (numberParam(params, 'steps') ?? Infinity);
  const canRun = (view.status === 'idle' || view.status === 'paused') && !budgetUsed;
  return { view, budgetUsed, canRun, ...controls };
}
