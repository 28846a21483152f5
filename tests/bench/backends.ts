/** The two backends the benchmarks compare, set up in Node (wasm files read from node_modules). */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { ModelFactory } from '../../src/ml/tfjs/trainable';
import type { Params } from '../../src/state/params';

const require = createRequire(import.meta.url);
setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);

export const BACKENDS = ['cpu', 'wasm'] as const;

export function useBackend(backend: (typeof BACKENDS)[number]) {
  return async () => {
    await tf.setBackend(backend);
    await tf.ready();
  };
}

/** Builds a model, takes `steps` steps with one read-back at the end (as the worker does per tick), frees it. */
export function trainSteps<P extends Params>(factory: ModelFactory<P>, params: P, steps: number, data?: number[]) {
  const model = factory(params, 1, data);
  const records = Array.from({ length: steps }, () => model.step());
  const stacked = tf.stack(records);
  stacked.dataSync();
  tf.dispose([stacked, ...records]);
  model.dispose();
}
