import { expect, ready, test, widget } from './fixtures';

test('after one visit the course opens and trains offline', async ({ page, context }) => {
  await page.goto('/en/');
  await expect(page.locator('[data-offline=ready]')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  await context.setOffline(true);
  // A page never opened before, in the other language, with the lesson chunk and the worker from the cache.
  await page.goto('/zh/linear-regression');
  await expect(page.locator('article .katex-display').first()).toBeVisible();
  const w = widget(page);
  await ready(w);
  await expect(w.locator('[data-backend]')).toHaveText('wasm');
  for (let i = 1; i <= 3; i++) {
    await w.locator('[data-action=step]').click();
    await expect(w).toHaveAttribute('data-step', String(i));
  }
  await page.goto('/en/glossary');
  await expect(page.locator('.glossary-entry').first()).toBeVisible();
  await context.setOffline(false);
});

test('course data is not precached: the MNIST files are saved when first fetched, in a cache of their own, and work offline', async ({
  page,
  context,
}) => {
  const sw = await (await page.request.get('/sw.js')).text();
  const precache: string[] = JSON.parse(/const PRECACHE = (\[[^\]]*\]);/.exec(sw)![1]);
  expect(precache).toContain('/index.html');
  expect(precache.filter((path) => path.startsWith('/data/'))).toEqual([]);

  await page.goto('/en/');
  await expect(page.locator('[data-offline=ready]')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const saved = () =>
    page.evaluate(async () => {
      const entries: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys())
          if (new URL(request.url).pathname.startsWith('/data/')) entries.push(`${name} ${request.url.replace(location.origin, '')}`);
      return entries.sort();
    });
  expect(await saved()).toEqual([]);

  // As the lesson's loader asks: the manifest, then each file with its version in the query.
  const fetchTest = () =>
    page.evaluate(async () => {
      const manifest = await (await fetch('/data/mnist/manifest.json')).json();
      const response = await fetch(`/data/mnist/test.bin.gz?v=${manifest.test.sha256.slice(0, 16)}`);
      // The full file: gzip as sent, or unzipped on the way where the server says Content-Encoding: gzip.
      const length = (await response.arrayBuffer()).byteLength;
      return [response.status, length === manifest.test.bytes || length === manifest.test.rawBytes, manifest.test.sha256.slice(0, 16)];
    });
  const [status, complete, version] = await fetchTest();
  expect([status, complete]).toEqual([200, true]);
  expect(await saved()).toEqual(['course-data-v1 /data/mnist/manifest.json', `course-data-v1 /data/mnist/test.bin.gz?v=${version}`]);

  await context.setOffline(true);
  expect(await fetchTest()).toEqual([200, true, version]);
  await context.setOffline(false);
});
