import { lazy } from 'react';
import { SCALING } from '../../ml/scaling/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: SCALING.id,
  component: lazy(() => import('./ScalingWidget')),
  title: { zh: '规模定律：自己量一条', en: 'A scaling law you measure yourself' },
});
