import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, slide, test, widget } from './fixtures';

const ID = 'optimizer-race';
const row = (w: ReturnType<typeof widget>, racer: string) => w.locator(`tr[data-racer=${racer}]`);

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the optimizer race`, () => {
    test('four optimizers race down the bowl; a click on the map moves the start; a copied link reproduces', async ({ page }) => {
      await page.goto(`/${lang}/optimizers`);
      const w = widget(page, ID);
      await ready(w);
      await slide(w, 'speed', 'End');
      await playToBudget(w, 300);
      // The race's loss is its best racer's: Momentum and Adam reach the minimum of the narrow bowl.
      expect(await numberAttr(w, 'data-loss')).toBeLessThan(1e-6);
      for (const racer of ['sgd', 'momentum', 'rmsprop', 'adam']) {
        await expect(row(w, racer)).toHaveAttribute('data-out', '');
        expect(Number(await row(w, racer).getAttribute('data-reached'))).toBeGreaterThan(0);
      }
      // SGD at its stable rate is the slowest of the four here.
      const reached = async (racer: string) => Number(await row(w, racer).getAttribute('data-reached'));
      expect(await reached('sgd')).toBeGreaterThan(await reached('momentum'));
      await expect(w.locator('.loss-plot')).toHaveAttribute('data-curves', '4');

      const map = w.locator('canvas.pickable');
      const box = (await map.boundingBox())!;
      await map.click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
      await ready(w);
      await expect(w).toHaveAttribute('data-step', '0');
      expect(page.url()).toMatch(/optimizer-race\.x0=[\d.]+/);
      // The arrow keys move the start too.
      const before = new URL(page.url()).searchParams.get(`${ID}.x0`);
      await map.focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => new URL(page.url()).searchParams.get(`${ID}.x0`)).not.toBe(before);
      await ready(w);
      await playToBudget(w, 300);
      await expectLinkReproduces(w, ID, 300, [`${ID}.x0=`, `${ID}.y0=`]);
    });

    test('a too-large rate puts one racer out while the others go on; racers switch off; surfaces bring their rates', async ({ page }) => {
      await page.goto(`/${lang}/optimizers`);
      const w = widget(page, ID);
      await ready(w);
      expect(await slide(w, 'lrSgd', 'End')).toBe(1);
      await slide(w, 'speed', 'End');
      await playToBudget(w, 300);
      expect(Number(await row(w, 'sgd').getAttribute('data-out'))).toBeGreaterThan(0);
      await expect(row(w, 'sgd')).toContainText(lang === 'en' ? 'out at step' : '飞出');
      await expect(row(w, 'adam')).toHaveAttribute('data-out', '');
      await expectAllFinite(w);

      // Only SGD left in, and it goes out: the whole run has diverged, and says why.
      for (const racer of ['momentum', 'rmsprop', 'adam']) {
        await w.locator(`input[data-param=${racer}]`).uncheck();
        await ready(w);
      }
      await expect(row(w, 'adam')).toContainText(lang === 'en' ? 'off' : '未启用');
      await w.locator('[data-action=play]').click();
      await expect(w).toHaveAttribute('data-state', 'diverged');
      await expect(w.locator('[role=alert]')).toContainText(lang === 'en' ? 'left the map' : '飞出了地图');
      await expectAllFinite(w);

      await w.locator('select[data-param=surface]').selectOption('rosenbrock');
      await ready(w);
      await expect(w.locator('input[data-param=lrSgd]')).toHaveAttribute('aria-valuetext', '0.0015');
      await expect(w.locator('input[data-param=steps]')).toHaveAttribute('aria-valuetext', '2000');
      expect(page.url()).toContain(`${ID}.surface=rosenbrock`);
    });
  });
}
