import { lazy } from 'react';
import { OVERFITTING } from '../../ml/overfitting/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: OVERFITTING.id,
  component: lazy(() => import('./OverfittingWidget')),
  title: { zh: '过拟合、正则化与早停', en: 'Overfitting, regularization and early stopping' },
});
