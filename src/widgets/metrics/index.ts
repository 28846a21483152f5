import { lazy } from 'react';
import { METRICS } from '../../ml/metrics/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: METRICS.id,
  component: lazy(() => import('./MetricsWidget')),
  title: { zh: '模型评估：阈值、混淆矩阵与 ROC', en: 'Evaluating a classifier: threshold, confusion matrix and ROC' },
});
