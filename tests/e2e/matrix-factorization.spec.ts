import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, test, widget } from './fixtures';

// Lesson 14 (recommender) places this widget.
const ID = 'matrix-factorization';
const SCIFI = 25; // films 0–24 are the sci-fi ones

const items = async (w: import('@playwright/test').Locator, name: string) =>
  ((await w.getAttribute(name)) ?? '').split(',').filter(Boolean).map(Number);

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the matrix-factorization widget`, () => {
    test('trains: held-out RMSE falls below both baselines, the lists follow the model, the link reproduces the run', async ({ page }) => {
      await page.goto(`/${lang}/recommender?${ID}.steps=150&${ID}.speed=10`);
      const w = widget(page, ID);
      await ready(w);
      const globalMean = await numberAttr(w, 'data-global-mean');
      const biasOnly = await numberAttr(w, 'data-bias-only');
      const noise = await numberAttr(w, 'data-noise-level');
      expect(biasOnly).toBeLessThan(globalMean);
      expect(noise).toBeLessThan(biasOnly);
      await playToBudget(w, 150);
      const test = await numberAttr(w, 'data-test-rmse');
      expect(test).toBeLessThan(biasOnly);
      expect(test).toBeLessThan(1.1 * noise);
      await expect(w.locator('.loss-plot')).toHaveAttribute('data-curves', '2');
      // The user shown has eight recommendations; cosine ranks them another way.
      expect(await items(w, 'data-top')).toHaveLength(8);
      await expect(w.locator('.mf-list').first().locator('li')).toHaveCount(8);
      const byDot = await w.getAttribute('data-top');
      await w.locator('select[data-param=similarity]').selectOption('cosine');
      await expect(w).not.toHaveAttribute('data-top', byDot!);
      expect(page.url()).toContain(`${ID}.similarity=cosine`);
      await expectAllFinite(w);
      // The link's #matrix-factorization anchor names the widget alone (no heading's slug takes it).
      await expect(page.locator(`[id="${ID}"]`)).toHaveCount(1);
      await expectLinkReproduces(w, ID, 150, [`${ID}.steps=150`, `${ID}.seed=1`]);
    });

    test('ALS: no learning rate or batch to set, and ten sweeps come within 10 % of the noise level', async ({ page }) => {
      await page.goto(`/${lang}/recommender?${ID}.steps=10&${ID}.speed=1`);
      const w = widget(page, ID);
      await ready(w);
      await w.locator('select[data-param=optimizer]').selectOption('als');
      await ready(w);
      expect(page.url()).toContain(`${ID}.optimizer=als`);
      await expect(w.locator('input[data-param=lr]')).toBeDisabled();
      await expect(w.locator('select[data-param=batch]')).toBeDisabled();
      await playToBudget(w, 10);
      expect(await numberAttr(w, 'data-test-rmse')).toBeLessThan(1.1 * (await numberAttr(w, 'data-noise-level')));
    });

    test('a new user: popular films first, then stars (mouse and keyboard) change the recommendations without retraining', async ({
      page,
    }) => {
      await page.goto(`/${lang}/recommender?${ID}.steps=100&${ID}.speed=20`);
      const w = widget(page, ID);
      await ready(w);
      await playToBudget(w, 100);
      const yours = w.locator('[data-your-list]');
      await expect(yours).toHaveAttribute('data-your-list', 'popular');
      const popular = await w.getAttribute('data-your-top');
      expect(await items(w, 'data-your-top')).toHaveLength(8);

      const films = w.locator('.mf-rate fieldset');
      await expect(films).toHaveCount(12);
      // The first two offered films are sci-fi, the fourth romance (the most rated of each genre come first).
      expect(Number(await films.nth(0).getAttribute('data-rate'))).toBeLessThan(SCIFI);
      expect(Number(await films.nth(1).getAttribute('data-rate'))).toBeLessThan(SCIFI);
      // Five stars by mouse…
      await films.nth(0).locator('label').nth(5).click();
      await expect(films.nth(0).locator('input').nth(5)).toBeChecked();
      // …five by keyboard (from "no rating", five steps to the right)…
      await films.nth(1).locator('input').nth(0).focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      await expect(films.nth(1).locator('input').nth(5)).toBeChecked();
      // …and one star for a romance.
      await films.nth(3).locator('label').nth(1).click();
      await expect(yours).toHaveAttribute('data-your-list', 'fold-in');
      await expect(w).not.toHaveAttribute('data-your-top', popular!);
      const mine = await items(w, 'data-your-top');
      expect(mine.filter((i) => i < SCIFI).length).toBeGreaterThanOrEqual(6);
      // Nothing was retrained: the step count stands.
      await expect(w).toHaveAttribute('data-step', '100');
      expect(page.url()).toContain(`${ID}.mine=`);

      // The link keeps the ratings; clearing them brings the popular list back.
      const link = page.url();
      const other = await page.context().newPage();
      await other.goto(link);
      const copy = widget(other, ID);
      await ready(copy);
      await expect(copy.locator('.mf-rate fieldset').nth(0).locator('input').nth(5)).toBeChecked();
      await playToBudget(copy, 100);
      await expect(copy.locator('[data-your-list]')).toHaveAttribute('data-your-list', 'fold-in');
      expect(await copy.getAttribute('data-your-top')).toBe(mine.join(','));
      await other.close();
      await w.locator('[data-action=clear-mine]').click();
      await expect(yours).toHaveAttribute('data-your-list', 'popular');
      await expect(w).toHaveAttribute('data-your-top', popular!);
    });
  });
}
