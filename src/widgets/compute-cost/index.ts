import { lazy } from 'react';
import { COMPUTE_COST } from '../../ml/compute-cost/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: COMPUTE_COST.id,
  component: lazy(() => import('./ComputeCostWidget')),
  title: { zh: '训练与推理成本计算器', en: 'Training and serving cost calculator' },
});
