/**
 * The small CNN of lesson 10 and the dense network trained beside it, described without tfjs: every
 * layer's output shape and parameter count (the formulas the lesson teaches), and where each weight sits
 * in the flat state the worker sends to the page.
 */

export type Padding = 'valid' | 'same';

export interface CnnShape {
  filters1: number;
  filters2: number;
  /** The side F of both convolutions' square kernels. */
  kernel: number;
  padding: Padding;
}

export const IMAGE_SIDE = 28;
export const CLASSES = 10;
export const POOL = 2;

/** The zero padding P on each side: none for `valid`, (F − 1)/2 for `same` (F odd, stride 1). */
export function paddingOf(kernel: number, padding: Padding): number {
  return padding === 'same' ? (kernel - 1) / 2 : 0;
}

/** A convolution's output side, ⌊(W − F + 2P)/S⌋ + 1. */
export function convOutputSide(input: number, kernel: number, pad: number, stride = 1): number {
  return Math.floor((input - kernel + 2 * pad) / stride) + 1;
}

/** Weights of a convolution: F·F·C_in·C_out, plus one bias per output channel. */
export function convParams(kernel: number, inChannels: number, outChannels: number): number {
  return kernel * kernel * inChannels * outChannels + outChannels;
}

export function denseParams(inputs: number, outputs: number): number {
  return inputs * outputs + outputs;
}

export type LayerKind = 'input' | 'conv' | 'pool' | 'flatten' | 'dense';

export interface LayerRow {
  name: 'input' | 'conv1' | 'pool1' | 'conv2' | 'pool2' | 'flatten' | 'dense' | 'hidden';
  kind: LayerKind;
  /** Height × width × channels for images, [units] after flattening. */
  shape: number[];
  params: number;
}

export function cnnLayers(cnn: CnnShape): LayerRow[] {
  const pad = paddingOf(cnn.kernel, cnn.padding);
  const conv1 = convOutputSide(IMAGE_SIDE, cnn.kernel, pad);
  const pool1 = Math.floor(conv1 / POOL);
  const conv2 = convOutputSide(pool1, cnn.kernel, pad);
  const pool2 = Math.floor(conv2 / POOL);
  const flat = pool2 * pool2 * cnn.filters2;
  return [
    { name: 'input', kind: 'input', shape: [IMAGE_SIDE, IMAGE_SIDE, 1], params: 0 },
    { name: 'conv1', kind: 'conv', shape: [conv1, conv1, cnn.filters1], params: convParams(cnn.kernel, 1, cnn.filters1) },
    { name: 'pool1', kind: 'pool', shape: [pool1, pool1, cnn.filters1], params: 0 },
    { name: 'conv2', kind: 'conv', shape: [conv2, conv2, cnn.filters2], params: convParams(cnn.kernel, cnn.filters1, cnn.filters2) },
    { name: 'pool2', kind: 'pool', shape: [pool2, pool2, cnn.filters2], params: 0 },
    { name: 'flatten', kind: 'flatten', shape: [flat], params: 0 },
    { name: 'dense', kind: 'dense', shape: [CLASSES], params: denseParams(flat, CLASSES) },
  ];
}

/** The CNN fits in 28 × 28 only if every layer keeps at least one pixel. */
export function cnnFits(cnn: CnnShape): boolean {
  return cnnLayers(cnn).every((layer) => layer.shape.every((side) => side >= 1));
}

export function totalParams(layers: readonly LayerRow[]): number {
  return layers.reduce((sum, layer) => sum + layer.params, 0);
}

/** The hidden width h of a 784 → h → 10 network with about `params` parameters: 795·h + 10 ≈ params. */
export function denseHiddenUnits(params: number): number {
  const inputs = IMAGE_SIDE * IMAGE_SIDE;
  return Math.max(1, Math.round((params - CLASSES) / (inputs + 1 + CLASSES)));
}

export function denseLayers(hidden: number): LayerRow[] {
  const inputs = IMAGE_SIDE * IMAGE_SIDE;
  return [
    { name: 'input', kind: 'input', shape: [IMAGE_SIDE, IMAGE_SIDE, 1], params: 0 },
    { name: 'flatten', kind: 'flatten', shape: [inputs], params: 0 },
    { name: 'hidden', kind: 'dense', shape: [hidden], params: denseParams(inputs, hidden) },
    { name: 'dense', kind: 'dense', shape: [CLASSES], params: denseParams(hidden, CLASSES) },
  ];
}

export interface WeightSlot {
  name: string;
  shape: number[];
  offset: number;
  size: number;
}

function slots(entries: [string, number[]][], start = 0): WeightSlot[] {
  let offset = start;
  return entries.map(([name, shape]) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const slot = { name, shape, offset, size };
    offset += size;
    return slot;
  });
}

/** tfjs's order and layout: kernels [F, F, C_in, C_out] and [inputs, units], then the bias. */
export function cnnWeightShapes(cnn: CnnShape): [string, number[]][] {
  const flat = cnnLayers(cnn)[5].shape[0];
  return [
    ['conv1/kernel', [cnn.kernel, cnn.kernel, 1, cnn.filters1]],
    ['conv1/bias', [cnn.filters1]],
    ['conv2/kernel', [cnn.kernel, cnn.kernel, cnn.filters1, cnn.filters2]],
    ['conv2/bias', [cnn.filters2]],
    ['dense/kernel', [flat, CLASSES]],
    ['dense/bias', [CLASSES]],
  ];
}

export function denseWeightShapes(hidden: number): [string, number[]][] {
  return [
    ['hidden/kernel', [IMAGE_SIDE * IMAGE_SIDE, hidden]],
    ['hidden/bias', [hidden]],
    ['dense/kernel', [hidden, CLASSES]],
    ['dense/bias', [CLASSES]],
  ];
}

/**
 * The flat state the worker sends after each tick: the CNN's weights, the dense network's (absent when it
 * is not trained), the last step's gradient of the first layer's kernel, and the CNN's predicted class for
 * every test digit at its last evaluation (−1 before the first), and the step that evaluation measured.
 */
export interface StateLayout {
  cnn: WeightSlot[];
  dense: WeightSlot[];
  filterGradient: WeightSlot;
  predictions: WeightSlot;
  evaluatedAt: WeightSlot;
  size: number;
}

export function stateLayout(cnn: CnnShape, denseHidden: number | null, testCount: number): StateLayout {
  const cnnSlots = slots(cnnWeightShapes(cnn));
  const afterCnn = cnnSlots[cnnSlots.length - 1].offset + cnnSlots[cnnSlots.length - 1].size;
  const denseSlots = denseHidden === null ? [] : slots(denseWeightShapes(denseHidden), afterCnn);
  const afterDense = denseSlots.length ? denseSlots[denseSlots.length - 1].offset + denseSlots[denseSlots.length - 1].size : afterCnn;
  const [gradient, predictions, evaluatedAt] = slots(
    [
      ['conv1/kernel-gradient', [cnn.kernel, cnn.kernel, 1, cnn.filters1]],
      ['predictions', [testCount]],
      ['evaluated-at', [1]],
    ],
    afterDense,
  );
  return { cnn: cnnSlots, dense: denseSlots, filterGradient: gradient, predictions, evaluatedAt, size: evaluatedAt.offset + 1 };
}

export function slotValues(state: Float32Array, slot: WeightSlot): Float32Array {
  return state.subarray(slot.offset, slot.offset + slot.size);
}
