import AxeBuilder from '@axe-core/playwright';
import { expect, ready, test, widget } from './fixtures';

// WCAG 2.1 AA rules, contrast included, in both themes and both languages, with a widget that has trained.
for (const scheme of ['light', 'dark'] as const) {
  for (const path of ['/zh/', '/en/linear-regression', '/zh/glossary']) {
    test(`${path} in the ${scheme} theme has no WCAG A/AA violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      if (path.includes('linear-regression')) {
        const w = widget(page);
        await ready(w);
        for (let i = 1; i <= 3; i++) {
          await w.locator('[data-action=step]').click();
          await expect(w).toHaveAttribute('data-step', String(i));
        }
        await expect(w.locator('.recharts-line-curve')).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
      expect(summary).toEqual([]);
    });
  }
}

test('every slider has a label and a visible value', async ({ page }) => {
  await page.goto('/en/linear-regression');
  const w = widget(page);
  await ready(w);
  const sliders = w.locator('input[type=range]');
  expect(await sliders.count()).toBeGreaterThanOrEqual(5);
  for (const slider of await sliders.all()) {
    const id = await slider.getAttribute('id');
    await expect(w.locator(`label[for="${id}"]`)).not.toBeEmpty();
    await expect(w.locator(`output[for="${id}"]`)).toHaveText(/\d/);
  }
});

test('Tab reaches the widget controls in order', async ({ page }) => {
  await page.goto('/en/linear-regression');
  const w = widget(page);
  await ready(w);
  await w.locator('[data-action=play]').focus();
  await page.keyboard.press('Tab');
  await expect(w.locator('[data-action=step]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(w.locator('[data-action=reset]')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(w.locator('input[data-param=lr]')).toBeFocused();
});
