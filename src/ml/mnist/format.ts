/**
 * The course's compact MNIST file (tfjs-free, DOM-free: it runs in the build, in workers and in Node tests).
 *
 *   bytes 0–3    'MNU8'
 *   bytes 4–7    count, uint32 little-endian
 *   byte  8, 9   rows, cols (28, 28)
 *   bytes 10–11  zero
 *   then         count label bytes (0–9), then count · 784 pixel bytes (0–255, row-major; 0 is background)
 *
 * `parseIdx` reads the original IDX files (big-endian header, magic 2051 for images and 2049 for labels).
 */

export const IMAGE_SIZE = 28;
export const PIXELS = IMAGE_SIZE * IMAGE_SIZE;
export const HEADER_BYTES = 12;

const MAGIC = [0x4d, 0x4e, 0x55, 0x38]; // 'MNU8'
const IDX_IMAGES = 2051;
const IDX_LABELS = 2049;

export interface MnistSet {
  count: number;
  /** One label 0–9 per digit. */
  labels: Uint8Array;
  /** count · 784 pixel values, digit after digit, row-major. */
  images: Uint8Array;
}

function checkSet(set: MnistSet) {
  if (!Number.isInteger(set.count) || set.count < 0) throw new Error(`MNIST: bad count ${set.count}`);
  if (set.labels.length !== set.count) throw new Error(`MNIST: ${set.labels.length} labels for ${set.count} digits`);
  if (set.images.length !== set.count * PIXELS)
    throw new Error(`MNIST: ${set.images.length} pixel bytes for ${set.count} digits (expected ${set.count * PIXELS})`);
  checkLabels(set.labels);
}

function checkLabels(labels: Uint8Array) {
  for (let i = 0; i < labels.length; i++) if (labels[i] > 9) throw new Error(`MNIST: label ${labels[i]} of digit ${i} is not 0–9`);
}

export function encodeMnist(set: MnistSet): Uint8Array {
  checkSet(set);
  const bytes = new Uint8Array(HEADER_BYTES + set.count * (1 + PIXELS));
  bytes.set(MAGIC, 0);
  new DataView(bytes.buffer).setUint32(4, set.count, true);
  bytes[8] = IMAGE_SIZE;
  bytes[9] = IMAGE_SIZE;
  bytes.set(set.labels, HEADER_BYTES);
  bytes.set(set.images, HEADER_BYTES + set.count);
  return bytes;
}

/** Reads a compact file. The returned arrays are views into `bytes` (no copy). */
export function decodeMnist(bytes: Uint8Array): MnistSet {
  if (bytes.length < HEADER_BYTES) throw new Error(`MNIST: file too short for its header (${bytes.length} bytes)`);
  if (!MAGIC.every((byte, i) => bytes[i] === byte)) throw new Error('MNIST: bad magic (expected "MNU8")');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  if (bytes[8] !== IMAGE_SIZE || bytes[9] !== IMAGE_SIZE)
    throw new Error(`MNIST: images are ${bytes[8]}×${bytes[9]}, expected ${IMAGE_SIZE}×${IMAGE_SIZE}`);
  const expected = HEADER_BYTES + count * (1 + PIXELS);
  if (bytes.length !== expected) throw new Error(`MNIST: wrong length ${bytes.length} for ${count} digits (expected ${expected})`);
  const labels = bytes.subarray(HEADER_BYTES, HEADER_BYTES + count);
  checkLabels(labels);
  return { count, labels, images: bytes.subarray(HEADER_BYTES + count) };
}

export function concatSets(sets: readonly MnistSet[]): MnistSet {
  const count = sets.reduce((sum, set) => sum + set.count, 0);
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * PIXELS);
  let at = 0;
  for (const set of sets) {
    checkSet(set);
    labels.set(set.labels, at);
    images.set(set.images, at * PIXELS);
    at += set.count;
  }
  return { count, labels, images };
}

/** Digits `start` … `end - 1` of a set, as views (no copy). */
export function sliceSet(set: MnistSet, start: number, end: number): MnistSet {
  const labels = set.labels.subarray(start, end);
  return { count: labels.length, labels, images: set.images.subarray(start * PIXELS, (start + labels.length) * PIXELS) };
}

function idxHeader(bytes: Uint8Array, magic: number, what: string, headerBytes: number): DataView {
  if (bytes.length < headerBytes) throw new Error(`IDX ${what}: file too short (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0, false);
  if (found !== magic) throw new Error(`IDX ${what}: bad magic ${found} (expected ${magic})`);
  return view;
}

/** Reads MNIST's IDX files (images: magic 2051, count, 28, 28; labels: magic 2049, count). Copies nothing. */
export function parseIdx(images: Uint8Array, labels: Uint8Array): MnistSet {
  const imageView = idxHeader(images, IDX_IMAGES, 'images', 16);
  const labelView = idxHeader(labels, IDX_LABELS, 'labels', 8);
  const count = imageView.getUint32(4, false);
  const rows = imageView.getUint32(8, false);
  const cols = imageView.getUint32(12, false);
  if (rows !== IMAGE_SIZE || cols !== IMAGE_SIZE) throw new Error(`IDX images: ${rows}×${cols}, expected ${IMAGE_SIZE}×${IMAGE_SIZE}`);
  const labelCount = labelView.getUint32(4, false);
  if (labelCount !== count) throw new Error(`IDX: ${count} images but ${labelCount} labels`);
  if (images.length !== 16 + count * PIXELS) throw new Error(`IDX images: wrong length ${images.length} for ${count} images`);
  if (labels.length !== 8 + count) throw new Error(`IDX labels: wrong length ${labels.length} for ${count} labels`);
  const set = { count, labels: labels.subarray(8), images: images.subarray(16) };
  checkLabels(set.labels);
  return set;
}
