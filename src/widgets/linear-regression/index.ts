import { lazy } from 'react';
import { LINEAR_REGRESSION } from '../../ml/linear-regression/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: LINEAR_REGRESSION.id,
  component: lazy(() => import('./LinearRegressionWidget')),
  title: { zh: '用梯度下降训练线性回归', en: 'Linear regression by gradient descent' },
});
