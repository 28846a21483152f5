import { lazy } from 'react';
import { GD_VARIANTS } from '../../ml/gd-variants/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: GD_VARIANTS.id,
  component: lazy(() => import('./GdVariantsWidget')),
  title: { zh: '批量、小批量与随机梯度下降', en: 'Batch, mini-batch and stochastic gradient descent' },
});
