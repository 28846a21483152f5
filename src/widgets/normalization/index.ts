import { lazy } from 'react';
import { NORMALIZATION } from '../../ml/normalization/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: NORMALIZATION.id,
  component: lazy(() => import('./NormalizationWidget')),
  title: { zh: '特征缩放：原始特征与标准化特征', en: 'Feature scaling: raw vs standardized features' },
});
