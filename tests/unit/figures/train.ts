/**
 * Runs a widget's own model in Node the way the worker does (one record per step: [loss, ...trace]) and
 * applies the worker's divergence rule, for the figures tests. Each record is read back as it comes, which
 * on tfjs's cpu backend costs nothing worth batching.
 */
import * as tf from '@tensorflow/tfjs';
import { isDiverged } from '../../../src/ml/shared/divergence';
import type { ModelData, ModelFactory, TrainableModel } from '../../../src/ml/tfjs/trainable';
import type { Params } from '../../../src/state/params';
import { BACKENDS, useBackend } from '../../bench/backends';

/**
 * The backend the figures are recomputed on: cpu, unless FIGURES_BACKEND=wasm asks for the browser's (the
 * text quotes figures at a precision both give; run both after changing a trainer).
 */
export const FIGURES_BACKEND: (typeof BACKENDS)[number] = process.env.FIGURES_BACKEND === 'wasm' ? 'wasm' : 'cpu';
export const setFiguresBackend = useBackend(FIGURES_BACKEND);

export interface Run<Info = unknown> {
  /** losses[k] is the loss reported for step k + 1: measured during that step, before its update. */
  losses: number[];
  /** traces[k] is the trace after step k + 1. */
  traces: number[][];
  /** The step whose loss the worker would call diverged (1-based), if any; the run stops there unless told to go on. */
  divergedAt?: number;
  info: Info;
}

export interface TrainOptions<P extends Params> {
  seed?: number;
  data?: ModelData;
  /** Called before each step with the number of steps done; what it returns is applied as a live change. */
  live?: (done: number) => Partial<P> | undefined;
  /** Go on past a diverged step, as a model whose own loss can recover would (the default stops there). */
  keepGoing?: boolean;
  /** Called after each step with the model still open (for a model's own read-outs). */
  after?: (done: number, model: TrainableModel<P>) => void;
}

export function train<P extends Params, D extends ModelData = number[]>(
  factory: ModelFactory<P, D>,
  params: P,
  steps: number,
  options: TrainOptions<P> = {},
): Run {
  const seed = options.seed ?? (params.seed as number | undefined) ?? 1;
  const model = factory(params, seed, options.data as D | undefined);
  const losses: number[] = [];
  const traces: number[][] = [];
  let divergedAt: number | undefined;
  try {
    for (let done = 0; done < steps; done++) {
      const change = options.live?.(done);
      if (change) model.setLive(change);
      const record = tf.tidy(() => Array.from(model.step().dataSync()));
      const [loss, ...trace] = record;
      if (divergedAt === undefined && (isDiverged(loss, losses.length ? losses[0] : loss) || !trace.every(Number.isFinite))) {
        divergedAt = done + 1;
        if (!options.keepGoing) break;
      }
      losses.push(loss);
      traces.push(trace);
      options.after?.(done + 1, model);
    }
    return { losses, traces, divergedAt, info: model.info };
  } finally {
    model.dispose();
  }
}
