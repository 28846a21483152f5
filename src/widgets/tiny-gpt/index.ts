import { lazy } from 'react';
import { TINY_GPT } from '../../ml/language-model/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: TINY_GPT.id,
  component: lazy(() => import('./TinyGptWidget')),
  title: { zh: '小型 GPT：在浏览器里学写诗', en: 'A tiny GPT learns to write in your browser' },
});
