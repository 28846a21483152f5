import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, test, widget } from './fixtures';

// Lesson 00 (intro) places the scaling widget; one step trains one whole model, so data-step counts models.
const ID = 'scaling';
/** A short sweep for the tests: one seed, no data series, 100 steps a model, 7 models. */
const SHORT = `${ID}.seeds=1&${ID}.dataSeries=off&${ID}.modelSteps=100`;

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the scaling widget`, () => {
    test('finishes models one by one, draws them on the log–log chart, fits α once three sizes are in', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(`/${lang}/intro`);
      const w = widget(page, ID);
      await ready(w);
      await expect(w).toHaveAttribute('data-planned', '36');
      await expect(w).toHaveAttribute('data-alpha', '');
      await w.locator('[data-action=play]').click();
      await expect(w).toHaveAttribute('data-models', /^([3-9]|\d\d)$/, { timeout: 60_000 });
      await w.locator('[data-action=pause]').click();
      await expect(w).toHaveAttribute('data-state', 'paused');
      const models = await numberAttr(w, 'data-models');
      await expect(w).toHaveAttribute('data-step', String(models));
      const chart = w.locator('[data-chart=scaling-width]');
      await expect(chart).toHaveAttribute('data-points', String(models));
      // Dots drawn: one circle per finished model.
      await expect(chart.locator('circle')).toHaveCount(models);
      // Three widths: a fit, α positive; the first widths' losses fall.
      expect(await numberAttr(w, 'data-alpha')).toBeGreaterThan(0.1);
      await expect(w.locator('[data-fit]')).toContainText('α =');
      const rows = w.locator('[data-table=scaling] tbody tr');
      await expect(rows).toHaveCount(7);
      const loss = async (i: number) => Number((await rows.nth(i).locator('td').nth(2).textContent())!.split(' ')[0]);
      expect(await loss(2)).toBeLessThan(await loss(0));
      await expectAllFinite(w);
    });

    test('a short sweep plays to its end; the compute axis draws each model’s way down; the link reproduces the run', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(`/${lang}/intro?${SHORT}&${ID}.steps=7`);
      const w = widget(page, ID);
      await ready(w);
      await expect(w).toHaveAttribute('data-planned', '7');
      await playToBudget(w, 7);
      await expect(w).toHaveAttribute('data-models', '7');
      await expect(w.locator('[data-chart=scaling-data]')).toHaveCount(0);
      const alpha = await numberAttr(w, 'data-alpha');
      expect(alpha).toBeGreaterThan(0.1);
      await w.locator('select[data-param=xAxis]').selectOption('compute');
      expect(page.url()).toContain(`${ID}.xAxis=compute`);
      // Still the same run: switching the axis retrains nothing.
      await expect(w).toHaveAttribute('data-step', '7');
      await expect(w.locator('[data-chart=scaling-width]')).toHaveAttribute('aria-label', lang === 'en' ? /compute/ : /计算量/);
      await expectLinkReproduces(w, ID, 7, [`${ID}.seeds=1`, `${ID}.modelSteps=100`]);
    });
  });
}
