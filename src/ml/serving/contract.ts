/**
 * The serving widget's settings (lesson 15), without tfjs. Nothing trains in the training worker: the widget
 * runs a serving worker of its own (engine/serving.worker.ts), so it is one of the catalog's page-only widgets
 * (no step, no loss); its load, its two batching knobs and its canary share are parameters, so a link
 * reproduces the set-up.
 */
import type { ParamSpec } from '../../state/params.ts';
import { defineContract } from '../shared/contract.ts';

export const SERVING_PARAMS = [
  {
    key: 'load',
    kind: 'choice',
    default: 'burst',
    options: [
      { value: 'burst', label: { zh: '一次突发（所有请求同时到）', en: 'A burst (all requests at once)' } },
      { value: 'poisson', label: { zh: '稳定的泊松流', en: 'A steady Poisson stream' } },
    ],
    label: { zh: '负载', en: 'Load' },
  },
  { key: 'requests', kind: 'int', min: 20, max: 2000, default: 300, step: 10, label: { zh: '请求数', en: 'Requests' } },
  {
    key: 'rate',
    kind: 'int',
    min: 10,
    max: 1000,
    default: 200,
    step: 10,
    label: { zh: '到达率（每秒请求数，泊松流）', en: 'Arrival rate (requests/s, Poisson stream)' },
  },
  { key: 'maxBatch', kind: 'int', min: 1, max: 64, default: 8, step: 1, label: { zh: '最大批大小', en: 'Maximum batch size' } },
  {
    key: 'maxDelay',
    kind: 'float',
    min: 0,
    max: 50,
    default: 5,
    step: 0.5,
    label: { zh: '最长排队等待（毫秒）', en: 'Maximum queue delay (ms)' },
  },
  { key: 'canary', kind: 'int', min: 0, max: 100, default: 10, step: 1, label: { zh: '金丝雀流量（%）', en: 'Canary traffic (%)' } },
] as const satisfies readonly ParamSpec[];

export const SERVING = defineContract<never>()({
  id: 'serving',
  params: SERVING_PARAMS,
  trace: [],
});

/** The seed of every load's arrivals, digits and routing: the same settings send the same requests. */
export const SERVING_SEED = 1;

/** Batch sizes the sweep measures. */
export const SWEEP_SIZES = [1, 2, 4, 8, 16, 32, 64] as const;
