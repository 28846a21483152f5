import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, slide, test, widget } from './fixtures';

// Until lesson 08 places it, the widget is tested on the gallery page, which shows every registered widget.
const ID = 'normalization';
const BUDGET = 400;

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the normalization widget`, () => {
    test('at the same rate the standardized run converges in tens of steps while the raw one crawls; a link reproduces it', async ({
      page,
    }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=20`);
      const w = widget(page, ID);
      await ready(w);
      await w.locator('[data-action=step]').click();
      await expect(w).toHaveAttribute('data-step', '1');
      const first = await numberAttr(w, 'data-loss');
      await playToBudget(w, BUDGET);
      expect(await numberAttr(w, 'data-loss')).toBeLessThan(first / 5);
      const raw = w.locator('tr[data-run=raw]');
      const scaled = w.locator('tr[data-run=scaled]');
      expect(Number(await scaled.getAttribute('data-reached'))).toBeGreaterThan(5);
      expect(Number(await scaled.getAttribute('data-reached'))).toBeLessThanOrEqual(30);
      await expect(raw).toHaveAttribute('data-reached', '');
      await expect(raw).toHaveAttribute('data-out', '');
      expect(Number(await raw.locator('[data-value=condition]').textContent())).toBeGreaterThan(1000);
      expect(Number(await scaled.locator('[data-value=condition]').textContent())).toBeLessThan(1.5);
      await expect(w.locator('.loss-plot[data-curves="2"]')).toHaveCount(1);
      await expect(w.locator('figure[data-run] canvas')).toHaveCount(2);
      await expectAllFinite(w);
      await expectLinkReproduces(w, ID, BUDGET);
    });

    test('the outlier makes the raw run diverge alone; min–max slows down; a link keeps the switches', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=20`);
      const w = widget(page, ID);
      await ready(w);
      await w.locator('input[data-param=outlier]').check();
      await ready(w);
      await expect(w.locator('figure[data-outlier="1"]')).toHaveCount(1);
      await playToBudget(w, BUDGET);
      const raw = w.locator('tr[data-run=raw]');
      const scaled = w.locator('tr[data-run=scaled]');
      expect(Number(await raw.getAttribute('data-out'))).toBeGreaterThan(0);
      expect(Number(await raw.getAttribute('data-out'))).toBeLessThan(20);
      await expect(w.locator('figure[data-run=raw] [role=alert]')).toBeVisible();
      await expect(w.locator('figure[data-run=scaled] [role=alert]')).toHaveCount(0);
      expect(Number(await scaled.getAttribute('data-reached'))).toBeLessThanOrEqual(30);
      await expectAllFinite(w);

      await w.locator('select[data-param=scaling]').selectOption('minmax');
      await ready(w);
      expect(Number(await scaled.locator('[data-value=condition]').textContent())).toBeGreaterThan(50);
      await playToBudget(w, BUDGET);
      await expect(scaled).toHaveAttribute('data-reached', '');
      await expect(scaled).toHaveAttribute('data-out', '');
      await expectLinkReproduces(w, ID, BUDGET, [`${ID}.outlier=on`, `${ID}.scaling=minmax`]);
    });

    test('the largest learning rate takes both runs out, with the standard message; Reset recovers', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=20`);
      const w = widget(page, ID);
      await ready(w);
      expect(await slide(w, 'lr', 'End')).toBe(3);
      await w.locator('[data-action=play]').click();
      await expect(w).toHaveAttribute('data-state', 'diverged');
      await expect(w.locator('[data-message]')).toHaveText(lang === 'en' ? /Both runs diverged/ : /两次训练都发散了/);
      await expect(w.locator('[role=alert][data-run-out]')).toHaveCount(2);
      await expectAllFinite(w);
      await w.locator('[data-action=reset]').click();
      await ready(w);
      await expect(w.locator('[role=alert][data-run-out]')).toHaveCount(0);
    });
  });
}
