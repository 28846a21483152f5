/**
 * The serving widget on lesson 15 in both languages: a real server in a worker answers every request of a
 * burst, its measured percentiles come out ordered, a larger batch size raises the throughput of the same
 * burst, and a rollback sends all traffic to the stable version. Timings are measured, so the tests assert
 * orderings, never values. fixtures.ts fails any test that logs an error.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, numberAttr, slide, test, widget } from './fixtures';

const ID = 'serving';
const LANGS = ['en', 'zh'] as const;

async function open(page: Page, lang: string, query = '') {
  await page.goto(`/${lang}/model-as-a-service${query ? `?${query}` : ''}`);
  const w = widget(page, ID);
  await w.scrollIntoViewIfNeeded();
  // The digits download, the model trains for a few seconds, then the server is ready.
  await expect(w).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  return w;
}

async function burst(w: Locator, requests: number) {
  await w.locator('[data-action=play]').click();
  await expect(w).toHaveAttribute('data-requests', String(requests));
  await expect(w).toHaveAttribute('data-answered', String(requests), { timeout: 30_000 });
  await expect(w).toHaveAttribute('data-state', 'idle');
}

for (const lang of LANGS) {
  test(`${lang}: a burst is answered in full, with ordered percentiles and a throughput`, async ({ page }) => {
    const w = await open(page, lang, 'serving.requests=200&serving.canary=0');
    await burst(w, 200);
    const [p50, p95, p99] = [await numberAttr(w, 'data-p50'), await numberAttr(w, 'data-p95'), await numberAttr(w, 'data-p99')];
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThanOrEqual(p95);
    expect(p95).toBeLessThanOrEqual(p99);
    expect(await numberAttr(w, 'data-throughput')).toBeGreaterThan(0);
    await expect(w.locator('[data-chart=latency] svg')).toHaveCount(1);
    await expect(w.locator('tr[data-version=stable] td').first()).toHaveText('200');
    // Reset clears the measurements.
    await w.locator('[data-action=reset]').click();
    await expect(w).toHaveAttribute('data-answered', '0');
    await expect(w).not.toHaveAttribute('data-p50', /./);
  });

  test(`${lang}: a larger batch size raises the throughput of a burst`, async ({ page }) => {
    const w = await open(page, lang, 'serving.requests=300&serving.canary=0&serving.maxBatch=1');
    await burst(w, 300);
    const one = await numberAttr(w, 'data-throughput');
    expect(await slide(w, 'maxBatch', 'End')).toBe(64);
    await burst(w, 300);
    const many = await numberAttr(w, 'data-throughput');
    expect(many).toBeGreaterThan(one);
  });

  test(`${lang}: the canary takes a share of the traffic, and a rollback sends it all to stable`, async ({ page }) => {
    const w = await open(page, lang, 'serving.requests=400&serving.canary=50');
    await burst(w, 400);
    expect(await numberAttr(w, 'data-canary-answered')).toBeGreaterThan(100);
    expect(await numberAttr(w, 'data-stable-answered')).toBeGreaterThan(100);
    await w.locator('[data-action=rollback]').click();
    await expect(w.locator('input[data-param=canary]')).toHaveAttribute('aria-valuetext', /^0/);
    await burst(w, 400);
    expect(await numberAttr(w, 'data-canary-answered')).toBe(0);
    expect(await numberAttr(w, 'data-stable-answered')).toBe(400);
    await expect(w.locator('[data-action=rollback]')).toBeDisabled();
  });
}

test('en: the sweep measures every batch size, and throughput at 64 beats 1', async ({ page }) => {
  const w = await open(page, 'en', 'serving.requests=200&serving.canary=0&serving.maxBatch=4');
  await w.locator('[data-action=sweep]').click();
  await expect(w).toHaveAttribute('data-sweep', /^1:.*,64:/, { timeout: 60_000 });
  await expect(w).toHaveAttribute('data-state', 'idle');
  const points = (await w.getAttribute('data-sweep'))!.split(',').map((p) => p.split(':').map(Number));
  expect(points.map(([size]) => size)).toEqual([1, 2, 4, 8, 16, 32, 64]);
  expect(points[6][1]).toBeGreaterThan(points[0][1]);
  await expect(w.locator('[data-chart=sweep] svg')).toHaveCount(1);
  // The settings come back after the sweep.
  await expect(w.locator('input[data-param=maxBatch]')).toHaveAttribute('aria-valuetext', /^4/);
});

test('en: model files that do not load are refused in words, and the server goes on', async ({ page }) => {
  const w = await open(page, 'en', 'serving.requests=50&serving.canary=0');
  await w.locator('[data-action=open-model]').setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"modelTopology": {}, "weightsManifest": []}') },
    { name: 'cnn-mnist.weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(16) },
  ]);
  await expect(w.locator('.widget-alert[role=alert]')).toContainText('did not open');
  await expect(w).toHaveAttribute('data-ready', 'true');
  await burst(w, 50);
});

test('en: lesson 10’s downloaded files become the canary, and answer their share', async ({ page }) => {
  // A CNN of lesson 10's architecture saved the way its Save button saves (model.json and one weights file).
  const tf = await import('@tensorflow/tfjs');
  const { buildCnn } = await import('../../src/ml/cnn-mnist/models');
  const { exportModel } = await import('../../src/ml/cnn-mnist/export');
  await tf.setBackend('cpu');
  const { value } = await exportModel(buildCnn({ filters1: 4, filters2: 8, kernel: 5, padding: 'same' }, 1));
  const w = await open(page, 'en', 'serving.requests=200&serving.canary=50');
  await w.locator('[data-action=open-model]').setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(value.modelJson) },
    { name: 'cnn-mnist.weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(value.weights) },
  ]);
  await expect(w.locator('tr[data-version=canary] th')).toContainText('the model files you opened');
  await burst(w, 200);
  expect(await numberAttr(w, 'data-canary-answered')).toBeGreaterThan(50);
});
