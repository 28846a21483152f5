import { lazy } from 'react';
import { LOGISTIC_REGRESSION } from '../../ml/logistic-regression/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: LOGISTIC_REGRESSION.id,
  component: lazy(() => import('./LogisticRegressionWidget')),
  title: { zh: '逻辑回归', en: 'Logistic regression' },
});
