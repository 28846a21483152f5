/**
 * The attention calculator (a page-only widget: nothing trains) on the widget gallery in both languages:
 * it renders, an edited number recomputes the weights, the causal mask zeroes the upper triangle exactly,
 * every row sums to 1, a link opens with its settings (and says which values it ignored), the cells explain
 * themselves to the keyboard, and the gallery passes axe. fixtures.ts fails any test that logs an error.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test, widget } from './fixtures';

const ID = 'attention-calculator';
const LANGS = ['en', 'zh'] as const;

async function weightsOf(w: Locator): Promise<number[][]> {
  return JSON.parse((await w.getAttribute('data-weights')) ?? 'null') as number[][];
}

function expectRowsSumToOne(weights: number[][]) {
  // Rounded to 4 decimals each: a row's sum is 1 within n · 0.00005.
  for (const row of weights) expect(Math.abs(row.reduce((a, v) => a + v, 0) - 1)).toBeLessThanOrEqual(row.length * 5e-5 + 1e-12);
}

async function open(page: import('@playwright/test').Page, lang: string, query = '') {
  await page.goto(`/${lang}/widgets${query ? `?${query}` : ''}#${ID}`);
  const w = widget(page, ID);
  await w.scrollIntoViewIfNeeded();
  await expect(w).toHaveAttribute('data-state', 'idle');
  return w;
}

for (const lang of LANGS) {
  test(`${lang}: renders the pronoun example; an edit recomputes the weights, whose rows sum to 1`, async ({ page }) => {
    const w = await open(page, lang);
    await expect(w).toHaveAttribute('data-preset', 'pronoun');
    await expect(w.locator('[data-step], [data-action=play]')).toHaveCount(0);
    const before = await weightsOf(w);
    expect(before).toHaveLength(5);
    // "it" (row 3) attends mostly to "animal" (column 0): 0.737 (src/ml/attention/attention.ts).
    expect(before[3][0]).toBeCloseTo(0.737, 3);
    expectRowsSumToOne(before);
    const weights = w.locator('table[data-matrix=weights]');
    await expect(weights.locator('td[data-cell="3-0"]')).toHaveText('0.737');
    // The Σ column shows every row's sum.
    for (let i = 0; i < 5; i++) await expect(weights.locator(`td[data-cell="${i}-5"]`)).toHaveText('1.000');

    // "it" stops being a pronoun: its query no longer looks for an animate noun.
    const input = w.locator('table[data-matrix=x] input[data-cell="3-2"]');
    await expect(input).toHaveValue('1');
    await input.fill('0');
    await expect.poll(async () => (await weightsOf(w))[3][0]).toBeLessThan(0.5);
    const after = await weightsOf(w);
    expectRowsSumToOne(after);
    await expect(weights.locator('td[data-cell="3-0"]')).toHaveText(after[3][0].toFixed(3));
    await expect(w.locator('table[data-matrix=q] td[data-cell="3-0"]')).toHaveText('0.00');

    // Arrow keys step an input by 0.1; the example's numbers come back on request.
    await input.press('ArrowUp');
    await expect(input).toHaveValue('0.1');
    await w.locator('[data-action=restore]').click();
    await expect(w.locator('table[data-matrix=x] input[data-cell="3-2"]')).toHaveValue('1');
    expect(await weightsOf(w)).toEqual(before);
    await expect(w.locator('[data-action=restore]')).toBeDisabled();

    // Another example starts from its own numbers, and so does this one on the way back.
    await w.locator('table[data-matrix=x] input[data-cell="3-2"]').fill('0');
    const preset = w.locator('select[data-param=preset]');
    await preset.selectOption('match');
    await expect(w).toHaveAttribute('data-preset', 'match');
    expect((await weightsOf(w))[3][1]).toBeCloseTo(0.87, 3);
    expect(new URL(page.url()).searchParams.get(`${ID}.preset`)).toBe('match');
    await preset.selectOption('pronoun');
    await expect(w.locator('table[data-matrix=x] input[data-cell="3-2"]')).toHaveValue('1');
    expect(await weightsOf(w)).toEqual(before);
  });

  test(`${lang}: the causal mask makes the upper triangle exactly 0 and goes into the link`, async ({ page }) => {
    const w = await open(page, lang);
    await w.locator('input[data-param=mask]').check();
    await expect(w.locator('table[data-matrix=masked]')).toBeVisible();
    const weights = await weightsOf(w);
    weights.forEach((row, i) => row.forEach((v, j) => (j > i ? expect(v).toBe(0) : expect(v).toBeGreaterThan(0))));
    expectRowsSumToOne(weights);
    expect(weights[0][0]).toBe(1);
    await expect(w.locator('table[data-matrix=masked] td[data-cell="0-1"]')).toHaveText('−∞');
    await expect(w.locator('table[data-matrix=weights] td[data-cell="0-4"]')).toHaveText('0.000');
    expect(new URL(page.url()).searchParams.get(`${ID}.mask`)).toBe('on');

    // Scaling off and a low temperature sharpen the rows; they still sum to 1.
    await w.locator('input[data-param=scale]').uncheck();
    const sharp = await weightsOf(w);
    expect(sharp[3][0]).toBeGreaterThan(weights[3][0]);
    expectRowsSumToOne(sharp);
  });

  test(`${lang}: a link opens with its settings and names the values it ignored`, async ({ page }) => {
    const w = await open(page, lang, `${ID}.mask=on&${ID}.preset=identity`);
    await expect(w.locator('input[data-param=mask]')).toBeChecked();
    await expect(w.locator('select[data-param=preset]')).toHaveValue('identity');
    await expect(w.locator('.widget-notice')).toHaveCount(0);
    // Q = K = V = I₂: row 0 sees only itself; row 1 is softmax([0, 1/√2]) = [0.3302, 0.6698].
    expect(await weightsOf(w)).toEqual([
      [1, 0],
      [0.3302, 0.6698],
    ]);

    const bad = await open(page, lang, `${ID}.preset=poem&${ID}.temperature=0&${ID}.mask=on`);
    await expect(bad.locator('select[data-param=preset]')).toHaveValue('pronoun');
    await expect(bad.locator('input[data-param=mask]')).toBeChecked();
    const notices = bad.locator('.widget-notice li');
    await expect(notices).toHaveCount(2);
    await expect(notices.nth(0)).toContainText('preset=poem');
    await expect(notices.nth(1)).toContainText('temperature=0');
  });

  test(`${lang}: junk in the link leaves the defaults and names every ignored key once`, async ({ page }) => {
    const junk = {
      preset: 'NaN',
      projections: '1e309',
      scale: '-3',
      mask: encodeURIComponent('<script>window.__junk=1</script>'),
      temperature: '1e309',
      bogus: '1',
      points: '1_2_3',
    };
    const w = await open(
      page,
      lang,
      Object.entries(junk)
        .map(([key, value]) => `${ID}.${key}=${value}`)
        .join('&'),
    );
    await expect(w.locator('select[data-param=preset]')).toHaveValue('pronoun');
    await expect(w.locator('input[data-param=projections]')).toBeChecked();
    await expect(w.locator('input[data-param=mask]')).not.toBeChecked();
    const notices = await w.locator('.widget-notice li').allTextContents();
    expect(notices).toHaveLength(Object.keys(junk).length);
    for (const key of Object.keys(junk))
      expect(
        notices.filter((text) => text.includes(` ${key}=`)),
        key,
      ).toHaveLength(1);
    expect(await weightsOf(w)).toHaveLength(5);
    expect(await page.evaluate(() => (window as { __junk?: number }).__junk)).toBeUndefined();
    await w.getByRole('button', { name: lang === 'en' ? 'Dismiss' : '关闭' }).click();
    await expect(w.locator('.widget-notice')).toHaveCount(0);
  });

  test(`${lang}: a computed cell explains itself on keyboard focus; the arrow keys move along the table`, async ({ page }) => {
    const w = await open(page, lang);
    const table = w.locator('table[data-matrix=weights]');
    const first = table.locator('td[data-cell="0-0"]');
    await first.focus();
    await expect(first).toBeFocused();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    const cell = table.locator('td[data-cell="3-0"]');
    await expect(cell).toBeFocused();
    await expect(cell).toHaveAttribute('tabindex', '0');
    await expect(first).toHaveAttribute('tabindex', '-1');
    const note = w.locator('figure:has(table[data-matrix=weights]) .attn-note');
    const it = lang === 'en' ? 'it' : '它';
    const animal = lang === 'en' ? 'animal' : '动物';
    await expect(note).toContainText(`weights[${it}][${animal}]`);
    await expect(note).toContainText('= 0.737');
    await expect(cell).toHaveAttribute('title', await note.innerText());
  });
}

for (const [lang, scheme] of [
  ['en', 'light'],
  ['zh', 'dark'],
] as const) {
  test(`/${lang}/widgets in the ${scheme} theme has no WCAG A/AA violations, the calculator masked and explained`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    const w = await open(page, lang, `${ID}.mask=on`);
    await w.locator('table[data-matrix=weights] td[data-cell="0-0"]').focus();
    await expect(w.locator('figure:has(table[data-matrix=weights]) .attn-note')).not.toBeEmpty();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
    expect(summary).toEqual([]);
  });
}
