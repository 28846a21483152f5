import { lazy } from 'react';
import { TINY_TRANSFORMER } from '../../ml/tiny-transformer/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: TINY_TRANSFORMER.id,
  component: lazy(() => import('./TinyTransformerWidget')),
  title: { zh: '小型 Transformer：学会倒序与排序', en: 'A tiny transformer learns to reverse and sort' },
});
