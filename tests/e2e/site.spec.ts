import { expect, ready, test, widget } from './fixtures';

for (const lang of ['zh', 'en'] as const) {
  test(`home page in ${lang} shows the course map`, async ({ page }) => {
    await page.goto(`/${lang}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
    await expect(page.locator('h1')).toContainText(lang === 'zh' ? '大模型原理' : 'How Large Models Learn');
    // Lesson 0, the front door, comes first, then lesson 1.
    const entry = page.locator('.course-map a').first();
    await expect(entry).toHaveAttribute('href', `/${lang}/intro`);
    await expect(entry).toContainText(lang === 'zh' ? '什么是大模型' : 'What is a large model?');
    const second = page.locator('.course-map a').nth(1);
    await expect(second).toHaveAttribute('href', `/${lang}/linear-regression`);
    await expect(second).toContainText(lang === 'zh' ? '线性回归' : 'Linear regression');
  });

  test(`lesson page in ${lang} renders typeset formulas, contents and a widget`, async ({ page }) => {
    await page.goto(`/${lang}/linear-regression`);
    await expect(page.locator('article h1')).toContainText(lang === 'zh' ? '线性回归' : 'Linear regression');
    await expect(page.locator('article .katex-display').first()).toBeVisible();
    expect(await page.locator('article .katex').count()).toBeGreaterThan(20);
    await expect(page.locator('.katex-error')).toHaveCount(0);
    // Headings have anchors, and the table of contents links to them.
    const firstH2 = page.locator('article h2').first();
    const id = await firstH2.getAttribute('id');
    expect(id).toBeTruthy();
    await expect(firstH2.locator('a.anchor')).toHaveAttribute('href', `#${id}`);
    await expect(page.locator(`.toc a[href="#${id}"]`)).toBeVisible();
    // A common-mistake callout, and the closing quiz.
    await expect(page.locator('aside.callout-mistake')).toHaveCount(1);
    expect(await page.locator('[data-quiz=quiz] .quiz-question').count()).toBe(3);
    await ready(widget(page));
    await expect(page.locator('a[rel="prev"], .prev-next a').first()).toBeVisible();
  });

  test(`a question with its answer opens on click in ${lang}`, async ({ page }) => {
    await page.goto(`/${lang}/optimizers`);
    const question = page.locator('details.callout-answer').first();
    await expect(question.locator('summary')).toBeVisible();
    await expect(question).not.toHaveAttribute('open');
    await question.locator('summary').click();
    await expect(question).toHaveAttribute('open');
  });
}

test('the language switch keeps the page, and the choice is remembered', async ({ page }) => {
  await page.goto('/en/linear-regression');
  await page.getByRole('link', { name: '中文' }).click();
  await expect(page).toHaveURL(/\/zh\/linear-regression$/);
  await expect(page.locator('article h1')).toContainText('线性回归');
  await page.goto('/');
  await expect(page).toHaveURL(/\/zh\/$/);
});

test('the header’s course-map link scrolls to the map', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto('/en/linear-regression');
  await page.getByRole('link', { name: 'Course map' }).click();
  await expect(page).toHaveURL(/\/en\/#course-map$/);
  await expect(page.locator('#course-map')).toBeInViewport();
});

test('the root follows the browser language', async ({ browser }) => {
  for (const [locale, lang] of [
    ['zh-CN', 'zh'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
  ]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`/${lang}/$`));
    await context.close();
  }
});

test('the theme toggle switches to light and dark and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/');
  const html = page.locator('html');
  await expect(html).not.toHaveAttribute('data-theme', /.+/);
  const toggle = page.locator('.theme-toggle');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(15, 20, 32)');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('projector mode enlarges the type and is remembered', async ({ page }) => {
  await page.goto('/en/linear-regression');
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await size();
  const toggle = page.getByRole('button', { name: 'Projector' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await size()).toBeGreaterThanOrEqual(normal * 1.25);
  await page.reload();
  expect(await size()).toBeGreaterThanOrEqual(normal * 1.25);
  await page.getByRole('button', { name: 'Projector' }).click();
  expect(await size()).toBe(normal);
});

test('a system dark preference gives the dark theme without a toggle', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/zh/');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(15, 20, 32)');
});

test('an unknown page says so and links home', async ({ page }) => {
  await page.goto('/en/no-such-lesson');
  await expect(page.locator('h1')).toHaveText('404');
  await page.getByRole('link', { name: 'Course home' }).click();
  await expect(page).toHaveURL(/\/en\/$/);
});

test('the widget gallery renders every registered widget', async ({ page }) => {
  await page.goto('/widgets');
  await expect(page).toHaveURL(/\/(zh|en)\/widgets$/);
  // A widget starts its worker near the screen; the scaling widget comes first and is tall.
  const first = page.locator('section[data-widget="linear-regression"]');
  await first.scrollIntoViewIfNeeded();
  await expect(first).toHaveAttribute('data-state', 'idle');
});

for (const [slug, id] of [
  ['intro', 'scaling'],
  ['linear-regression', 'linear-regression'],
  ['gradient-descent', 'gd-variants'],
  ['optimizers', 'optimizer-race'],
  ['logistic-regression', 'logistic-regression'],
  ['svm', 'svm'],
  ['neural-networks', 'mlp-playground'],
  ['loss-regularization', 'overfitting'],
  ['data-preprocessing', 'normalization'],
  ['evaluation', 'metrics'],
  ['cnn', 'cnn-mnist'],
  ['rnn-lstm', 'sequence'],
  ['transformer-attention', 'tiny-transformer'],
  ['language-model', 'tiny-gpt'],
  ['model-as-a-service', 'serving'],
  ['scale-and-business', 'compute-cost'],
  ['recommender', 'matrix-factorization'],
]) {
  test(`${slug} reads at a phone’s width without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/zh/${slug}`);
    await ready(widget(page, id));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Nothing inside the widget is cut off either: its own content fits its width.
    const inner = await widget(page, id).evaluate((w) => w.scrollWidth - w.clientWidth);
    expect(inner).toBeLessThanOrEqual(0);
  });
}

test('the glossary lists terms in both languages, filters them, and links to their lesson', async ({ page }) => {
  await page.goto('/zh/');
  await page.getByRole('link', { name: '术语表' }).click();
  await expect(page).toHaveURL(/\/zh\/glossary$/);
  const entries = page.locator('.glossary-entry');
  await expect(entries.first()).toBeVisible();
  expect(await entries.count()).toBeGreaterThan(30);
  await page.getByLabel('搜索术语').fill('学习率');
  const rate = page.locator('.glossary-entry[data-term="learning rate"]');
  await expect(rate).toContainText('learning rate');
  const shown = await entries.allTextContents();
  expect(shown.length).toBeLessThan(10);
  for (const text of shown) expect(text).toContain('学习率');
  await rate.getByRole('link').click();
  await expect(page).toHaveURL(/\/zh\/linear-regression$/);
});
