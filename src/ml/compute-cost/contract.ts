/**
 * The compute-cost calculator's settings, without tfjs (it computes on the page; nothing trains). The
 * accelerators' peak rates and sources are in `hardware.ts`, keyed by the option names below.
 */
import type { ParamSpec } from '../../state/params.ts';
import { defineContract } from '../shared/contract.ts';

export const COMPUTE_COST_PARAMS = [
  {
    key: 'params',
    kind: 'float',
    min: 1e8,
    max: 1e12,
    default: 8e9,
    scale: 'log',
    label: { zh: '参数量 N', en: 'Parameters N' },
  },
  {
    key: 'tokens',
    kind: 'float',
    min: 1e9,
    max: 1e14,
    default: 1.5e13,
    scale: 'log',
    label: { zh: '训练词元数 D', en: 'Training tokens D' },
  },
  {
    key: 'served',
    kind: 'float',
    min: 1e9,
    max: 1e15,
    default: 1e12,
    scale: 'log',
    label: { zh: '上线后生成的词元总数', en: 'Tokens served after launch' },
  },
  {
    key: 'accelerator',
    kind: 'choice',
    default: 'h100',
    options: [
      { value: 'v100', label: { zh: 'NVIDIA V100（SXM2）', en: 'NVIDIA V100 (SXM2)' } },
      { value: 'a100', label: { zh: 'NVIDIA A100（SXM）', en: 'NVIDIA A100 (SXM)' } },
      { value: 'h100', label: { zh: 'NVIDIA H100（SXM5）', en: 'NVIDIA H100 (SXM5)' } },
      { value: 'tpu-v4', label: { zh: 'Google TPU v4', en: 'Google TPU v4' } },
      { value: 'tpu-v5p', label: { zh: 'Google TPU v5p', en: 'Google TPU v5p' } },
    ],
    label: { zh: '加速器', en: 'Accelerator' },
  },
  {
    key: 'chips',
    kind: 'choice',
    default: '1024',
    options: [
      { value: '8', label: { zh: '8 块', en: '8' } },
      { value: '64', label: { zh: '64 块', en: '64' } },
      { value: '256', label: { zh: '256 块', en: '256' } },
      { value: '1024', label: { zh: '1024 块', en: '1,024' } },
      { value: '4096', label: { zh: '4096 块', en: '4,096' } },
      { value: '16384', label: { zh: '16384 块', en: '16,384' } },
    ],
    label: { zh: '集群规模（加速器块数）', en: 'Cluster size (accelerators)' },
  },
  {
    key: 'utilization',
    kind: 'float',
    min: 0.1,
    max: 0.8,
    default: 0.4,
    step: 0.01,
    label: { zh: '利用率（实际算力 ÷ 峰值）', en: 'Utilization (achieved ÷ peak)' },
  },
  {
    key: 'price',
    kind: 'float',
    min: 0.1,
    max: 20,
    default: 2,
    scale: 'log',
    label: { zh: '每加速器小时价格（美元）', en: 'Price per accelerator-hour (US$)' },
  },
] as const satisfies readonly ParamSpec[];

/**
 * A page-only widget's contract (catalog.ts, `PAGE_ONLY`): no model in the worker, so no trace and no info.
 * The table has no run parameters (no steps, speed or seed).
 */
export const COMPUTE_COST = defineContract<never>()({
  id: 'compute-cost',
  params: COMPUTE_COST_PARAMS,
  trace: [],
});
