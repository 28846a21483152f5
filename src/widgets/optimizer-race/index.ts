import { lazy } from 'react';
import { OPTIMIZER_RACE } from '../../ml/optimizer-race/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: OPTIMIZER_RACE.id,
  component: lazy(() => import('./OptimizerRaceWidget')),
  title: { zh: '优化算法赛跑', en: 'Optimizer race' },
});
