import type { Locator } from '@playwright/test';
import { expect, expectLinkReproduces, numberAttr, playToBudget, ready, test, widget } from './fixtures';

const ID = 'tiny-gpt';
// A smaller model than the lesson's default, so that the test trains in seconds.
const SMALL = `${ID}.width=32&${ID}.layers=1&${ID}.heads=2&${ID}.speed=5`;
const PROMPT = { zh: '春风', en: 'ROMEO:' } as const;

/** Waits for a sample drawn after `seed` and returns it. */
async function nextSample(w: Locator, seed: number) {
  await expect.poll(async () => numberAttr(w, 'data-sample-seed'), { timeout: 20_000 }).toBeGreaterThan(seed);
  return { seed: await numberAttr(w, 'data-sample-seed'), text: (await w.getAttribute('data-sample'))! };
}

for (const lang of ['zh', 'en'] as const) {
  test.describe(`${lang}: the tiny GPT`, () => {
    test('learns its corpus past the unigram baseline; samples appear, change, follow the prompt and the sampling controls', async ({
      page,
    }) => {
      test.setTimeout(150_000);
      await page.goto(`/${lang}/language-model?${ID}.steps=60&${SMALL}`);
      const w = widget(page, ID);
      await ready(w);
      await expect(w).toHaveAttribute('data-data', 'ready');
      // The page's language picks the corpus: quatrains in Chinese, Shakespeare in English.
      await expect(w.locator('select[data-param=corpus]')).toHaveValue(lang === 'zh' ? 'quatrains' : 'shakespeare');
      // The untrained model writes too.
      await expect(w).toHaveAttribute('data-sample-step', '0');
      const untrained = await nextSample(w, 0);

      await playToBudget(w, 60);
      expect(await numberAttr(w, 'data-validation')).toBeLessThan(await numberAttr(w, 'data-unigram'));
      await expect.poll(async () => numberAttr(w, 'data-sample-step')).toBeGreaterThan(0);
      const trained = await nextSample(w, untrained.seed);
      expect(trained.text).not.toBe(untrained.text);
      await expect(w.locator(lang === 'zh' ? '[data-well-formed-count]' : '[data-samples] p:has-text("%")')).toBeVisible();
      await expect(w.locator('.gpt-attention tr')).toHaveCount(2);

      // Greedy decoding writes the same text every time; sampling does not.
      await w.locator('input[data-param=greedy]').check();
      const greedy = await nextSample(w, trained.seed);
      await w.locator('.gpt-prompt button').click();
      expect((await nextSample(w, greedy.seed)).text).toBe(greedy.text);
      await w.locator('input[data-param=greedy]').uncheck();
      const first = await nextSample(w, greedy.seed + 1);
      await w.locator('.gpt-prompt button').click();
      expect((await nextSample(w, first.seed)).text).not.toBe(first.text);

      // The prompt starts the sample.
      await w.locator('.gpt-prompt input').fill(PROMPT[lang]);
      await w.locator('.gpt-prompt button').click();
      await expect(w).toHaveAttribute('data-sample', new RegExp(`^${PROMPT[lang]}`));
    });

    test('a copied link reproduces the run', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(`/${lang}/language-model?${ID}.steps=20&${SMALL}`);
      const w = widget(page, ID);
      await ready(w);
      await playToBudget(w, 20);
      await expectLinkReproduces(w, ID, 20, [`${ID}.seed=1`, `${ID}.width=32`]);
    });
  });
}
