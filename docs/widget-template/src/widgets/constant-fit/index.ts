import { lazy } from 'react';
import { CONSTANT_FIT } from '../../ml/constant-fit/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: CONSTANT_FIT.id,
  component: lazy(() => import('./ConstantFitWidget')),
  title: { zh: '用梯度下降估计一个数', en: 'Fitting one number by gradient descent' },
});
