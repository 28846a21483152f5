import type { Locator } from '@playwright/test';
import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, slide, test, widget } from './fixtures';

// The gallery shows every widget; lesson 07 (loss-regularization) places this one.
const ID = 'overfitting';
const BUDGET = 3000;
const value = async (w: Locator, key: string) => Number(await w.locator(`[data-value=${key}]`).textContent());

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the overfitting widget`, () => {
    test('degree 12 overfits: training loss falls, validation loss turns up, the early-stopping mark sits at the best step', async ({
      page,
    }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=200`);
      const w = widget(page, ID);
      await ready(w);
      await w.locator('[data-action=step]').click();
      await expect(w).toHaveAttribute('data-step', '1');
      const first = await numberAttr(w, 'data-loss');
      expect(first).toBeGreaterThan(0.2);
      await playToBudget(w, BUDGET);
      expect(await numberAttr(w, 'data-loss')).toBeLessThan(first / 10);
      const chart = w.locator('.loss-plot');
      await expect(chart).toHaveAttribute('data-curves', '3');
      const best = await value(w, 'best-step');
      expect(best).toBeGreaterThan(100);
      expect(best).toBeLessThan(BUDGET / 2);
      await expect(w).toHaveAttribute('data-best-step', String(best));
      await expect(chart).toHaveAttribute('data-marker', `${best},${await value(w, 'new-data-best-step')}`);
      expect(await value(w, 'validation')).toBeGreaterThan(2 * (await value(w, 'best-validation')));
      expect(await value(w, 'train')).toBeLessThan(0.02);
      await expect(w.locator('[data-value=penalty]')).toHaveText('0');
      // No penalty: λ does nothing, so its slider is off.
      await expect(w.locator('input[data-param=lambda]')).toBeDisabled();
      await expectAllFinite(w);
    });

    test('the unlucky validation set makes early stopping keep the wrong step; the new-data curve shows it', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=200&${ID}.steps=800`);
      const w = widget(page, ID);
      await ready(w);
      // The default 40 spread points: validation picks step 179, new data 194, and the kept model is as good.
      await playToBudget(w, 800);
      await expect(w).toHaveAttribute('data-best-step', '179');
      await expect(w).toHaveAttribute('data-true-best-step', '194');
      expect(await numberAttr(w, 'data-best-true-error')).toBeLessThan(1.01 * (await numberAttr(w, 'data-true-best-error')));
      // The same figures in the table, and the current expected error beside the validation loss.
      expect(await value(w, 'new-data')).toBeCloseTo(await numberAttr(w, 'data-true-error'), 4);
      expect(await value(w, 'new-data-best-step')).toBe(194);

      await w.locator('input[data-param=unluckyValidation]').check();
      await ready(w);
      expect(page.url()).toContain(`${ID}.unluckyValidation=on`);
      await expect(w).toHaveAttribute('data-step', '0');
      // The plot says how many validation points it draws: 12 training, 8 validation.
      await expect(w.locator('canvas[role=img]')).toHaveAttribute('aria-label', /\b12\b.*\b8\b/);
      await playToBudget(w, 800);
      // 8 points in the middle: validation keeps falling to step 588, where new data are almost twice their best.
      await expect(w).toHaveAttribute('data-best-step', '588');
      await expect(w).toHaveAttribute('data-true-best-step', '194');
      expect(await numberAttr(w, 'data-best-true-error')).toBeGreaterThan(1.8 * (await numberAttr(w, 'data-true-best-error')));
      await expect(w.locator('.loss-plot')).toHaveAttribute('data-marker', '588,194');
      await expect(w.locator('.loss-plot')).toHaveAttribute('data-curves', '3');
      await expectAllFinite(w);
      await expectLinkReproduces(w, ID, 800, [`${ID}.unluckyValidation=on`]);
    });

    test('the degree rebuilds the model: a straight line cannot follow sin(πx); a copied link reproduces the run', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=200&${ID}.steps=1000`);
      const w = widget(page, ID);
      await ready(w);
      await slide(w, 'degree', 'Home');
      await ready(w);
      expect(page.url()).toContain(`${ID}.degree=1`);
      await playToBudget(w, 1000);
      expect(await value(w, 'train')).toBeGreaterThan(0.1);
      await expectLinkReproduces(w, ID, 1000, [`${ID}.degree=1`, `${ID}.seed=1`]);
    });

    test('L2 switched on mid-run applies live and shrinks the weights', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=200&${ID}.steps=1500`);
      const w = widget(page, ID);
      await ready(w);
      await playToBudget(w, 1500);
      const plainNorm = await value(w, 'norm');
      await w.locator('select[data-param=penalty]').selectOption('l2');
      expect(page.url()).toContain(`${ID}.penalty=l2`);
      // Live: the run goes on from where it was.
      await expect(w).toHaveAttribute('data-step', '1500');
      await expect(w.locator('input[data-param=lambda]')).toBeEnabled();
      expect(await slide(w, 'steps', 'End')).toBe(5000);
      await playToBudget(w, 5000);
      expect(await value(w, 'penalty')).toBeGreaterThan(0);
      expect(await value(w, 'norm')).toBeLessThan(plainNorm / 2);
    });

    test('L1 drives most weights to 0; a link with L1 reproduces the run', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=200&${ID}.steps=2000&${ID}.penalty=l1&${ID}.lambda=0.001`);
      const l1 = widget(page, ID);
      await ready(l1);
      await playToBudget(l1, 2000);
      expect(await value(l1, 'near-zero')).toBeGreaterThanOrEqual(5);
      await expectLinkReproduces(l1, ID, 2000, [`${ID}.penalty=l1`, `${ID}.lambda=0.001`]);
    });

    test('the largest learning rate is handled: every number stays finite', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.speed=200&${ID}.steps=1000`);
      const w = widget(page, ID);
      await ready(w);
      expect(await slide(w, 'lr', 'End')).toBe(10);
      await w.locator('[data-action=play]').click();
      // Adam moves each weight by about η a step, so the fit thrashes but stays finite; a diverged run would say so.
      await expect(w).toHaveAttribute('data-state', /paused|diverged/, { timeout: 45_000 });
      if ((await w.getAttribute('data-state')) === 'diverged') await expect(w.locator('[data-message]')).not.toBeEmpty();
      else await expect(w).toHaveAttribute('data-step', '1000');
      await expectAllFinite(w);
    });
  });
}
