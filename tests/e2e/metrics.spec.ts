import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, slide, test, widget } from './fixtures';

// The lesson that places this widget ([09] evaluation) is being written; the gallery shows every widget.
const ID = 'metrics';
const BUDGET = 300;
const text = async (w: Locator, key: string) => (await w.locator(`[data-value=${key}]`).textContent())!;
const count = async (w: Locator, key: string) => Number(await text(w, key));
/** A percentage cell as a number: "95.3 %" on an English page, "95.3%" on a Chinese one. */
const percent = async (w: Locator, key: string) => Number((await text(w, key)).replace(/\s*%$/, ''));

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the metrics widget`, () => {
    test('trains, its loss falls; the threshold moves the matrix, the metrics and the ROC point without retraining', async ({ page }) => {
      await page.goto(`/${lang}/widgets`);
      const w = widget(page, ID);
      await ready(w);
      // w = 0: every score ties, so the ROC curve is the diagonal and every point is predicted positive at t = 0.5.
      await expect(w.locator('[data-value=auc]')).toHaveText('0.5');
      await expect(w.locator('[data-value=tp]')).toHaveText('500');
      await w.locator('[data-action=step]').click();
      await expect(w).toHaveAttribute('data-step', '1');
      expect(await numberAttr(w, 'data-loss')).toBeCloseTo(Math.LN2, 5);
      await slide(w, 'speed', 'End');
      await playToBudget(w, BUDGET);
      expect(await numberAttr(w, 'data-loss')).toBeLessThan(0.42);
      expect(await count(w, 'auc')).toBeGreaterThan(0.88);
      await expect(w.locator('.loss-plot[data-curves="2"]')).toHaveCount(1);
      expect(Number(await w.locator('.roc-plot[data-roc-points]').getAttribute('data-roc-points'))).toBeGreaterThan(500);
      const [tp, fp, fn, tn] = [await count(w, 'tp'), await count(w, 'fp'), await count(w, 'fn'), await count(w, 'tn')];
      expect(tp + fn).toBe(500);
      expect(fp + tn).toBe(500);
      const [precision, recall, auc] = [await percent(w, 'precision'), await percent(w, 'recall'), await text(w, 'auc')];
      expect(await percent(w, 'accuracy')).toBeCloseTo(((tp + tn) / 1000) * 100, 1);

      // Raising the threshold to 0.7: fewer predicted positives, precision up, recall down, same model.
      expect(await slide(w, 'threshold', 20)).toBe(0.7);
      await expect.poll(() => count(w, 'tp')).toBeLessThan(tp);
      expect(await count(w, 'fp')).toBeLessThan(fp);
      expect(await percent(w, 'precision')).toBeGreaterThan(precision);
      expect(await percent(w, 'recall')).toBeLessThan(recall);
      await expect(w.locator('[data-value=auc]')).toHaveText(auc);
      await expect(w).toHaveAttribute('data-step', String(BUDGET));
      await expect(w).toHaveAttribute('data-state', 'paused');
      expect(page.url()).toContain(`${ID}.threshold=0.7`);

      // The positive share rebuilds the data: at 1 %, "always negative" is right 99 % of the time.
      await slide(w, 'positives', 'Home');
      await ready(w);
      await expect(w.locator('[data-value=baseline]')).toHaveText(lang === 'en' ? '99 %' : '99%');
      await expect(w.locator('[data-value=tp]')).toHaveText('0'); // t = 0.7 > σ(0): nothing predicted positive yet
      await expectAllFinite(w);
    });

    test('at 5 % positives accuracy barely beats "always negative" while recall is poor; a copied link reproduces', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.positives=5&${ID}.speed=100`);
      const w = widget(page, ID);
      await ready(w);
      await expect(w.locator('[data-value=baseline]')).toHaveText(lang === 'en' ? '95 %' : '95%');
      await playToBudget(w, BUDGET);
      const accuracy = await percent(w, 'accuracy');
      expect(accuracy).toBeGreaterThan(95);
      expect(accuracy).toBeLessThan(98);
      expect(await percent(w, 'recall')).toBeLessThan(60);
      // Lowering the threshold to 0.1 finds most of the positives, at the price of many false alarms.
      await slide(w, 'threshold', -40);
      await expect.poll(() => percent(w, 'recall')).toBeGreaterThan(70);
      expect(await percent(w, 'precision')).toBeLessThan(50);
      await expectLinkReproduces(w, ID, BUDGET, [`${ID}.positives=5`, `${ID}.threshold=0.1`]);
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`has no WCAG A/AA violations after training, in the ${scheme} theme`, async ({ page }) => {
        test.slow(); // axe reads the whole gallery page, every widget on it
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`/${lang}/widgets?${ID}.positives=5`);
        const w = widget(page, ID);
        await ready(w);
        for (let i = 1; i <= 3; i++) {
          await w.locator('[data-action=step]').click();
          await expect(w).toHaveAttribute('data-step', String(i));
        }
        const results = await new AxeBuilder({ page })
          .include(`section[data-widget-id="${ID}"]`)
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`)).toEqual([]);
      });
    }

    test('the largest learning rate is handled; the class separation changes the run', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=100`);
      const w = widget(page, ID);
      await ready(w);
      expect(await slide(w, 'lr', 'End')).toBe(100);
      await playToBudget(w, BUDGET);
      await expectAllFinite(w);
      await expect(w.locator('[data-message]')).not.toHaveAttribute('role', 'alert');

      expect(await slide(w, 'separation', 'End')).toBe(4);
      await ready(w);
      // Still at η = 100: on well-separated classes the run settles anyway.
      await playToBudget(w, BUDGET);
      expect(await count(w, 'auc')).toBeGreaterThan(0.99);
      expect(await numberAttr(w, 'data-loss')).toBeLessThan(0.1);
    });
  });
}
