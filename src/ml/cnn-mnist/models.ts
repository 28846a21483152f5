/** The two networks as tf.LayersModels, their weights initialised from the run's seed. */
import * as tf from '@tensorflow/tfjs';
import { CLASSES, IMAGE_SIDE, POOL, type CnnShape } from './architecture';

/** He initialisation for the ReLU layers, Glorot for the output, each seeded. */
function initializers(seed: number, relu: boolean) {
  return {
    kernelInitializer: relu ? tf.initializers.heNormal({ seed }) : tf.initializers.glorotUniform({ seed }),
    biasInitializer: 'zeros' as const,
  };
}

export function buildCnn(shape: CnnShape, seed: number): tf.Sequential {
  return tf.sequential({
    name: 'cnn_mnist',
    layers: [
      tf.layers.conv2d({
        name: 'conv1',
        inputShape: [IMAGE_SIDE, IMAGE_SIDE, 1],
        filters: shape.filters1,
        kernelSize: shape.kernel,
        padding: shape.padding,
        activation: 'relu',
        ...initializers(seed, true),
      }),
      tf.layers.maxPooling2d({ name: 'pool1', poolSize: POOL }),
      tf.layers.conv2d({
        name: 'conv2',
        filters: shape.filters2,
        kernelSize: shape.kernel,
        padding: shape.padding,
        activation: 'relu',
        ...initializers(seed + 1, true),
      }),
      tf.layers.maxPooling2d({ name: 'pool2', poolSize: POOL }),
      tf.layers.flatten({ name: 'flatten' }),
      tf.layers.dense({ name: 'dense', units: CLASSES, ...initializers(seed + 2, false) }),
    ],
  });
}

export function buildDense(hidden: number, seed: number): tf.Sequential {
  return tf.sequential({
    name: 'dense_mnist',
    layers: [
      tf.layers.flatten({ name: 'flatten', inputShape: [IMAGE_SIDE, IMAGE_SIDE, 1] }),
      tf.layers.dense({ name: 'hidden', units: hidden, activation: 'relu', ...initializers(seed, true) }),
      tf.layers.dense({ name: 'dense', units: CLASSES, ...initializers(seed + 1, false) }),
    ],
  });
}
