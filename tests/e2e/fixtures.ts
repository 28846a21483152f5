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
