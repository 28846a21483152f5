import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeMnist, PIXELS, type MnistSet } from '../../src/ml/mnist/format';
import type { MnistFileEntry, MnistManifest } from '../../src/ml/mnist/manifest';
import { clearMnistCache, loadMnist } from '../../src/widgets/cnn-mnist/load-mnist';

const BASE = 'http://course.test/';

/** A small set: digit i of file f has label (i + f) % 10 and pseudo-random pixels (so the gzip file has some size). */
function makeSet(count: number, f: number): MnistSet {
  const labels = Uint8Array.from({ length: count }, (_, i) => (i + f) % 10);
  let state = f + 1;
  const images = Uint8Array.from({ length: count * PIXELS }, () => (state = (state * 1103515245 + 12345) % 2 ** 31) >> 23);
  return { count, labels, images };
}

interface FakeSite {
  files: Map<string, Uint8Array>;
  manifest: MnistManifest;
  sets: { train: MnistSet[]; test: MnistSet };
  requests: string[];
  /** Most requests running at once. */
  peak: number;
  /** Per path: a status to answer with instead. */
  status: Map<string, number>;
}

/** Five shards of 6 digits and a test set of 4, served by a stubbed fetch in chunks of 1,000 bytes. */
function fakeSite(): FakeSite {
  const files = new Map<string, Uint8Array>();
  const entry = (file: string, set: MnistSet): MnistFileEntry => {
    const raw = encodeMnist(set);
    const gz = new Uint8Array(gzipSync(raw));
    files.set(file, gz);
    const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    return { file, count: set.count, bytes: gz.length, sha256: sha256(gz), rawBytes: raw.length, rawSha256: sha256(raw) };
  };
  const train = [0, 1, 2, 3, 4].map((i) => makeSet(6, i + 1));
  const test = makeSet(4, 0);
  const manifest: MnistManifest = {
    shards: train.map((set, i) => entry(`train-${i}.bin.gz`, set)),
    test: entry('test.bin.gz', test),
    licence: { name: 'CC BY-SA 3.0', url: '', source: '', file: 'LICENSE.txt' },
  };
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  const site: FakeSite = { files, manifest, sets: { train, test }, requests: [], peak: 0, status: new Map() };
  let running = 0;
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    const url = new URL(input);
    const name = url.pathname.replace('/data/mnist/', '');
    site.requests.push(`${name}${url.search}`);
    init?.signal?.throwIfAborted();
    const status = site.status.get(name);
    const bytes = site.files.get(name);
    if (status || !bytes) return new Response('no', { status: status ?? 404, statusText: status ? 'Teapot' : 'Not Found' });
    running++;
    site.peak = Math.max(site.peak, running);
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        if (init?.signal?.aborted) {
          running--;
          controller.error(init.signal.reason);
          return;
        }
        controller.enqueue(bytes.slice(at, at + 1000));
        at += 1000;
        if (at >= bytes.length) {
          running--;
          controller.close();
        }
      },
    });
    return new Response(body, { status: 200 });
  });
  return site;
}

const sameSet = (a: MnistSet, b: MnistSet) => {
  expect(a.count).toBe(b.count);
  expect(Buffer.compare(a.labels, b.labels)).toBe(0);
  expect(Buffer.compare(a.images, b.images)).toBe(0);
};

beforeEach(() => clearMnistCache());
afterEach(() => vi.unstubAllGlobals());

