/**
 * The site search: `/` opens it (not while typing in a field), the keyboard drives it, a result opens the
 * lesson at its heading or the glossary at its term, and its index loads only when the search opens.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const dialog = (page: Page) => page.locator('dialog.search-dialog');
const input = (page: Page) => dialog(page).getByRole('combobox');
const options = (page: Page) => dialog(page).getByRole('option');

/** The id the URL's hash names, decoded. */
const hashId = (page: Page) => page.evaluate(() => decodeURIComponent(window.location.hash.slice(1)));

test('loads its index only when the search opens', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/zh/');
  await expect(page.locator('.course-map, #course-map').first()).toBeVisible();
  expect(requested.filter((url) => url.includes('search-index'))).toEqual([]);
  await page.getByRole('button', { name: /搜索/ }).click();
  await expect(input(page)).toBeFocused();
  await expect.poll(() => requested.filter((url) => url.includes('search-index-zh')).length).toBe(1);
  expect(requested.filter((url) => url.includes('search-index-en'))).toEqual([]);
});

test('finds a Chinese term inside longer words and opens the lesson at its heading', async ({ page }) => {
  await page.goto('/zh/intro');
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(input(page)).toBeFocused();
  await page.keyboard.type('梯度');
  // 梯度 is found inside 梯度下降: the gradient-descent lesson is among the results, highlighted.
  const gd = options(page)
    .filter({ has: page.locator('mark', { hasText: '梯度' }) })
    .and(page.locator('[data-href^="/zh/gradient-descent"]'));
  await expect(gd.first()).toBeVisible();
  await input(page).fill('学习率调度');
  const first = options(page).first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(first).toHaveAttribute('data-href', `/zh/gradient-descent#${encodeURIComponent('学习率调度')}`);
  await expect(first.locator('mark').first()).toHaveText('学习率调度');
  await page.keyboard.press('Enter');
  await expect(dialog(page)).not.toBeVisible();
  await expect(page).toHaveURL(/\/zh\/gradient-descent#/);
  expect(await hashId(page)).toBe('学习率调度');
  const heading = page.locator('h2[id="学习率调度"]');
  await expect(heading).toBeInViewport();
  await expect(heading).toBeFocused();
});

test('keyboard only, in English: arrows move through the results, Enter opens one at its heading', async ({ page }) => {
  await page.goto('/en/linear-regression');
  // The lesson's text is rendered, so the page's key handler is in place before the key is pressed.
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(input(page)).toBeFocused();
  await page.keyboard.type('schedule');
  const target = options(page).and(page.locator('[data-href="/en/gradient-descent#learning-rate-schedules"]'));
  await expect(target.locator('mark').first()).toHaveText(/^schedule$/i);
  const count = await options(page).count();
  expect(count).toBeGreaterThan(1);
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  // Up from the first result wraps to the last; down from the last wraps to the first.
  await page.keyboard.press('ArrowUp');
  await expect(options(page).last()).toHaveAttribute('aria-selected', 'true');
  await expect(input(page)).toHaveAttribute('aria-activedescendant', (await options(page).last().getAttribute('id'))!);
  await page.keyboard.press('ArrowDown');
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  for (let i = 0; i < count && (await target.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/gradient-descent#learning-rate-schedules$/);
  await expect(page.locator('#learning-rate-schedules')).toBeInViewport();
  // Case and word starts: "GRAD" finds "gradient", the glossary entry opens the glossary at the term.
  await page.keyboard.press('/');
  await page.keyboard.type('GRAD');
  await expect(options(page).first().locator('mark').first()).toHaveText(/^grad$/i);
  await input(page).fill('gradient');
  await expect(options(page).first()).toHaveAttribute('data-href', '/en/glossary#term-gradient');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/glossary#term-gradient$/);
  await expect(page.locator('#term-gradient')).toBeInViewport();
});

test('`/` does not open the search while typing in a field; Esc closes it and gives focus back', async ({ page }) => {
  await page.goto('/en/glossary');
  const field = page.getByLabel(/search terms/i);
  await field.click();
  await page.keyboard.type('a/b');
  await expect(field).toHaveValue('a/b');
  await expect(dialog(page)).not.toBeVisible();
  const button = page.getByRole('button', { name: /^Search/ });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(input(page)).toBeFocused();
  await page.keyboard.type('/');
  await expect(input(page)).toHaveValue('/');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).not.toBeVisible();
  await expect(button).toBeFocused();
});

for (const lang of ['zh', 'en'] as const) {
  test(`with the search open and results shown (${lang}), axe finds no violation, also at a phone's width`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`/${lang}/`);
    const button = page.getByRole('button', { name: lang === 'zh' ? /搜索/ : /^Search/ });
    await expect(button).toBeInViewport();
    await button.click();
    await page.keyboard.type(lang === 'zh' ? '注意力' : 'attention');
    await expect(options(page).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
      expect(summary, scheme).toEqual([]);
    }
  });
}
