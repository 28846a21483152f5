import { test as base, expect, type Locator, type Page } from '@playwright/test';

/** Every test fails if the page logs an error or throws. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export function widget(page: Page, id = 'linear-regression'): Locator {
  return page.locator(`section[data-widget][data-widget-id="${id}"]`);
}

export async function numberAttr(locator: Locator, name: string): Promise<number> {
  return Number(await locator.getAttribute(name));
}

/** Brings the widget into view (it starts its worker when near the screen) and waits for its model. */
export async function ready(w: Locator) {
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-state', 'idle');
}

/** Moves a widget's slider with the keyboard: 'End' / 'Home' for its ends, or a number of arrow presses. */
export async function slide(w: Locator, key: string, move: 'End' | 'Home' | number) {
  const slider = w.locator(`input[data-param="${key}"]`);
  await slider.focus();
  const page = w.page();
  if (typeof move === 'string') await page.keyboard.press(move);
  else for (let i = 0; i < Math.abs(move); i++) await page.keyboard.press(move > 0 ? 'ArrowRight' : 'ArrowLeft');
  return Number(await slider.getAttribute('aria-valuetext'));
}

/** Plays until the step budget is used up (the widget pauses by itself). */
export async function playToBudget(w: Locator, budget: number) {
  await w.locator('[data-action=play]').click();
  await expect(w).toHaveAttribute('data-step', String(budget), { timeout: 45_000 });
  await expect(w).toHaveAttribute('data-state', 'paused');
}

/**
 * Copies the widget's link, opens it in a new page and plays it to the same budget: the run must end with
 * exactly the same loss.
 */
export async function expectLinkReproduces(w: Locator, id: string, budget: number, mustContain: string[] = []) {
  const loss = await w.getAttribute('data-loss');
  await w.locator('[data-action=copy-link]').click();
  await expect(w.locator('.copy-link-result')).toHaveAttribute('data-link', /^http/);
  const link = await w.locator('.copy-link-result').getAttribute('data-link');
  for (const part of mustContain) expect(link).toContain(part);
  const other = await w.page().context().newPage();
  await other.goto(link!);
  const copy = widget(other, id);
  await ready(copy);
  await expect(copy).toBeInViewport();
  await playToBudget(copy, budget);
  expect(await copy.getAttribute('data-loss')).toBe(loss);
  await other.close();
}

/** Nothing a widget shows may read NaN or Infinity. */
export async function expectAllFinite(w: Locator) {
  expect(Number.isFinite(await numberAttr(w, 'data-loss'))).toBe(true);
  for (const text of await w.locator('[data-value]').allTextContents()) expect(text).not.toMatch(/NaN|Infinity/);
}
