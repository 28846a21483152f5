import { lazy } from 'react';
import { MLP_PLAYGROUND } from '../../ml/mlp-playground/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: MLP_PLAYGROUND.id,
  component: lazy(() => import('./MlpPlaygroundWidget')),
  title: { zh: '神经网络游乐场', en: 'Neural-network playground' },
});
