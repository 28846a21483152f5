/** The attention calculator's settings, without tfjs (it computes on the page; nothing trains). */
import type { ParamSpec } from '../../state/params.ts';
import { defineContract } from '../shared/contract.ts';

export const ATTENTION_CALCULATOR_PARAMS = [
  {
    key: 'preset',
    kind: 'choice',
    default: 'pronoun',
    options: [
      { value: 'pronoun', label: { zh: '带代词的句子', en: 'A sentence with a pronoun' } },
      { value: 'match', label: { zh: '一个查询正对一个键', en: 'One query matches one key' } },
      { value: 'same', label: { zh: '完全相同的词元', en: 'Identical tokens' } },
      { value: 'identity', label: { zh: 'Q = K = V = 2×2 单位矩阵', en: 'Q = K = V = the 2×2 identity' } },
    ],
    label: { zh: '例子', en: 'Example' },
  },
  {
    key: 'projections',
    kind: 'switch',
    default: true,
    label: { zh: '用投影矩阵得到 Q、K、V（关掉则 Q = K = V = X）', en: 'Q, K, V from projection matrices (off: Q = K = V = X)' },
  },
  { key: 'scale', kind: 'switch', default: true, label: { zh: '除以 √d_k', en: 'Divide by √d_k' } },
  { key: 'mask', kind: 'switch', default: false, label: { zh: '因果掩码', en: 'Causal mask' } },
  { key: 'temperature', kind: 'float', min: 0.1, max: 10, default: 1, scale: 'log', label: { zh: '温度 T', en: 'Temperature T' } },
] as const satisfies readonly ParamSpec[];

/**
 * A page-only widget's contract (catalog.ts, `PAGE_ONLY`): no model in the worker, so no trace and no info.
 * The table has no run parameters (no steps, speed or seed).
 */
export const ATTENTION_CALCULATOR = defineContract<never>()({
  id: 'attention-calculator',
  params: ATTENTION_CALCULATOR_PARAMS,
  trace: [],
});
