import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, slide, test, widget } from './fixtures';

const ID = 'sequence';

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the recurrent race`, () => {
    test('the LSTM learns to recall past chance at the default delay; gates, gradients and the delay sweep are drawn', async ({ page }) => {
      test.setTimeout(180_000);
      await page.goto(`/${lang}/rnn-lstm?${ID}.steps=120&${ID}.speed=10`);
      const w = widget(page, ID);
      await ready(w);
      // The default task: a letter, 30 distractor digits, the question mark.
      await expect(w.locator('.sequence-example')).toHaveAttribute('data-example', /^[A-D][1-4]{30}\?$/);
      await w.locator('[data-action=play]').click();
      await expect(w).toHaveAttribute('data-step', '120', { timeout: 150_000 });
      expect(await numberAttr(w, 'data-accuracy')).toBeGreaterThan(0.5);
      await expect(w.locator('tr[data-racer=lstm]')).toHaveAttribute('data-accuracy', /^0\.[5-9]|^1$/);
      await expect(w.locator('tr[data-racer=gru]')).toHaveAttribute('data-accuracy', '');
      // Forget, input, output, cell, and each racer's hidden state.
      await expect(w.locator('.sequence-map canvas')).toHaveCount(6);
      const first = (await w.locator('.sequence-gradients').getAttribute('data-gradient-first'))!.split(',').map(Number);
      expect(first).toHaveLength(2);
      for (const g of first) expect(g).toBeGreaterThan(0);
      // At the end of the budget the models are measured at other delays.
      await expect(w.locator('.sequence-sweep tbody tr')).toHaveCount(8, { timeout: 30_000 });
      await expect(w.locator('.sequence-sweep')).toHaveAttribute('data-sweep-step', '120');
      await expectAllFinite(w);
    });

    test('the delay slider changes the task, and a copied link reproduces the run', async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(`/${lang}/rnn-lstm?${ID}.steps=30&${ID}.speed=10`);
      const w = widget(page, ID);
      await ready(w);
      const delay = await slide(w, 'delay', -22);
      expect(delay).toBe(8);
      await expect(w.locator('.sequence-example')).toHaveAttribute('data-example', /^[A-D][1-4]{8}\?$/);
      await playToBudget(w, 30);
      await expectLinkReproduces(w, ID, 30, [`${ID}.delay=8`, `${ID}.seed=1`]);
    });
  });
}

test('clipping changes the training, and so the gradient reaching each time step', async ({ page }) => {
  test.setTimeout(120_000);
  const gradientsAfter = async (query: string) => {
    await page.goto(`/en/rnn-lstm?${ID}.steps=20&${ID}.speed=10&${ID}.delay=10&${query}`);
    const w = widget(page, ID);
    await ready(w);
    const before = await w.locator('.sequence-gradients').getAttribute('data-gradient-first');
    await playToBudget(w, 20);
    await expect(w.locator('.sequence-gradients')).not.toHaveAttribute('data-gradient-first', before!);
    return { before, after: await w.locator('.sequence-gradients').getAttribute('data-gradient-first') };
  };
  const clipped = await gradientsAfter(`${ID}.clip=on&${ID}.clipNorm=0.1`);
  const free = await gradientsAfter(`${ID}.clip=off`);
  // The same seed starts from the same weights; a tight clip makes different updates.
  expect(clipped.before).toBe(free.before);
  expect(clipped.after).not.toBe(free.after);
});
