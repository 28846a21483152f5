import { expect, expectAllFinite, expectLinkReproduces, numberAttr, playToBudget, ready, slide, test, widget } from './fixtures';

const ID = 'mlp-playground';
/** Every widget sits once, on its defaults, on the gallery page; the lesson places it with experiments. */
const page$ = (lang: string, query = '') => `/${lang}/widgets${query ? `?${query}` : ''}#${ID}`;
const testLoss = async (w: ReturnType<typeof widget>) => Number(await w.locator('[data-test-loss]').getAttribute('data-test-loss'));
const q = (params: Record<string, number | string | readonly (number | string)[]>) =>
  Object.entries(params)
    .map(([k, v]) => `${ID}.${k}=${Array.isArray(v) ? v.join(',') : v}`)
    .join('&');
const ALL_FEATURES = ['x1', 'x2', 'x1Squared', 'x2Squared', 'x1x2', 'sinX1', 'sinX2'];
/** How many of the diagram's pixels are painted, read through a copy (the worker's pictures leave no 2-D context to read). */
const paintedPixels = (canvas: ReturnType<ReturnType<typeof widget>['locator']>) =>
  canvas.evaluate((c: HTMLCanvasElement) => {
    const copy = document.createElement('canvas');
    [copy.width, copy.height] = [c.width, c.height];
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(c, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  });

for (const lang of ['en', 'zh'] as const) {
  test.describe(`${lang}: the neural-network playground`, () => {
    test('trains on the circle; adding a layer changes the diagram and the run; a copied link reproduces', async ({ page }) => {
      await page.goto(page$(lang, q({ steps: 60, speed: 20 })));
      const w = widget(page, ID);
      await ready(w);
      const canvas = w.locator('canvas.network-canvas');
      await expect(canvas).toHaveAttribute('data-layers', '4-2');
      await playToBudget(w, 60);
      // The training worker paints the diagram: pictures arrived, and they are not blank.
      expect(Number(await canvas.getAttribute('data-paints'))).toBeGreaterThan(0);
      expect(await paintedPixels(canvas)).toBeGreaterThan(5000);
      const first = Number(await w.getAttribute('data-loss'));
      expect(first).toBeLessThan(0.45);
      expect(await testLoss(w)).toBeLessThan(0.5);
      await expectAllFinite(w);

      await w.locator('[data-action=add-layer]').click();
      await ready(w);
      await expect(canvas).toHaveAttribute('data-layers', '4-2-2');
      await expect(w.locator('[data-value=layers]')).toContainText('3');
      await w.locator('[data-layer="3"] [data-action=add-neuron]').click();
      await ready(w);
      await expect(canvas).toHaveAttribute('data-layers', '4-2-3');
      await playToBudget(w, 60);
      expect(Number(await w.getAttribute('data-loss'))).not.toBe(first);
      await expectLinkReproduces(w, ID, 60, [`${ID}.layers=4,2,3`, `${ID}.features=x1,x2`]);
    });

    test('input features switch from the keyboard; a linear model needs x₁² and x₂² for the circle', async ({ page }) => {
      await page.goto(page$(lang, q({ steps: 40, speed: 20, layers: [] })));
      const w = widget(page, ID);
      await ready(w);
      await playToBudget(w, 40);
      // No hidden layer, inputs x₁ x₂: a line cannot enclose the circle.
      expect(Number(await w.getAttribute('data-loss'))).toBeGreaterThan(0.6);
      for (const feature of ['x1Squared', 'x2Squared']) {
        const button = w.locator(`[data-feature=${feature}]`);
        await expect(button).toHaveAttribute('aria-pressed', 'false');
        await button.focus();
        await page.keyboard.press('Enter');
        await ready(w);
        await expect(button).toHaveAttribute('aria-pressed', 'true');
      }
      await playToBudget(w, 40);
      expect(Number(await w.getAttribute('data-loss'))).toBeLessThan(0.3);
    });

    test('the spiral with all seven inputs and six layers of 8 gets its test loss below 0.1', async ({ page }) => {
      await page.goto(page$(lang, q({ steps: 150, speed: 50, dataset: 'spiral', features: ALL_FEATURES, layers: [8, 8, 8, 8, 8, 8] })));
      const w = widget(page, ID);
      await ready(w);
      await playToBudget(w, 150);
      expect(await testLoss(w)).toBeLessThan(0.1);
    });

    test('TensorFlow Playground’s output, loss and start are two choices; the table and the root give the test accuracy', async ({
      page,
    }) => {
      await page.goto(page$(lang, q({ steps: 80, speed: 20 })));
      const w = widget(page, ID);
      await ready(w);
      await playToBudget(w, 80);
      const crossEntropy = await numberAttr(w, 'data-accuracy');
      expect(crossEntropy).toBeGreaterThan(0.9);
      await expect(w.locator('[data-value=test-accuracy]')).toContainText('%');
      await w.locator('[data-param=loss]').selectOption('squared');
      await w.locator('[data-param=init]').selectOption('playground');
      await ready(w);
      await expect(w).toHaveAttribute('data-step', '0');
      await expect(
        w.locator('figcaption').filter({ hasText: lang === 'en' ? 'squared error on labels ±1' : '±1 标签的 ½·平方误差' }),
      ).toHaveCount(1);
      await playToBudget(w, 80);
      // The first playground's circle: both ways separate it; the loss is now ½(o − t)², not cross-entropy.
      expect(await numberAttr(w, 'data-accuracy')).toBeGreaterThan(0.9);
      await expectAllFinite(w);
      await expectLinkReproduces(w, ID, 80, [`${ID}.loss=squared`, `${ID}.init=playground`]);
    });

    test('where a worker cannot paint (no OffscreenCanvas), the page paints the diagram itself', async ({ page }) => {
      await page.addInitScript(() => delete (window as { OffscreenCanvas?: unknown }).OffscreenCanvas);
      await page.goto(page$(lang, q({ steps: 30, speed: 10 })));
      const w = widget(page, ID);
      await ready(w);
      await playToBudget(w, 30);
      const canvas = w.locator('canvas.network-canvas');
      await expect.poll(async () => Number(await canvas.getAttribute('data-paints'))).toBeGreaterThan(1);
      expect(await paintedPixels(canvas)).toBeGreaterThan(5000);
      expect(await testLoss(w)).toBeLessThan(0.6);
    });

    test('the largest learning rate is handled; a CSV is read or refused with the line at fault', async ({ page }) => {
      await page.goto(page$(lang, q({ steps: 30, speed: 10 })));
      const w = widget(page, ID);
      await ready(w);
      expect(await slide(w, 'lr', 'End')).toBe(10);
      await w.locator('[data-action=play]').click();
      await expect(w).toHaveAttribute('data-state', /paused|diverged/, { timeout: 45_000 });
      await expectAllFinite(w);
      if ((await w.getAttribute('data-state')) === 'diverged') await expect(w.locator('[data-message]')).toContainText('10');

      await w.locator('.own-data summary').click();
      await w.locator('[data-csv=text]').fill('x1,x2,label\n1,2,1\n3,4,2\n');
      await w.locator('[data-action=use-csv]').click();
      await expect(w.locator('[data-csv-message=error]')).toContainText('3');
      const rows = ['x1,x2,label'];
      for (let i = 0; i < 40; i++) rows.push(`${(i % 10) - 5},${Math.floor(i / 10) - 2},${i % 10 < 5 ? 0 : 1}`);
      await w.locator('[data-csv=text]').fill(rows.join('\n'));
      await w.locator('[data-action=use-csv]').click();
      await expect(w.locator('[data-csv-message=ok]')).toBeVisible();
      await expect(w.locator('[data-own-points]')).toHaveAttribute('data-own-points', '40');
      await slide(w, 'lr', -40);
      await w.locator('[data-action=reset]').click();
      await ready(w);
      await playToBudget(w, 30);
      await expectAllFinite(w);
      await expectLinkReproduces(w, ID, 30, [`${ID}.points=`]);
    });
  });
}

test('an old playground link (indices, a feature mask, a layer count with n1 … n6) opens as it was meant, then reads as names', async ({
  page,
}) => {
  const old = q({ dataset: 1, activation: 0, discretize: 1, features: 35, layers: 3, n1: 5, n2: 3, n3: 2, n4: 2, n5: 2, n6: 2 });
  await page.goto(page$('en', old));
  const w = widget(page, ID);
  await ready(w);
  await expect(w.locator('.widget-notice ul')).toHaveCount(0);
  await expect(w.locator('canvas.network-canvas')).toHaveAttribute('data-layers', '5-3-2');
  for (const [feature, on] of [
    ['x1', true],
    ['x2', true],
    ['x1Squared', false],
    ['sinX1', true],
  ] as const) {
    await expect(w.locator(`[data-feature=${feature}]`)).toHaveAttribute('aria-pressed', String(on));
  }
  await expect(w.locator('select[data-param=dataset]')).toHaveValue('xor');
  await expect(w.locator('select[data-param=activation]')).toHaveValue('relu');
  await expect(w.locator('input[data-param=discretize]')).toBeChecked();
  // The first change writes the link in today's form.
  await w.locator('[data-layer="3"] [data-action=add-neuron]').click();
  await ready(w);
  const url = decodeURIComponent(page.url());
  for (const part of ['dataset=xor', 'activation=relu', 'discretize=on', 'features=x1,x2,sinX1', 'layers=5,3,3'])
    expect(url).toContain(`${ID}.${part}`);
  expect(url).not.toMatch(/\.n[1-6]=/);
});

test('a malformed playground link is ignored with a notice naming each key', async ({ page }) => {
  await page.goto(page$('en', q({ activation: 'softmax', features: 'x1,x9', layers: '4,-2', discretize: 'maybe' })));
  const w = widget(page, ID);
  await ready(w);
  const notice = w.locator('.widget-notice');
  for (const key of ['activation', 'features', 'layers', 'discretize']) await expect(notice).toContainText(key);
  await expect(w.locator('canvas.network-canvas')).toHaveAttribute('data-layers', '4-2');
  await expect(w.locator('select[data-param=activation]')).toHaveValue('tanh');
});
