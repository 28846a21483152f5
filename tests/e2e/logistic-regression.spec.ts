import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, slide, test, widget } from './fixtures';

const ID = 'logistic-regression';

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the logistic-regression widget`, () => {
    test('separates two clusters; clicks add and remove points, kept in a link that reproduces the run', async ({ page }) => {
      await page.goto(`/${lang}/logistic-regression`);
      const w = widget(page, ID);
      await ready(w);
      await w.locator('[data-action=step]').click();
      await expect(w).toHaveAttribute('data-step', '1');
      expect(await numberAttr(w, 'data-loss')).toBeCloseTo(Math.LN2, 5);
      await slide(w, 'speed', 'End');
      await playToBudget(w, 500);
      expect(await numberAttr(w, 'data-loss')).toBeLessThan(0.05);
      await expect(w.locator('[data-value=accuracy]')).toHaveText(lang === 'en' ? '100 %' : '100%');
      // The table shows ‖w‖, which lesson 04 argues from (about 4.9 after 500 steps).
      const cell = async (name: string) => Number(await w.locator(`[data-value=${name}]`).textContent());
      expect(await cell('norm')).toBeCloseTo(Math.hypot(await cell('w1'), await cell('w2')), 2);
      expect(await cell('norm')).toBeCloseTo(4.9, 1);
      await expect(w.locator('.loss-plot[data-curves="1"]')).toHaveCount(2);

      // A class-0 point deep among class 1: the data are no longer separable.
      await w.locator('input[data-add-class="0"]').check();
      const plot = w.locator('canvas.pickable');
      const box = (await plot.boundingBox())!;
      await plot.click({ position: { x: box.width * 0.8, y: box.height * 0.2 } });
      await ready(w);
      await expect(w.locator('[data-own-points]')).toHaveAttribute('data-own-points', '81');
      expect(page.url()).toContain(`${ID}.points=`);
      await playToBudget(w, 500);
      expect(await numberAttr(w, 'data-loss')).toBeGreaterThan(0.03);
      await expectLinkReproduces(w, ID, 500, [`${ID}.points=`]);

      // The keyboard can edit too: focus the plot, move the cross, Enter.
      await plot.focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Enter');
      await expect(w.locator('[data-own-points]')).toHaveAttribute('data-own-points', '82');
      await w.locator('[data-action=use-preset]').click();
      await ready(w);
      await expect(w.locator('[data-own-points]')).toHaveCount(0);
      expect(page.url()).not.toContain(`${ID}.points=`);
    });

    test('XOR stays near ln 2, whatever the rate; the largest rate is handled', async ({ page }) => {
      await page.goto(`/${lang}/logistic-regression`);
      const w = widget(page, ID);
      await ready(w);
      await w.locator('select[data-param=preset]').selectOption('xor');
      await ready(w);
      expect(await slide(w, 'lr', 'End')).toBe(10);
      await slide(w, 'speed', 'End');
      await playToBudget(w, 500);
      expect(await numberAttr(w, 'data-loss')).toBeGreaterThan(0.6);
      expect(Number((await w.locator('[data-value=accuracy]').textContent())!.replace(/\s*%$/, ''))).toBeLessThan(75);
      await expectAllFinite(w);
    });

    test('malformed points in a link are ignored with a notice', async ({ page }) => {
      await page.goto(`/${lang}/logistic-regression?${ID}.points=1_2_1*nonsense`);
      const w = widget(page, ID);
      await ready(w);
      await expect(w.locator('.own-points .widget-notice')).toContainText(lang === 'en' ? 'malformed' : '格式不对');
      await expect(w.locator('[data-own-points]')).toHaveCount(0);
    });
  });
}
