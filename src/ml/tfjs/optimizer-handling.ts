/** What tfjs's optimizers need beyond their own methods, for every trainer. */
import * as tf from '@tensorflow/tfjs';

/**
 * Changes a running optimizer's learning rate. SGD and Momentum keep it as a tensor (setLearningRate);
 * RMSProp and Adam read a plain number on every step. (tfjs optimizers answer `instanceof` by duck typing,
 * so the method itself is checked.)
 */
export function setLearningRate(optimizer: tf.Optimizer, lr: number) {
  if ('setLearningRate' in optimizer && typeof optimizer.setLearningRate === 'function') optimizer.setLearningRate(lr);
  else (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

/** tfjs 4.22's Momentum optimizer does not free the learning-rate scalar it inherits from SGD. */
export function disposeOptimizer(optimizer: tf.Optimizer) {
  optimizer.dispose();
  const rate = (optimizer as unknown as { c?: tf.Tensor }).c;
  if (optimizer.getClassName() === 'Momentum' && rate && !rate.isDisposed) rate.dispose();
}
