import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, slide, test, widget } from './fixtures';

const ID = 'gd-variants';

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the gd-variants widget`, () => {
    test('trains three ways at once, by step or by epoch, and a copied link reproduces the run', async ({ page }) => {
      await page.goto(`/${lang}/gradient-descent`);
      const w = widget(page, ID);
      await ready(w);
      await w.locator('[data-action=step]').click();
      await expect(w).toHaveAttribute('data-step', '1');
      const first = await numberAttr(w, 'data-loss');
      await slide(w, 'speed', 'End');
      await playToBudget(w, 400);
      // The run's loss is the worst of the three; all three have fallen far below where they began.
      expect(await numberAttr(w, 'data-loss')).toBeLessThan(first / 3);
      const loss = async (variant: string) => Number(await w.locator(`[data-variant=${variant}] [data-value=loss]`).textContent());
      expect(await loss('batch')).toBeLessThan(0.4);
      // Epochs: batch 1 per step, mini-batch 8/200, stochastic 1/200.
      await expect(w.locator('[data-variant=batch] [data-value=epochs]')).toHaveText('400');
      await expect(w.locator('[data-variant=mini] [data-value=epochs]')).toHaveText('16');
      await expect(w.locator('[data-variant=sgd] [data-value=epochs]')).toHaveText('2');
      await expect(w.locator('[data-variant=sgd] [data-value=ms]')).toHaveText(/ms$/);
      await expect(w.locator('.loss-plot')).toHaveAttribute('data-curves', '3');

      await w.locator('select[data-param=axis]').selectOption('epochs');
      await expect(w.locator('.loss-chart figcaption')).toContainText(lang === 'en' ? 'by epoch' : '轮次');
      expect(page.url()).toContain(`${ID}.axis=epochs`);
      // Switching the axis is only a view: the run goes on where it was.
      await expect(w).toHaveAttribute('data-step', '400');
      await expectLinkReproduces(w, ID, 400, [`${ID}.axis=epochs`, `${ID}.seed=`]);
    });

    test('the batch size changes the run; the largest learning rate diverges and Reset recovers', async ({ page }) => {
      await page.goto(`/${lang}/gradient-descent`);
      const w = widget(page, ID);
      await ready(w);
      const miniAfter = async (steps: number) => {
        for (let i = 1; i <= steps; i++) {
          await w.locator('[data-action=step]').click();
          await expect(w).toHaveAttribute('data-step', String(i));
        }
        return w.locator('[data-variant=mini] [data-value=loss]').textContent();
      };
      const small = await miniAfter(5);
      expect(await slide(w, 'batch', 'End')).toBe(32);
      await ready(w);
      await expect(w).toHaveAttribute('data-step', '0');
      expect(await miniAfter(5)).not.toBe(small);

      expect(await slide(w, 'lr', 'End')).toBe(1);
      await w.locator('[data-action=play]').click();
      await expect(w).toHaveAttribute('data-state', 'diverged');
      await expect(w.locator('[role=alert]')).toContainText(lang === 'en' ? 'learning rate of 1' : '学习率 1');
      await expectAllFinite(w);
      await w.locator('[data-action=reset]').click();
      await ready(w);
      await expect(w.locator('[role=alert]')).toHaveCount(0);
    });
  });
}
