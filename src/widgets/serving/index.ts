import { lazy } from 'react';
import { SERVING } from '../../ml/serving/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: SERVING.id,
  component: lazy(() => import('./ServingWidget')),
  title: { zh: '把模型做成服务：排队、批处理与延迟', en: 'A model as a service: queue, batches and latency' },
});
