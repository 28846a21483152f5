/**
 * Present mode (src/widgets/present/): every widget opens alone, full screen, from its frame's button or P,
 * and closes with Esc back to where it was; the keys drive it; its QR code holds the run's link.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import type { Locator, Page } from '@playwright/test';
import { isTrainedWidgetId, isWidgetId } from '../../src/widgets/catalog';
import { expect, numberAttr, ready, test, widget } from './fixtures';

const CONTENT = join(import.meta.dirname, '../../content');

/** Every lesson's slug and its first widget (the directive's name is the first instance's id). */
const LESSONS = readdirSync(CONTENT)
  .filter((dir) => /^\d\d-/.test(dir))
  .sort()
  .map((dir) => {
    const names = [...readFileSync(join(CONTENT, dir, 'en.md'), 'utf8').matchAll(/^::([a-z-]+)/gm)].map((m) => m[1]);
    const first = names.find(isWidgetId);
    if (!first) throw new Error(`${dir} has no widget`);
    return { slug: dir.slice(3), id: first };
  });

const dialogOf = (page: Page, id: string) => page.locator(`.widget-slot[id="${id}"]`);

/** Opens present mode with the frame's button and checks the dialog: modal, labelled, focused, the widget inside. */
async function openPresent(page: Page, id: string) {
  const w = widget(page, id);
  const button = w.locator('[data-action=present]');
  await button.scrollIntoViewIfNeeded();
  await button.click();
  const dialog = dialogOf(page, id);
  await expect(dialog).toHaveAttribute('role', 'dialog');
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog).toBeFocused();
  const titleId = await dialog.getAttribute('aria-labelledby');
  await expect(page.locator(`[id="${titleId}"]`)).toContainText(await w.locator('.widget-title').innerText());
  await expect(page.locator('html')).toHaveAttribute('data-presenting', '');
  // Alone on the screen: the dialog covers the viewport and the widget is in it.
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
  await expect(w).toBeInViewport();
  await expect(button).toBeHidden();
  return dialog;
}

async function closeWithEscape(page: Page, id: string) {
  await page.keyboard.press('Escape');
  const dialog = dialogOf(page, id);
  await expect(dialog).not.toHaveAttribute('role');
  await expect(page.locator('html')).not.toHaveAttribute('data-presenting');
  await expect(widget(page, id).locator('[data-action=present]')).toBeFocused();
}

/** The QR code's pixels, read back from its canvas and decoded. */
async function decodeQr(dialog: Locator): Promise<string | null> {
  const image = await dialog.locator('canvas.present-qr').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, pixels: Array.from(data.data) };
  });
  return jsQR(Uint8ClampedArray.from(image.pixels), image.width, image.height)?.data ?? null;
}

