/**
 * The built site serves lesson 13's corpora (data/corpora/, made by src/app/vite-plugin-corpora.ts), and the
 * page's loader (src/widgets/tiny-gpt/load-corpus.ts) reads them in Chromium, from vite preview (which sends
 * the .gz files with Content-Encoding: gzip) and from a host that sends the gzip bytes. Until a page imports
 * the loader, the test bundles it itself.
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

const DIST = join(import.meta.dirname, '../../dist/data/corpora');

test('data/corpora/ serves the manifest, the licence and the four gzip texts, each as the manifest describes it', async ({ page }) => {
  await page.goto('/en/');
  const found = await page.evaluate(async () => {
    const hex = async (bytes: Uint8Array) =>
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)), (byte) =>
        byte.toString(16).padStart(2, '0'),
      ).join('');
    const manifest = await (await fetch('/data/corpora/manifest.json')).json();
    const files = [];
    for (const id of ['quatrains', 'shakespeare'])
      for (const part of ['train', 'heldOut']) {
        const entry = manifest.corpora[id][part];
        const response = await fetch(`/data/corpora/${entry.file}`);
        const body = new Uint8Array(await response.arrayBuffer());
        // vite preview sends Content-Encoding: gzip and the browser unzips on the way; a plain host sends gzip bytes.
        const gzip = body[0] === 0x1f && body[1] === 0x8b;
        const text = new Uint8Array(
          await new Response(gzip ? new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip')) : body).arrayBuffer(),
        );
        const expected = gzip ? [entry.bytes, entry.sha256] : [entry.rawBytes, entry.rawSha256];
        files.push({
          file: entry.file,
          status: response.status,
          bodyAsInManifest: body.length === expected[0] && (await hex(body)) === expected[1],
          textAsInManifest: text.length === entry.rawBytes && (await hex(text)) === entry.rawSha256,
          lines: entry.lines,
        });
      }
    const licence = await fetch('/data/corpora/LICENSE.txt');
    const credits = await licence.text();
    return {
      files,
      licence: [
        licence.status,
        /chinese-poetry[\s\S]*MIT[\s\S]*opencc-js[\s\S]*Apache License/.test(credits),
        /karpathy\/char-rnn/.test(credits),
      ],
    };
  });
  const file = (name: string, lines: number) => ({ file: name, status: 200, bodyAsInManifest: true, textAsInManifest: true, lines });
  expect(found).toEqual({
    files: [
      file('quatrains-train.txt.gz', 3_339),
      file('quatrains-held-out.txt.gz', 371),
      file('shakespeare-train.txt.gz', 35_526),
      file('shakespeare-held-out.txt.gz', 4_474),
    ],
    licence: [200, true, true],
  });
});

/** Loads both corpora with the loader; what the page found. */
function loadBoth(page: Page) {
  return page.evaluate(async () => {
    const { loadCorpus } = (window as unknown as { CorpusLoader: typeof import('../../src/widgets/tiny-gpt/load-corpus') }).CorpusLoader;
    const hex = async (text: string) =>
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (byte) =>
        byte.toString(16).padStart(2, '0'),
      ).join('');
    const manifest = await (await fetch('/data/corpora/manifest.json')).json();
    const found: Record<string, unknown> = {};
    for (const id of ['quatrains', 'shakespeare'] as const) {
      const progress: number[][] = [];
      const texts = await loadCorpus(id, { onProgress: (loaded, total) => progress.push([loaded, total]) });
      const lines = texts.train.split('\n');
      found[id] = {
        shaMatches: [
          (await hex(texts.train)) === manifest.corpora[id].train.rawSha256,
          (await hex(texts.heldOut)) === manifest.corpora[id].heldOut.rawSha256,
        ],
        firstLine: lines[0],
        lines: [lines.length - 1, texts.heldOut.split('\n').length - 1],
        progressDone: progress.at(-1)![0] === progress.at(-1)![1],
      };
    }
    return found;
  });
}

const LOADED = {
  quatrains: {
    shaMatches: [true, true],
    firstLine: expect.stringMatching(/^(\p{Script=Han}{5}，\p{Script=Han}{5}。){2}$/u),
    lines: [3_339, 371],
    progressDone: true,
  },
  shakespeare: { shaMatches: [true, true], firstLine: 'First Citizen:', lines: [35_526, 4_474], progressDone: true },
};

test('loadCorpus returns texts whose SHA-256 is the manifest’s, as vite preview sends them and as a plain host does', async ({ page }) => {
  await page.goto('/en/');
  await addModule(page, 'src/widgets/tiny-gpt/load-corpus.ts', 'CorpusLoader');
  expect(await loadBoth(page)).toEqual(LOADED);

  // A host that sends application/gzip with no Content-Encoding: the loader unzips with DecompressionStream.
  let routed = 0;
  await page.route('**/data/corpora/*.txt.gz*', (route) => {
    routed++;
    return route.fulfill({
      contentType: 'application/gzip',
      body: readFileSync(join(DIST, new URL(route.request().url()).pathname.split('/').pop()!)),
    });
  });
  await page.reload();
  await addModule(page, 'src/widgets/tiny-gpt/load-corpus.ts', 'CorpusLoader');
  expect(await loadBoth(page)).toEqual(LOADED);
  expect(routed).toBe(4);
});
