import { expect, numberAttr, ready, test, widget } from './fixtures';

test.describe('the engine recovers', () => {
  test('a step budget lowered below the current step while running stops the run at once', async ({ page }) => {
    await page.goto('/en/linear-regression');
    const w = widget(page);
    await ready(w);
    const budget = w.locator('input[data-param=steps]');
    await budget.focus();
    await page.keyboard.press('End');
    await w.locator('[data-action=play]').click();
    await expect(w).toHaveAttribute('data-state', 'running');
    await expect.poll(() => numberAttr(w, 'data-step')).toBeGreaterThan(30);
    await budget.focus();
    await page.keyboard.press('Home');
    await expect(budget).toHaveAttribute('aria-valuetext', '10');
    await expect(w).toHaveAttribute('data-state', 'paused');
    const stopped = await numberAttr(w, 'data-step');
    expect(stopped).toBeGreaterThan(10);
    await expect(w.locator('[data-message]')).toHaveText(
      `Finished the budget of ${stopped.toLocaleString('en')} steps. Raise the budget to continue, or press Reset.`,
    );
    await expect(w.locator('[data-action=play]')).toBeDisabled();
    await page.waitForTimeout(200);
    expect(await numberAttr(w, 'data-step')).toBe(stopped);
  });

  test('Reset after the worker fails starts a fresh worker and says so', async ({ page }) => {
    // Keep a handle on every worker the page makes, to make the first one fail as a crashed worker does.
    await page.addInitScript(() => {
      const made: Worker[] = [];
      (window as unknown as { made: Worker[] }).made = made;
      window.Worker = class extends window.Worker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          made.push(this);
        }
      };
    });
    await page.goto('/en/linear-regression');
    const w = widget(page);
    await ready(w);
    await w.locator('[data-action=step]').click();
    await expect(w).toHaveAttribute('data-step', '1');
    await page.evaluate(() =>
      (window as unknown as { made: Worker[] }).made[0].dispatchEvent(new ErrorEvent('error', { message: 'boom' })),
    );
    await expect(w).toHaveAttribute('data-state', 'error');
    await expect(w.locator('[data-message]')).toHaveText('Training failed: boom. Press Reset.');

    await w.locator('[data-action=reset]').click();
    await expect(w).toHaveAttribute('data-state', 'idle');
    expect(await page.evaluate(() => (window as unknown as { made: Worker[] }).made.length)).toBe(2);
    await expect(w.locator('[data-notice=restarted]')).toHaveText(
      'The training worker had failed, so it was replaced by a fresh one; training starts again from the beginning.',
    );
    await w.locator('[data-action=step]').click();
    await expect(w).toHaveAttribute('data-step', '1');
    await expect(w).toHaveAttribute('data-state', 'paused');
    // The next ordinary reset takes the notice away.
    await w.locator('[data-action=reset]').click();
    await expect(w).toHaveAttribute('data-state', 'idle');
    await expect(w.locator('[data-notice=restarted]')).toHaveCount(0);
  });
});