for (const lang of ['en', 'zh'] as const) {
  test(`present mode opens and closes for a widget of every lesson, in ${lang}`, async ({ page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    for (const { slug, id } of LESSONS) {
      await page.goto(`/${lang}/${slug}`);
      await widget(page, id).locator('[data-action=present]').scrollIntoViewIfNeeded();
      const before = await page.evaluate(() => window.scrollY);
      const dialog = await openPresent(page, id);
      // The page behind can be neither reached nor read.
      await expect(page.locator('header.site-header')).toHaveAttribute('inert', '');
      await expect(dialog.locator('.present-qr, .present-qr-missing')).toHaveCount(1);
      await expect(dialog.locator('.present-keys')).toContainText('Esc');
      await closeWithEscape(page, id);
      await expect(page.locator('header.site-header')).not.toHaveAttribute('inert');
      expect(Math.abs((await page.evaluate(() => window.scrollY)) - before), `${slug}: the page scrolls back`).toBeLessThan(2);
    }
  });
}

test('the widget keeps its run, and the formula before it comes along', async ({ page }) => {
  await page.goto('/en/linear-regression');
  const w = widget(page);
  await ready(w);
  for (let i = 1; i <= 3; i++) {
    await w.locator('[data-action=step]').click();
    await expect(w).toHaveAttribute('data-step', String(i));
  }
  const loss = await w.getAttribute('data-loss');
  const dialog = await openPresent(page, 'linear-regression');
  await expect(w).toHaveAttribute('data-step', '3');
  expect(await w.getAttribute('data-loss')).toBe(loss);
  // The update rule, the last display formula of the section, with no id doubled.
  const formula = dialog.locator('.present-formula .katex-display');
  await expect(formula).toBeVisible();
  const source = page.locator('article > .katex-display').filter({ has: page.locator('annotation') });
  const texts = await source.evaluateAll((nodes, slot) => {
    const before = nodes.filter((n) => n.compareDocumentPosition(document.getElementById(slot)!) & Node.DOCUMENT_POSITION_FOLLOWING);
    return before.map((n) => n.querySelector('annotation')?.textContent);
  }, 'linear-regression');
  expect(await formula.locator('annotation').textContent()).toBe(texts[texts.length - 1]);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  expect(ids.length).toBe(new Set(ids).size);
  await closeWithEscape(page, 'linear-regression');
  await expect(w).toHaveAttribute('data-step', '3');

  // A section with no formula before its widget shows none (lesson 11's race opens its own section).
  await page.goto('/en/rnn-lstm');
  const race = await openPresent(page, 'sequence');
  await expect(race.locator('.present-formula')).toHaveCount(0);
});

test('the keys drive a training widget: Space, →, R, ↑ ↓, F, Esc, and Tab stays inside', async ({ page }) => {
  await page.goto('/en/linear-regression');
  const w = widget(page);
  await ready(w);
  // P with focus in the widget opens it.
  await w.locator('[data-action=step]').focus();
  await page.keyboard.press('p');
  const dialog = dialogOf(page, 'linear-regression');
  await expect(dialog).toHaveAttribute('role', 'dialog');
  await expect(dialog).toBeFocused();
  await expect(dialog.locator('.present-keys')).toContainText('play / pause');

  await page.keyboard.press('Space');
  await expect(w).toHaveAttribute('data-state', 'running');
  await expect.poll(() => numberAttr(w, 'data-step')).toBeGreaterThan(2);
  await page.keyboard.press('Space');
  await expect(w).toHaveAttribute('data-state', 'paused');
  const paused = await numberAttr(w, 'data-step');
  await page.keyboard.press('ArrowRight');
  await expect(w).toHaveAttribute('data-step', String(paused + 1));
  await page.keyboard.press('ArrowRight');
  await expect(w).toHaveAttribute('data-step', String(paused + 2));
  await page.keyboard.press('r');
  await expect(w).toHaveAttribute('data-step', '0');
  await expect(w).toHaveAttribute('data-state', 'idle');

  // ↑ ↓: the learning rate by one of its slider's steps, shown on the slider and said in the toast.
  const slider = w.locator('input[data-param=lr]');
  const output = w.locator('.slider:has(input[data-param=lr]) output');
  const start = Number(await slider.getAttribute('aria-valuetext'));
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => Number(await slider.getAttribute('aria-valuetext'))).toBeGreaterThan(start);
  const up = await slider.getAttribute('aria-valuetext');
  await expect(output).toHaveText(up!);
  await expect(dialog.locator('[data-toast]')).toHaveText(`Learning rate η: ${up}`);
  expect(page.url()).toContain(`linear-regression.lr=${up}`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => Number(await slider.getAttribute('aria-valuetext'))).toBeLessThan(start);
  await expect(dialog.locator('[data-toast]')).toHaveText(`Learning rate η: ${await slider.getAttribute('aria-valuetext')}`);

  // A focused slider keeps its own arrows: → moves it, and takes no step.
  await slider.focus();
  const onSlider = await slider.getAttribute('aria-valuetext');
  await page.keyboard.press('ArrowRight');
  await expect(slider).not.toHaveAttribute('aria-valuetext', onSlider!);
  await expect(w).toHaveAttribute('data-step', '0');

  // Tab goes round inside the dialog.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement) && document.activeElement !== document.body)).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);

  // F asks for full screen: granted, or refused and said so, never an error.
  await dialog.focus();
  await page.keyboard.press('f');
  await expect(dialog).toHaveAttribute('data-fullscreen', /^(on|refused)$/);
  if ((await dialog.getAttribute('data-fullscreen')) === 'on') {
    expect(await page.evaluate(() => document.fullscreenElement?.id)).toBe('linear-regression');
    await page.keyboard.press('f');
    await expect(dialog).toHaveAttribute('data-fullscreen', 'off');
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
  } else {
    await expect(dialog.locator('[data-toast]')).toHaveText('The browser did not allow full screen');
  }
  await closeWithEscape(page, 'linear-regression');
});

