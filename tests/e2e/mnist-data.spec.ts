/**
 * The built site serves lesson 10's MNIST files, and the page's loader (src/widgets/cnn-mnist/load-mnist.ts)
 * reads them in Chromium. Until a page imports the loader, the test bundles it itself and adds it to a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addModule } from './page-module';

// Served files, not the service worker's copies: page.route sees only what the page itself fetches.
// The loader is added as an inline script (page-module.ts), which the site's Content-Security-Policy refuses;
// these tests check the loader, csp.spec.ts the policy.
test.use({ serviceWorkers: 'block', bypassCSP: true });

test('data/mnist/ serves the manifest and a gzip test set that unzips in the browser to the 10,000 test digits', async ({ page }) => {
  await page.goto('/en/');
  const found = await page.evaluate(async () => {
    const manifest = await (await fetch('/data/mnist/manifest.json')).json();
    const response = await fetch(`/data/mnist/${manifest.test.file}`);
    const body = new Uint8Array(await response.arrayBuffer());
    // vite preview sends .gz files with Content-Encoding: gzip, and the browser unzips them on the way; a plain
    // static host sends the gzip bytes, which the page unzips.
    const gzip = body[0] === 0x1f && body[1] === 0x8b;
    const unzipped = gzip ? new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip')) : body;
    const bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
    const sha256 = Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
    const expected = gzip ? [manifest.test.bytes, manifest.test.sha256] : [manifest.test.rawBytes, manifest.test.rawSha256];
    const licence = await (await fetch('/data/mnist/LICENSE.txt')).text();
    return {
      status: response.status,
      encodingAsExpected: response.headers.get('content-encoding') === (gzip ? null : 'gzip'),
      bodyAsInManifest: body.length === expected[0] && sha256 === expected[1],
      shards: manifest.shards.map((shard: { count: number; bytes: number }) => [shard.count, shard.bytes > 1e6]),
      magic: String.fromCharCode(...bytes.subarray(0, 4)),
      header: [new DataView(bytes.buffer).getUint32(4, true), bytes[8], bytes[9], bytes[10], bytes[11]],
      length: bytes.length,
      firstLabels: Array.from(bytes.subarray(12, 22)),
      licence: /LeCun[\s\S]*CC BY-SA 3\.0/.test(licence),
    };
  });
  expect(found).toEqual({
    status: 200,
    encodingAsExpected: true,
    bodyAsInManifest: true,
    shards: [
      [12_000, true],
      [12_000, true],
      [12_000, true],
      [12_000, true],
      [12_000, true],
    ],
    magic: 'MNU8',
    header: [10_000, 28, 28, 0, 0],
    length: 12 + 10_000 * 785,
    firstLabels: [7, 2, 1, 0, 4, 1, 4, 9, 5, 9],
    licence: true,
  });
});

const addLoader = (page: Page) => addModule(page, 'src/widgets/cnn-mnist/load-mnist.ts', 'MnistLoader');

/** Loads two shards with the loader; what the page found, for comparison. */
function loadTwoShards(page: Page) {
  return page.evaluate(async () => {
    const { loadMnist } = (window as unknown as { MnistLoader: typeof import('../../src/widgets/cnn-mnist/load-mnist') }).MnistLoader;
    const progress: number[][] = [];
    const { train, test } = await loadMnist({ shards: 2, onProgress: (loaded, total) => progress.push([loaded, total]) });
    const pixelSum = (images: Uint8Array) => images.subarray(0, 784).reduce((sum, value) => sum + value, 0);
    return {
      counts: [train.count, test.count, train.images.length, test.images.length],
      firstLabels: [Array.from(train.labels.subarray(0, 10)), Array.from(test.labels.subarray(0, 10))],
      firstSums: [pixelSum(train.images), pixelSum(test.images)],
      // The 12,001st training digit is the first of shard 1.
      shard1Label: train.labels[12_000],
      progressDone: progress.at(-1)![0] === progress.at(-1)![1] && progress.length > 2,
    };
  });
}

const TWO_SHARDS = {
  counts: [24_000, 10_000, 24_000 * 784, 10_000 * 784],
  firstLabels: [
    [5, 0, 4, 1, 9, 2, 1, 3, 1, 4],
    [7, 2, 1, 0, 4, 1, 4, 9, 5, 9],
  ],
  firstSums: [27_525, 18_454],
  progressDone: true,
};

test('loadMnist reads the shards as vite preview sends them and as a plain host does (gzip bytes, unzipped in the page)', async ({
  page,
}) => {
  const dist = join(import.meta.dirname, '../../dist/data/mnist');
  const shard1 = readFileSync(join(dist, 'train-1.bin.gz'));
  const shard1Label = new Uint8Array(
    await new Response(new Blob([shard1]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer(),
  )[12];

  await page.goto('/en/');
  await addLoader(page);
  expect(await loadTwoShards(page)).toEqual({ ...TWO_SHARDS, shard1Label });

  // A host that sends application/gzip with no Content-Encoding: the loader unzips with DecompressionStream.
  await page.route('**/data/mnist/*.bin.gz*', (route) =>
    route.fulfill({
      contentType: 'application/gzip',
      body: readFileSync(join(dist, new URL(route.request().url()).pathname.split('/').pop()!)),
    }),
  );
  await page.reload();
  await addLoader(page);
  expect(await loadTwoShards(page)).toEqual({ ...TWO_SHARDS, shard1Label });
});
