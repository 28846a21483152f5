import { expect, expectAllFinite, expectLinkReproduces, playToBudget, ready, slide, test, widget } from './fixtures';

const ID = 'svm';
const value = async (w: ReturnType<typeof widget>, key: string) => (await w.locator(`[data-value=${key}]`).textContent())!;

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the SVM widget`, () => {
    test('finds a separating band with its support vectors; a smaller C widens it; a copied link reproduces', async ({ page }) => {
      await page.goto(`/${lang}/svm`);
      const w = widget(page, ID);
      await ready(w);
      // w = 0, b = 0: every point sits on the boundary and the hinge loss is exactly 1.
      await w.locator('[data-action=step]').click();
      await expect(w).toHaveAttribute('data-loss', '1');
      await slide(w, 'speed', 'End');
      await playToBudget(w, 1000);
      expect(Number(await w.getAttribute('data-loss'))).toBeLessThan(0.1);
      expect(await value(w, 'accuracy')).toBe(lang === 'en' ? '100 %' : '100%');
      const supportVectors = Number(await value(w, 'support-vectors'));
      expect(supportVectors).toBeGreaterThanOrEqual(1);
      const narrow = Number(await value(w, 'margin'));
      expect(narrow).toBeGreaterThan(0.5);

      await slide(w, 'C', 'Home');
      await w.locator('[data-action=reset]').click();
      await ready(w);
      await playToBudget(w, 1000);
      expect(Number(await value(w, 'margin'))).toBeGreaterThan(narrow * 1.5);
      expect(Number(await value(w, 'support-vectors'))).toBeGreaterThan(supportVectors);
      await expectLinkReproduces(w, ID, 1000, [`${ID}.C=0.01`]);
    });

    test('the RBF kernel separates the ring; the largest rate is handled', async ({ page }) => {
      await page.goto(`/${lang}/svm`);
      const w = widget(page, ID);
      await ready(w);
      await expect(w.locator('input[data-param=gamma]')).toBeDisabled();
      await w.locator('select[data-param=preset]').selectOption('ring');
      await ready(w);
      await w.locator('select[data-param=kernel]').selectOption('rbf');
      await ready(w);
      await expect(w.locator('input[data-param=gamma]')).toBeEnabled();
      await slide(w, 'speed', 'End');
      await playToBudget(w, 1000);
      expect(await value(w, 'accuracy')).toBe(lang === 'en' ? '100 %' : '100%');

      expect(await slide(w, 'lr', 'End')).toBe(1);
      await w.locator('[data-action=reset]').click();
      await ready(w);
      await playToBudget(w, 1000);
      await expectAllFinite(w);
    });
  });
}
