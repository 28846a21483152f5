import AxeBuilder from '@axe-core/playwright';
import { isTrainedWidgetId } from '../../src/widgets/catalog';
import { expect, ready, test, widget } from './fixtures';

/**
 * The pages checked, and on lesson pages the widget trained first (a page-only widget, which trains nothing, is
 * brought into view) and a quiz question answered.
 */
const PAGES: [string, string | null][] = [
  ['/zh/', null],
  ['/zh/intro', 'scaling'],
  ['/en/intro', 'scaling'],
  ['/en/linear-regression', 'linear-regression'],
  ['/zh/gradient-descent', 'gd-variants'],
  ['/en/optimizers', 'optimizer-race'],
  ['/zh/logistic-regression', 'logistic-regression'],
  ['/en/svm', 'svm'],
  ['/zh/neural-networks', 'mlp-playground'],
  ['/en/loss-regularization', 'overfitting'],
  ['/zh/data-preprocessing', 'normalization'],
  ['/en/evaluation', 'metrics'],
  ['/zh/cnn', 'cnn-mnist'],
  ['/en/rnn-lstm', 'sequence'],
  ['/zh/rnn-lstm', 'sequence'],
  ['/en/transformer-attention', 'tiny-transformer'],
  ['/zh/language-model', 'tiny-gpt'],
  ['/zh/model-as-a-service', 'serving'],
  ['/en/model-as-a-service', 'serving'],
  ['/en/scale-and-business', 'compute-cost'],
  ['/en/recommender', 'matrix-factorization'],
  ['/zh/glossary', null],
];

// WCAG 2.1 AA rules, contrast included, in both themes and both languages, with a widget that has trained.
for (const scheme of ['light', 'dark'] as const) {
  for (const [path, widgetId] of PAGES) {
    test(`${path} in the ${scheme} theme has no WCAG A/AA violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      if (widgetId) {
        const w = widget(page, widgetId);
        await ready(w);
        if (isTrainedWidgetId(widgetId)) {
          for (let i = 1; i <= 3; i++) {
            await w.locator('[data-action=step]').click();
            await expect(w).toHaveAttribute('data-step', String(i));
          }
          // The scaling widget draws finished models on log–log charts of its own, not a loss curve.
          await expect(w.locator('.loss-plot, .scaling-chart .chart-frame').first()).toHaveAttribute('data-curves', /[1-9]/);
        }
        const question = page.locator('[data-quiz=quiz] [data-question="0"]');
        await question.locator('[data-choice="0"]').click();
        await expect(question.locator('.quiz-explanation')).toBeVisible();
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
