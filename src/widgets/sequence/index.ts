import { lazy } from 'react';
import { SEQUENCE } from '../../ml/sequence/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: SEQUENCE.id,
  component: lazy(() => import('./SequenceWidget')),
  title: { zh: '记忆任务：简单 RNN、LSTM 与 GRU 同场训练', en: 'A memory task: a simple RNN, an LSTM and a GRU trained side by side' },
});
