import { expect, numberAttr, ready, test, widget } from './fixtures';

test.describe('the linear-regression widget', () => {
  test('Play trains: the step grows and the loss falls below 0.5', async ({ page }) => {
    await page.goto('/en/linear-regression');
    const w = widget(page);
    await ready(w);
    await w.scrollIntoViewIfNeeded();
    await w.locator('[data-action=play]').click();
    await expect(w).toHaveAttribute('data-state', 'running');
    await expect.poll(() => numberAttr(w, 'data-step')).toBeGreaterThan(10);
    const early = await numberAttr(w, 'data-loss');
    // Default budget 300 steps; the run stops by itself.
    await expect(w).toHaveAttribute('data-step', '300', { timeout: 30_000 });
    await expect(w).toHaveAttribute('data-state', 'paused');
    await expect(w.locator('[data-message]')).toHaveText('Finished the budget of 300 steps. Raise the budget to continue, or press Reset.');
    const final = await numberAttr(w, 'data-loss');
    expect(final).toBeLessThan(early);
    expect(final).toBeLessThan(0.5);
    // Gradient descent lands on the normal-equation answer, shown beside it.
    const learned = await w.locator('[data-row=learned] td').allTextContents();
    const closed = await w.locator('[data-row=closed-form] td').allTextContents();
    expect(Number(learned[0])).toBeCloseTo(Number(closed[0]), 2);
    expect(Number(learned[1])).toBeCloseTo(Number(closed[1]), 2);
    // …and the loss on the floor that the closed form sets, drawn as a reference line.
    expect(Number(learned[2])).toBeCloseTo(Number(closed[2]), 3);
    await expect(w.locator('.loss-plot')).toHaveAttribute('data-reference', /closed-form loss/);
    await expect(w.locator('[data-stats]')).toContainText('wasm');
    await expect(w.locator('.loss-plot')).toHaveAttribute('data-curves', '1');

    // The budget is used up: a new learning rate alone does not make Play do nothing; a larger budget continues.
    await w.locator('input[data-param=lr]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(w.locator('[data-action=play]')).toBeDisabled();
    await w.locator('input[data-param=steps]').focus();
    await page.keyboard.press('ArrowRight');
    await w.locator('[data-action=play]').click();
    await expect(w).toHaveAttribute('data-step', '310');
    await expect(w).toHaveAttribute('data-state', 'paused');
  });

  test('Step takes one step at a time, keyboard only', async ({ page }) => {
    await page.goto('/en/linear-regression');
    const w = widget(page);
    await ready(w);
    const stepButton = w.locator('[data-action=step]');
    await stepButton.focus();
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('Enter');
      await expect(w).toHaveAttribute('data-step', String(i));
    }
    await w.locator('[data-action=reset]').focus();
    await page.keyboard.press('Space');
    await expect(w).toHaveAttribute('data-step', '0');
    await expect(w).toHaveAttribute('data-state', 'idle');
  });

  test('the learning-rate slider changes the run, live and in the URL', async ({ page }) => {
    await page.goto('/en/linear-regression');
    const w = widget(page);
    await ready(w);
    const lossAfter = async (steps: number) => {
      for (let i = 0; i < steps; i++) await w.locator('[data-action=step]').click();
      await expect(w).toHaveAttribute('data-step', String(steps));
      return numberAttr(w, 'data-loss');
    };
    const fast = await lossAfter(8);
    await w.locator('[data-action=reset]').click();
    await ready(w);
    const slider = w.locator('input[data-param=lr]');
    await slider.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
    const shown = Number(await slider.getAttribute('aria-valuetext'));
    expect(shown).toBeLessThan(0.05);
    expect(page.url()).toContain(`linear-regression.lr=${shown}`);
    const slow = await lossAfter(8);
    expect(slow).toBeGreaterThan(fast);

    // While running, a new rate applies to the next step: the run is not restarted.
    await w.locator('[data-action=play]').click();
    await expect.poll(() => numberAttr(w, 'data-step')).toBeGreaterThan(30);
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const stepAfterChange = await numberAttr(w, 'data-step');
    expect(stepAfterChange).toBeGreaterThan(30);
    await expect(w).toHaveAttribute('data-state', /running|paused/);
    await expect.poll(() => numberAttr(w, 'data-step')).toBeGreaterThan(stepAfterChange);
  });

  test('the largest learning rate diverges, says so, draws nothing non-finite, and Reset recovers', async ({ page }) => {
    await page.goto('/zh/linear-regression');
    const w = widget(page);
    await ready(w);
    await w.locator('input[data-param=lr]').focus();
    await page.keyboard.press('End');
    await expect(w.locator('input[data-param=lr]')).toHaveAttribute('aria-valuetext', '1');
    await w.locator('[data-action=play]').click();
    await expect(w).toHaveAttribute('data-state', 'diverged');
    const message = w.locator('[role=alert]');
    await expect(message).toBeVisible();
    await expect(message).toContainText('学习率 1 太大');
    expect(Number.isFinite(await numberAttr(w, 'data-loss'))).toBe(true);
    expect(await w.locator('[data-value]').allTextContents()).not.toContain('NaN');
    await expect(w.locator('[data-action=play]')).toBeDisabled();

    await w.locator('[data-action=reset]').click();
    await ready(w);
    await expect(w).toHaveAttribute('data-step', '0');
    await expect(w.locator('[role=alert]')).toHaveCount(0);
    await w.locator('input[data-param=lr]').focus();
    await page.keyboard.press('Home');
    await w.locator('[data-action=step]').click();
    await expect(w).toHaveAttribute('data-step', '1');
    await expect(w).toHaveAttribute('data-state', 'paused');
  });

  test('a copied link reproduces the same loss at the same step', async ({ page, context }) => {
    await page.goto('/en/linear-regression');
    const w = widget(page);
    await ready(w);
    await w.locator('input[data-param=noise]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await w.locator('[data-action=new-data]').click();
    await ready(w);
    await w.locator('input[data-param=speed]').focus();
    await page.keyboard.press('End');
    await w.locator('[data-action=play]').click();
    await expect(w).toHaveAttribute('data-step', '300', { timeout: 30_000 });
    const loss = await w.getAttribute('data-loss');

    await w.locator('[data-action=copy-link]').click();
    // The clipboard write is asynchronous: wait for the link to be shown.
    await expect(w.locator('.copy-link-result')).toHaveAttribute('data-link', /^http/);
    const link = await w.locator('.copy-link-result').getAttribute('data-link');
    expect(link).toMatch(/linear-regression\.seed=\d+/);
    expect(link).toContain('linear-regression.noise=0.7');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    const other = await context.newPage();
    await other.goto(link!);
    const copy = widget(other);
    await ready(copy);
    // The link's #anchor brings the reader to the widget.
    await expect(copy).toBeInViewport();
    await copy.locator('[data-action=play]').click();
    await expect(copy).toHaveAttribute('data-step', '300', { timeout: 30_000 });
    expect(await copy.getAttribute('data-loss')).toBe(loss);
  });

  test('a malformed link parameter is ignored with a notice', async ({ page }) => {
    await page.goto('/en/linear-regression?linear-regression.lr=fast&linear-regression.n=100000');
    const w = widget(page);
    await ready(w);
    const notice = w.locator('.widget-notice');
    await expect(notice).toContainText('lr=fast');
    await expect(notice).toContainText('n=100000');
    await expect(w.locator('input[data-param=lr]')).toHaveAttribute('aria-valuetext', '0.05');
    await expect(w.locator('input[data-param=n]')).toHaveAttribute('aria-valuetext', '40');
  });

  test('the CPU backend can be forced and is named in the stats line', async ({ page }) => {
    await page.goto('/en/linear-regression?backend=cpu');
    const w = widget(page);
    await ready(w);
    await expect(w.locator('[data-backend]')).toHaveText('cpu');
    await w.locator('[data-action=step]').click();
    await expect(w).toHaveAttribute('data-step', '1');
  });

  test('a widget scrolled out of view pauses, and resumes when it comes back', async ({ page }) => {
    await page.goto('/en/linear-regression');
    const w = widget(page);
    await ready(w);
    await w.locator('input[data-param=steps]').focus();
    await page.keyboard.press('End');
    await w.scrollIntoViewIfNeeded();
    await w.locator('[data-action=play]').click();
    await expect(w).toHaveAttribute('data-state', 'running');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(w).toHaveAttribute('data-state', 'paused');
    const parked = await numberAttr(w, 'data-step');
    await page.waitForTimeout(300);
    expect(await numberAttr(w, 'data-step')).toBe(parked);
    await w.scrollIntoViewIfNeeded();
    await expect(w).toHaveAttribute('data-state', 'running');

    // A hidden tab pauses it too.
    const setHidden = (hidden: boolean) =>
      page.evaluate((value) => {
        Object.defineProperty(document, 'hidden', { value, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);
    await setHidden(true);
    await expect(w).toHaveAttribute('data-state', 'paused');
    await expect(w.locator('[data-message]')).toContainText('background tab');
    await setHidden(false);
    await expect(w).toHaveAttribute('data-state', 'running');
  });

  test('widgets far down the page start their worker only when the reader gets near', async ({ page }) => {
    await page.goto('/en/linear-regression');
    const last = widget(page, 'linear-regression-3');
    await expect(page.locator('article .katex-display').first()).toBeVisible();
    await page.waitForTimeout(1000);
    await expect(last).toHaveAttribute('data-state', 'loading');
    expect(page.workers().length).toBeLessThan(3);
    await ready(last);
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
  });

  test('leaving the page ends its workers', async ({ page }) => {
    await page.goto('/en/linear-regression');
    await ready(widget(page));
    expect(page.workers().length).toBeGreaterThanOrEqual(1);
    // The site's name in the banner leads home (lesson 01 is no longer first: its previous-lesson link goes to 00).
    await page
      .getByRole('banner')
      .getByRole('link', { name: /How Large Models Learn/ })
      .click();
    await expect(page).toHaveURL(/\/en\/$/);
    await expect.poll(() => page.workers().length).toBe(0);
  });
});

test.describe('without WebAssembly', () => {
  // page.route cannot see requests that a service worker answers: keep the service worker out of this test.
  test.use({ serviceWorkers: 'block' });

  test('when WebAssembly cannot load, the widget falls back to the CPU backend and says so', async ({ page, consoleErrors }) => {
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto('/en/linear-regression');
    const w = widget(page);
    await ready(w);
    await expect(w.locator('[data-backend]')).toHaveText('cpu');
    await expect(w.locator('.widget-notice')).toContainText('CPU backend');
    await w.locator('[data-action=step]').click();
    await expect(w).toHaveAttribute('data-step', '1');
    // The aborted downloads are logged by the browser itself; nothing else may fail.
    const unexpected = consoleErrors.filter((e) => !/Failed to load resource|wasm|WebAssembly/i.test(e));
    consoleErrors.length = 0;
    expect(unexpected).toEqual([]);
  });
});

test.describe('without the widget’s code', () => {
  test.use({ serviceWorkers: 'block' });

  test('a widget whose code cannot load says so, and the lesson still reads', async ({ page, consoleErrors }) => {
    await page.route('**/LinearRegressionWidget-*.js', (route) => route.abort());
    await page.goto('/en/linear-regression');
    await expect(page.locator('article .katex-display').first()).toBeVisible();
    const failed = page.locator('.widget-failed').first();
    await expect(failed).toHaveText('This widget could not be loaded. Please reload the page.');
    await expect(failed).toHaveAttribute('data-state', 'error');
    // The browser logs the refused download and React reports the caught error; nothing else may fail.
    const unexpected = consoleErrors.filter((e) => !/Failed to load resource|dynamically imported module|LinearRegressionWidget/i.test(e));
    consoleErrors.length = 0;
    expect(unexpected).toEqual([]);
  });
});
