import { lazy } from 'react';
import { RECOMMENDER } from '../../ml/recommender/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: RECOMMENDER.id,
  component: lazy(() => import('./MatrixFactorizationWidget')),
  title: { zh: '矩阵分解推荐：训练它，再作为新用户加入', en: 'A recommender by matrix factorization: train it, then join as a new user' },
});
