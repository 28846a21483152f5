/**
 * The training and test digits as one byte array, the form in which the page hands them to the worker:
 * [training count, test count] as little-endian uint32, then the training labels, the test labels, the
 * training pixels and the test pixels (784 bytes a digit, 0 = background).
 */
export const PIXELS = 784;

export interface DigitSet {
  count: number;
  labels: Uint8Array;
  images: Uint8Array;
}

export function packDigits(train: DigitSet, test: DigitSet): Uint8Array {
  const bytes = new Uint8Array(8 + (train.count + test.count) * (1 + PIXELS));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, train.count, true);
  view.setUint32(4, test.count, true);
  let at = 8;
  for (const part of [train.labels, test.labels, train.images, test.images]) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

export function unpackDigits(bytes: Uint8Array): { train: DigitSet; test: DigitSet } {
  if (bytes.length < 8) throw new Error('MNIST data: too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const trainCount = view.getUint32(0, true);
  const testCount = view.getUint32(4, true);
  if (bytes.length !== 8 + (trainCount + testCount) * (1 + PIXELS)) throw new Error('MNIST data: the length does not match the counts');
  const labelsEnd = 8 + trainCount + testCount;
  return {
    train: {
      count: trainCount,
      labels: bytes.subarray(8, 8 + trainCount),
      images: bytes.subarray(labelsEnd, labelsEnd + trainCount * PIXELS),
    },
    test: {
      count: testCount,
      labels: bytes.subarray(8 + trainCount, labelsEnd),
      images: bytes.subarray(labelsEnd + trainCount * PIXELS),
    },
  };
}

/** Digits `indices` as floats in [0, 1], one after another (a batch in NHWC with one channel). */
export function gatherPixels(
  images: Uint8Array,
  indices: ArrayLike<number>,
  out = new Float32Array(indices.length * PIXELS),
): Float32Array {
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i] * PIXELS;
    for (let p = 0; p < PIXELS; p++) out[i * PIXELS + p] = images[from + p] / 255;
  }
  return out;
}