test('in Chinese, the keys drive the optimizer race’s first learning rate, and a page-only widget says it has no run', async ({ page }) => {
  await page.goto('/zh/optimizers');
  const w = widget(page, 'optimizer-race');
  await ready(w);
  const dialog = await openPresent(page, 'optimizer-race');
  await expect(dialog.locator('.present-keys')).toContainText('开始 / 暂停');
  const first = w.locator('input[type=range][data-param^=lr]').first();
  const start = Number(await first.getAttribute('aria-valuetext'));
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => Number(await first.getAttribute('aria-valuetext'))).toBeGreaterThan(start);
  await expect(dialog.locator('[data-toast]')).toContainText(`：${await first.getAttribute('aria-valuetext')}`);
  await page.keyboard.press('ArrowRight');
  await expect(w).toHaveAttribute('data-step', '1');
  await page.keyboard.press('Space');
  await expect(w).toHaveAttribute('data-state', 'running');
  await page.keyboard.press('Space');
  await expect(w).toHaveAttribute('data-state', 'paused');
  await closeWithEscape(page, 'optimizer-race');

  await page.goto('/zh/scale-and-business');
  const calc = widget(page, 'compute-cost');
  await openPresent(page, 'compute-cost');
  await page.keyboard.press('Space');
  await expect(dialogOf(page, 'compute-cost').locator('[data-toast]')).toHaveText('这个演示不训练模型，没有开始和单步');
  await page.keyboard.press('ArrowUp');
  await expect(dialogOf(page, 'compute-cost').locator('[data-toast]')).toHaveText('这个演示没有学习率滑块');
  await closeWithEscape(page, 'compute-cost');
  await expect(calc).toHaveAttribute('data-state', 'idle');
});

test('the QR code decodes to the run’s link, follows the settings, and opens the same run', async ({ page }) => {
  await page.goto('/en/linear-regression');
  const w = widget(page);
  await ready(w);
  const dialog = await openPresent(page, 'linear-regression');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page).toHaveURL(/linear-regression\.lr=/);
  // The QR code holds exactly what "Copy link" copies, and follows a change at once.
  await w.locator('[data-action=copy-link]').click();
  await expect(w.locator('.copy-link-result')).toHaveAttribute('data-link', /^http/);
  const copied = await w.locator('.copy-link-result').getAttribute('data-link');
  expect(copied).toMatch(/^http.*linear-regression\.lr=.*#linear-regression$/);
  await expect(dialog.locator('canvas.present-qr')).toHaveAttribute('data-qr', copied!);
  expect(await decodeQr(dialog)).toBe(copied);
  await page.keyboard.press('ArrowDown');
  await expect(dialog.locator('canvas.present-qr')).not.toHaveAttribute('data-qr', copied!);
  const link = await decodeQr(dialog);
  expect(link).not.toBe(copied);
  expect(link).toBe(await dialog.locator('canvas.present-qr').getAttribute('data-qr'));
  expect(link).toContain(`linear-regression.lr=${await w.locator('input[data-param=lr]').getAttribute('aria-valuetext')}`);

  // Five steps here and in a new page opened on the decoded link: the same settings, the same loss.
  for (let i = 1; i <= 5; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(w).toHaveAttribute('data-step', String(i));
  }
  const settings = (root: Locator) =>
    root
      .locator('input[data-param]')
      .evaluateAll((inputs) => inputs.map((i) => `${i.getAttribute('data-param')}=${(i as HTMLInputElement).value}`));
  const other = await page.context().newPage();
  await other.goto(link!);
  const copy = widget(other);
  await ready(copy);
  expect(await settings(copy)).toEqual(await settings(w));
  for (let i = 1; i <= 5; i++) {
    await copy.locator('[data-action=step]').click();
    await expect(copy).toHaveAttribute('data-step', String(i));
  }
  expect(await copy.getAttribute('data-loss')).toBe(await w.getAttribute('data-loss'));
  await other.close();
});

// WCAG 2.1 A/AA in present mode, both themes: a training widget and a page-only one.
for (const scheme of ['light', 'dark'] as const) {
  for (const [path, id] of [
    ['/en/linear-regression', 'linear-regression'],
    ['/zh/transformer-attention', 'attention-calculator'],
  ] as const) {
    test(`present mode for ${path} in the ${scheme} theme has no WCAG A/AA violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(path);
      const w = widget(page, id);
      if (isTrainedWidgetId(id)) await ready(w);
      const dialog = await openPresent(page, id);
      // Reduced motion: present mode appears without its fade.
      expect(await dialog.evaluate((d) => getComputedStyle(d).animationName)).toBe('none');
      if (isTrainedWidgetId(id)) {
        await page.keyboard.press('ArrowRight');
        await expect(w).toHaveAttribute('data-step', '1');
        await expect(dialog.locator('[data-toast]')).not.toBeEmpty();
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.help}`);
      expect(summary).toEqual([]);
    });
  }
}
