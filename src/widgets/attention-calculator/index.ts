import { lazy } from 'react';
import { ATTENTION_CALCULATOR } from '../../ml/attention/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: ATTENTION_CALCULATOR.id,
  component: lazy(() => import('./AttentionCalculatorWidget')),
  title: { zh: '注意力计算器', en: 'Attention calculator' },
});