describe('loadMnist', () => {
  it('loads the test set and the first shards in order, two at a time, reporting compressed bytes', async () => {
    const site = fakeSite();
    const progress: [number, number][] = [];
    const { train, test } = await loadMnist({ shards: 3, base: BASE, onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(site.requests).toEqual([
      'manifest.json',
      `test.bin.gz?v=${site.manifest.test.sha256.slice(0, 16)}`,
      ...[0, 1, 2].map((i) => `train-${i}.bin.gz?v=${site.manifest.shards[i].sha256.slice(0, 16)}`),
    ]);
    expect(site.peak).toBe(2);
    sameSet(test, site.sets.test);
    expect(train.count).toBe(18);
    expect(Array.from(train.labels)).toEqual([...[1, 2, 3, 4, 5, 6], ...[2, 3, 4, 5, 6, 7], ...[3, 4, 5, 6, 7, 8]]);
    sameSet({ count: 6, labels: train.labels.subarray(12), images: train.images.subarray(12 * PIXELS) }, site.sets.train[2]);

    const total = site.manifest.test.bytes + site.manifest.shards.slice(0, 3).reduce((sum, shard) => sum + shard.bytes, 0);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([loaded, t], i) => t === total && loaded <= total && (i === 0 || loaded >= progress[i - 1][0]))).toBe(true);
    expect(progress.length).toBeGreaterThan(5);
  });

  it('keeps loaded files: the same call fetches nothing, more shards fetch only the new ones, and results are copies', async () => {
    const site = fakeSite();
    const first = await loadMnist({ shards: 2, base: BASE });
    first.train.images.fill(0);
    first.test.labels.fill(9);
    site.requests.length = 0;
    const progress: number[] = [];
    const again = await loadMnist({ shards: 2, base: BASE, onProgress: (loaded, total) => progress.push(loaded / total) });
    expect(site.requests).toEqual([]);
    expect(progress).toEqual([1]);
    sameSet(again.test, site.sets.test);
    sameSet(
      { count: 6, labels: again.train.labels.subarray(0, 6), images: again.train.images.subarray(0, 6 * PIXELS) },
      site.sets.train[0],
    );

    const more = await loadMnist({ shards: 4, base: BASE });
    expect(site.requests.map((request) => request.split('?')[0])).toEqual(['train-2.bin.gz', 'train-3.bin.gz']);
    expect(more.train.count).toBe(24);
    sameSet({ count: 6, labels: more.train.labels.subarray(18), images: more.train.images.subarray(18 * PIXELS) }, site.sets.train[3]);
  });

  it('shares a download between calls made at the same time', async () => {
    const site = fakeSite();
    const [a, b] = await Promise.all([loadMnist({ shards: 1, base: BASE }), loadMnist({ shards: 2, base: BASE })]);
    expect(site.requests.filter((request) => request.startsWith('train-0')).length).toBe(1);
    expect(site.requests.filter((request) => request.startsWith('test')).length).toBe(1);
    expect([a.train.count, b.train.count]).toEqual([6, 12]);
  });

  it('names the file and the HTTP status when a request fails, and tries again on the next call', async () => {
    const site = fakeSite();
    site.status.set('train-1.bin.gz', 418);
    await expect(loadMnist({ shards: 2, base: BASE })).rejects.toThrow(
      /^MNIST: http:\/\/course\.test\/data\/mnist\/train-1\.bin\.gz\?v=[0-9a-f]{16} answered HTTP 418 Teapot$/,
    );
    site.status.clear();
    site.requests.length = 0;
    await expect(loadMnist({ shards: 2, base: BASE })).resolves.toBeDefined();
    expect(site.requests.map((request) => request.split('?')[0])).toEqual(['train-1.bin.gz']);

    clearMnistCache();
    site.status.set('manifest.json', 404);
    await expect(loadMnist({ shards: 1, base: BASE })).rejects.toThrow(/manifest\.json answered HTTP 404/);
  });

  it('rejects a file whose SHA-256 differs from the manifest, naming it', async () => {
    const site = fakeSite();
    const gz = site.files.get('test.bin.gz')!.slice();
    gz[gz.length - 5] ^= 1;
    site.files.set('test.bin.gz', gz);
    await expect(loadMnist({ shards: 1, base: BASE })).rejects.toThrow(/MNIST: test\.bin\.gz is damaged or out of date \(SHA-256/);
  });

  it('accepts a file the host already unzipped (Content-Encoding: gzip), checked against the raw SHA-256, and rejects one that is not MNIST', async () => {
    const site = fakeSite();
    site.files.set('train-0.bin.gz', encodeMnist(site.sets.train[0]));
    const progress: number[] = [];
    const { train } = await loadMnist({ shards: 1, base: BASE, onProgress: (loaded, total) => progress.push(loaded / total) });
    sameSet(train, site.sets.train[0]);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((fraction) => fraction <= 1)).toBe(true);

    clearMnistCache();
    const damaged = encodeMnist(site.sets.train[0]);
    damaged[100] ^= 1;
    site.files.set('train-0.bin.gz', damaged);
    await expect(loadMnist({ shards: 1, base: BASE })).rejects.toThrow(/MNIST: train-0\.bin\.gz is damaged or out of date/);

    clearMnistCache();
    site.files.set('train-0.bin.gz', new TextEncoder().encode('<!doctype html>'));
    await expect(loadMnist({ shards: 1, base: BASE })).rejects.toThrow(/train-0\.bin\.gz is damaged/);
    vi.stubGlobal('crypto', {}); // no Web Crypto (plain http): the format check still catches it
    await expect(loadMnist({ shards: 1, base: BASE })).rejects.toThrow(
      /bad magic.*in http:\/\/course\.test\/data\/mnist\/train-0\.bin\.gz/,
    );
  });

  it('stops on abort, and a later call starts the download afresh', async () => {
    const site = fakeSite();
    const controller = new AbortController();
    const loading = loadMnist({
      shards: 5,
      base: BASE,
      signal: controller.signal,
      onProgress: (loaded) => {
        if (loaded > 2000) controller.abort();
      },
    });
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
    const aborted = site.requests.length;
    expect(aborted).toBeLessThan(6);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(site.requests.length).toBe(aborted); // nothing more was fetched after the abort

    const { train } = await loadMnist({ shards: 5, base: BASE });
    expect(train.count).toBe(30);
    sameSet({ count: 6, labels: train.labels.subarray(24), images: train.images.subarray(24 * PIXELS) }, site.sets.train[4]);
    await expect(loadMnist({ shards: 1, base: BASE, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('asks for 1 to 5 shards', async () => {
    fakeSite();
    for (const shards of [0, 6, 1.5, NaN]) await expect(loadMnist({ shards, base: BASE })).rejects.toThrow(RangeError);
  });
});
