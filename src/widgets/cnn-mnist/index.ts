import { lazy } from 'react';
import { CNN_MNIST } from '../../ml/cnn-mnist/contract';
import { defineWidget } from '../registration';

export default defineWidget({
  id: CNN_MNIST.id,
  component: lazy(() => import('./CnnMnistWidget')),
  title: { zh: '在 MNIST 手写数字上训练卷积神经网络', en: 'A convolutional network trained on MNIST digits' },
});
