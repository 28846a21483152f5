import type { Locator, Page } from '@playwright/test';
import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, test, widget } from './fixtures';

const ID = 'cnn-mnist';

async function open(page: Page, lang: 'en' | 'zh', query = '') {
  await page.goto(`/${lang}/cnn?${query}`);
  const w = widget(page, ID);
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-data', 'ready', { timeout: 30_000 });
  await ready(w);
  return w;
}

/** The ten percentages a network's bars show for the digit on display. */
async function percentages(w: Locator, network: 'cnn' | 'dense') {
  const texts = await w.locator(`[data-network=${network}] .cnn-bar-value`).allTextContents();
  return texts.map((text) => Number(text.replace(/[^\d.]/g, '')));
}

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the MNIST CNN`, () => {
    test('loads the digits, trains both networks, and the CNN passes 90 % on the held-out test digits', async ({ page }) => {
      const w = await open(page, lang, `${ID}.steps=210&${ID}.speed=5`);
      await expect(w.locator('.cnn-credit')).toContainText('LeCun');
      await expect(w.locator('progress')).toHaveCount(0);
      await expect(w.locator('[data-total-params]').first()).toHaveText(lang === 'en' ? '5,994' : '5994');
      await w.locator('[data-action=step]').click();
      await expect(w).toHaveAttribute('data-step', '1');
      await playToBudget(w, 210);
      // The evaluation of step 200 is done by step 210.
      expect(await numberAttr(w, 'data-accuracy')).toBeGreaterThan(0.9);
      expect(await numberAttr(w, 'data-dense-accuracy')).toBeGreaterThan(0.5);
      expect(await numberAttr(w, 'data-epoch')).toBeCloseTo((210 * 64) / 12000, 3);
      await expect(w.locator('.loss-plot').first()).toHaveAttribute('data-curves', '2');
      await expectAllFinite(w);
      // The confusion matrix counts the same evaluation: a cell off the diagonal shows its digits, one of which can be picked.
      const cells = w.locator('.cnn-cm-cell:not(:text-is("0"))');
      const offDiagonal = w.locator('td:not(.cnn-cm-diagonal) .cnn-cm-cell:not(:text-is("0"))').first();
      // The views inside the network follow the weights while they are on screen.
      await w.locator('.cnn-confusion-panel').scrollIntoViewIfNeeded();
      await expect(cells.nth(10)).toBeVisible();
      await offDiagonal.click();
      const thumbnail = w.locator('.cnn-thumbnail').first();
      await thumbnail.click();
      await expect(w).toHaveAttribute('data-digit-source', 'test');
    });

    test('a digit drawn on the pad gets ten probabilities that sum to 1, from both networks', async ({ page }) => {
      const w = await open(page, lang, `${ID}.steps=60&${ID}.speed=5`);
      await playToBudget(w, 60);
      const pad = w.getByRole('img', { name: lang === 'en' ? /draw/i : /手写/ });
      await pad.scrollIntoViewIfNeeded();
      const box = (await pad.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.2, { steps: 8 });
      await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.85, { steps: 8 });
      await page.mouse.up();
      await expect(w).toHaveAttribute('data-digit-source', 'drawn');
      expect(await w.getAttribute('data-prediction')).toMatch(/^\d$/);
      for (const network of ['cnn', 'dense'] as const) {
        const shown = await percentages(w, network);
        expect(shown).toHaveLength(10);
        expect(Math.abs(shown.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(1);
      }
      await w.locator('[data-action=clear-drawing]').click();
      await expect(w).toHaveAttribute('data-digit-source', 'test');
    });
  });
}

for (const lang of ['en', 'zh'] as const) {
  test(`${lang}: the trained CNN downloads as model.json and its weights, and a link reproduces the run`, async ({ page }) => {
    const w = await open(page, lang, `${ID}.steps=30&${ID}.speed=5`);
    await playToBudget(w, 30);
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    const first = page.waitForEvent('download');
    await w.locator('[data-action=save-model]').click();
    const json = await (await first).path();
    await expect(w.locator('[data-save-status]')).toContainText('IndexedDB');
    expect(downloads.sort()).toEqual(['cnn-mnist.weights.bin', 'model.json']);
    const model = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(json!, 'utf8')));
    expect(model.weightsManifest[0].paths).toEqual(['./cnn-mnist.weights.bin']);
    expect(model.modelTopology.config.layers.map((l: { config: { name: string } }) => l.config.name)).toContain('conv1');
    await expectLinkReproduces(w, ID, 30, [`${ID}.seed=1`]);
  });
}
