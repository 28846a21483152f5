import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, test, widget } from './fixtures';

// Lesson 12, which places this widget, is being written; the gallery shows every widget.
const ID = 'tiny-transformer';

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the tiny transformer`, () => {
    test('learns to reverse past 90 % on held-out sequences; its attention maps show the example', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(`/${lang}/widgets?${ID}.steps=300&${ID}.speed=10`);
      const w = widget(page, ID);
      await ready(w);
      await w.locator('[data-action=play]').click();
      await expect(w).toHaveAttribute('data-step', '300', { timeout: 90_000 });
      expect(await numberAttr(w, 'data-accuracy')).toBeGreaterThan(0.9);
      await expect(w.locator('.tt-map')).toHaveCount(2);
      await expect(w.locator('[data-example=input]')).toHaveText(/^(\d ){7}\d$/);
      await expectAllFinite(w);
      // The learner's own input: the model writes its answer and the maps follow that input.
      await w.locator('.tt-own input').fill('1234');
      await w.locator('[data-action=ask]').click();
      await expect(w.locator('.tt-own [role=status]')).toContainText('8');
      await w.locator('.tt-own input').fill('12345678');
      await w.locator('[data-action=ask]').click();
      await expect(w.locator('[data-example=input]')).toHaveText('1 2 3 4 5 6 7 8');
      await expect(w.locator('[data-example=target]')).toHaveText('8 7 6 5 4 3 2 1');
      await expect(w.locator('[data-example=output]')).toHaveText(/^(\d\s?){8}$/);
    });

    test('a copied link reproduces the run', async ({ page }) => {
      await page.goto(`/${lang}/widgets?${ID}.steps=40&${ID}.speed=10&${ID}.task=sort`);
      const w = widget(page, ID);
      await ready(w);
      await playToBudget(w, 40);
      await expectLinkReproduces(w, ID, 40, [`${ID}.seed=1`, `${ID}.task=sort`]);
    });
  });
}

test('without positional encoding the same transformer cannot learn to reverse', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`/en/widgets?${ID}.steps=300&${ID}.speed=10&${ID}.position=none`);
  const w = widget(page, ID);
  await ready(w);
  await w.locator('[data-action=play]').click();
  await expect(w).toHaveAttribute('data-step', '300', { timeout: 90_000 });
  expect(await numberAttr(w, 'data-accuracy')).toBeLessThan(0.4);
});
