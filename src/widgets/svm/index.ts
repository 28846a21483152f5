import { lazy } from 'react';
import { SVM } from '../../ml/svm/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: SVM.id,
  component: lazy(() => import('./SvmWidget')),
  title: { zh: '支持向量机', en: 'Support vector machine' },
});
