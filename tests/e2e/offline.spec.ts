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
