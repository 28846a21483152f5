/** The built site serves lesson 10's MNIST files: the browser gets the test set and finds MNIST's first digits. */
import { expect, test } from './fixtures';

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
