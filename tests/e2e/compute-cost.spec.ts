/**
 * The compute-cost calculator (a page-only widget: nothing trains) on lesson 16 in both languages: it opens on
 * the defaults the lesson describes, every figure follows a slider, a select or the chart's point (pointer and
 * keyboard), the link reproduces the configuration exactly, and a bad link names what it ignored.
 * fixtures.ts fails any test that logs an error.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, numberAttr, slide, test, widget } from './fixtures';

const ID = 'compute-cost';
const LANGS = ['en', 'zh'] as const;
const FIGURES = ['data-flops', 'data-hours', 'data-days', 'data-cost', 'data-cost-per-million', 'data-breakeven'] as const;

async function open(page: Page, lang: string, query = '') {
  await page.goto(`/${lang}/scale-and-business${query ? `?${query}` : ''}`);
  const w = widget(page, ID);
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-state', 'idle');
  await expect(w).toHaveAttribute('data-flops', /\d/);
  return w;
}

async function figures(w: Locator) {
  return Object.fromEntries(await Promise.all(FIGURES.map(async (name) => [name, await w.getAttribute(name)] as const)));
}

for (const lang of LANGS) {
  test(`${lang}: opens on the lesson's defaults; the tables and the chart show them`, async ({ page }) => {
    const w = await open(page, lang);
    await expect(w.locator('[data-step], [data-action=play]')).toHaveCount(0);
    // 6 × 8e9 × 1.5e13 = 7.2e23 FLOPs; 505,357 H100-hours at 40 %; 20.6 days on 1,024; $1.01 million at $2.
    expect(await numberAttr(w, 'data-flops')).toBe(7.2e23);
    expect(await numberAttr(w, 'data-hours')).toBeCloseTo(505_356.78, 1);
    expect(await numberAttr(w, 'data-days')).toBeCloseTo(20.563, 3);
    expect(await numberAttr(w, 'data-cost')).toBeCloseTo(1_010_713.56, 1);
    expect(await numberAttr(w, 'data-breakeven')).toBeCloseTo(1.14375e13, -9);
    await expect(w.locator('td[data-value=flops]')).toHaveText('7.20 × 10²³ FLOPs');
    await expect(w.locator('td[data-value=cost]')).toHaveText(lang === 'en' ? '$1.01 million' : '101 万美元');
    await expect(w.locator('td[data-value=days]')).toHaveText('20.6');
    await expect(w.locator('td[data-value=ratio]')).toHaveText(lang === 'en' ? '1,875' : '1875');
    await expect(w.locator('td[data-value=per-million]')).toHaveText(lang === 'en' ? '$0.0225' : '0.0225 美元');
    await expect(w.locator('tr[data-model]')).toHaveCount(9);
    await expect(w.locator('tr[data-model=gpt-3]')).toContainText(lang === 'en' ? '175 billion' : '1750 亿');
    await expect(w.locator('tr[data-model=gpt-3] a')).toHaveAttribute('href', 'https://arxiv.org/abs/2005.14165');
    const chart = w.locator('[data-chart=scale]');
    await expect(chart.locator('svg circle[data-mark=mine]')).toHaveCount(1);
    await expect(chart.locator('svg text', { hasText: 'Chinchilla' })).toHaveCount(1);
    await expect(w.locator('[data-value=verdict]')).toContainText(lang === 'en' ? '11.4 trillion' : '11.4 万亿');
    // The break-even chart: two cost lines that cross at the break-even, said in its label.
    const breakEven = w.locator('[data-chart=break-even]');
    await expect(breakEven).toHaveAttribute('aria-label', new RegExp(lang === 'en' ? '11\\.4 trillion' : '11\\.4 万亿'));
    await expect(breakEven.locator('svg path.recharts-line-curve')).toHaveCount(2);
  });

  test(`${lang}: every figure follows the sliders and selects, and the link follows them`, async ({ page }) => {
    const w = await open(page, lang);
    const before = await figures(w);
    const params = await slide(w, 'params', 5);
    expect(params).toBeGreaterThan(8e9);
    await expect.poll(() => numberAttr(w, 'data-flops')).toBeCloseTo(6 * params * 1.5e13, -18);
    const moved = await figures(w);
    for (const name of FIGURES) expect(moved[name], name).not.toBe(before[name]);
    expect(Number(new URL(page.url()).searchParams.get(`${ID}.params`))).toBe(params);

    // Another chip changes the hours, not the FLOPs; a bigger cluster shortens the days, not the cost.
    await w.locator('select[data-param=accelerator]').selectOption('a100');
    await expect.poll(() => numberAttr(w, 'data-hours')).toBeCloseTo((6 * params * 1.5e13) / (312e12 * 0.4 * 3600), 0);
    expect(await numberAttr(w, 'data-flops')).toBe(Number(moved['data-flops']));
    const cost = await numberAttr(w, 'data-cost');
    const days = await numberAttr(w, 'data-days');
    await w.locator('select[data-param=chips]').selectOption('4096');
    await expect.poll(() => numberAttr(w, 'data-days')).toBeCloseTo(days / 4, 6);
    expect(await numberAttr(w, 'data-cost')).toBe(cost);
    const utilization = await slide(w, 'utilization', 'End');
    expect(utilization).toBe(0.8);
    await expect.poll(() => numberAttr(w, 'data-cost')).toBeCloseTo(cost / 2, 0);
    expect(new URL(page.url()).searchParams.get(`${ID}.accelerator`)).toBe('a100');
  });

  test(`${lang}: the chart's point moves with the arrow keys and with a click`, async ({ page }) => {
    const w = await open(page, lang);
    const chart = w.locator('[data-chart=scale]');
    await chart.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const tokens = Number(await w.locator('input[data-param=tokens]').getAttribute('aria-valuetext'));
    expect(tokens).toBeGreaterThan(1.5e13);
    await expect.poll(() => numberAttr(w, 'data-flops')).toBeCloseTo(6 * 8e9 * tokens, -18);
    await page.keyboard.press('ArrowLeft');
    await expect(w.locator('input[data-param=params]')).not.toHaveAttribute('aria-valuetext', '8.00e9');

    // A click at the plot's lower left puts a small model on few tokens: far less compute.
    const box = (await chart.boundingBox())!;
    await chart.click({ position: { x: 90, y: box.height - 60 } });
    await expect.poll(() => numberAttr(w, 'data-flops')).toBeLessThan(1e20);
    const url = new URL(page.url());
    expect(Number(url.searchParams.get(`${ID}.params`))).toBeLessThan(1e9);
    expect(Number(url.searchParams.get(`${ID}.tokens`))).toBeLessThan(1e10);
  });

  test(`${lang}: Copy link reproduces the configuration exactly`, async ({ page }) => {
    const w = await open(page, lang);
    await slide(w, 'params', 7);
    await slide(w, 'tokens', -9);
    await slide(w, 'served', 12);
    await slide(w, 'price', 4);
    await w.locator('select[data-param=accelerator]').selectOption('tpu-v5p');
    await w.locator('select[data-param=chips]').selectOption('256');
    const mine = await figures(w);
    await w.locator('[data-action=copy-link]').click();
    await expect(w.locator('.copy-link-result')).toHaveAttribute('data-link', /^http/);
    const link = (await w.locator('.copy-link-result').getAttribute('data-link'))!;
    expect(link).toContain(`${ID}.accelerator=tpu-v5p`);
    const other = await page.context().newPage();
    await other.goto(link);
    const copy = widget(other, ID);
    await copy.scrollIntoViewIfNeeded();
    await expect(copy).toHaveAttribute('data-flops', mine['data-flops']!);
    expect(await figures(copy)).toEqual(mine);
    await expect(copy.locator('select[data-param=chips]')).toHaveValue('256');
    await expect(copy.locator('.widget-notice')).toHaveCount(0);
    await other.close();
  });

  test(`${lang}: a bad link keeps the defaults for what it got wrong and says so`, async ({ page }) => {
    const w = await open(page, lang, `${ID}.params=1e15&${ID}.accelerator=h200&${ID}.tokens=2e12`);
    const notices = w.locator('.widget-notice li');
    await expect(notices).toHaveCount(2);
    await expect(notices.nth(0)).toContainText('params=1e15');
    await expect(notices.nth(1)).toContainText('accelerator=h200');
    expect(await numberAttr(w, 'data-flops')).toBe(6 * 8e9 * 2e12);
  });
}
