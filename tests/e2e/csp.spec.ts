/**
 * The Content-Security-Policy as a static host sends it: in the built pages as a <meta> and from the preview
 * server as a header (both from public/_headers). Every page of the site is visited in both languages with
 * its widgets loaded (a few trained briefly: workers, wasm, data downloads): no violation is reported, and
 * no request goes to another origin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { contentSecurityPolicy, headersForAllPaths, metaPolicy } from '../../src/app/security-headers';
import { readLessons } from '../../src/content/read-lessons';
import { expect, numberAttr, ready, test, widget } from './fixtures';

const HEADERS = headersForAllPaths(readFileSync(join(import.meta.dirname, '../../public/_headers'), 'utf8'));
const POLICY = contentSecurityPolicy(HEADERS);
const SLUGS = [...new Set(readLessons(join(import.meta.dirname, '../../content')).map((l) => l.slug))];
/** Lessons whose first widget is trained for a moment: a worker, the wasm backend, data downloads. */
const TRAINED = new Set(['linear-regression', 'neural-networks', 'cnn', 'transformer-attention', 'language-model']);

test('the built page carries the policy in a <meta>, less what only a header can say', async ({ request }) => {
  for (const path of ['/', '/zh/linear-regression', '/404.html']) {
    const html = await (await request.get(path)).text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1].replaceAll('&quot;', '"'), path).toBe(metaPolicy(POLICY));
    // The meta precedes every script, which it would not govern otherwise; no script is inline.
    expect(html.indexOf('Content-Security-Policy'), path).toBeLessThan(html.indexOf('<script'));
    expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  }
});

test('the preview server sends the security headers with pages, scripts, workers and wasm', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)![1];
  const assets = readdirSync(join(import.meta.dirname, '../../dist/assets'));
  const worker = assets.find((f) => f.startsWith('trainer.worker-'));
  const wasm = assets.find((f) => f.startsWith('tfjs-backend-wasm-simd-'));
  for (const path of ['/', '/en/glossary', entry, `/assets/${worker}`, `/assets/${wasm}`, '/theme.js', '/sw.js']) {
    const response = await request.get(path);
    expect(response.ok(), path).toBe(true);
    for (const [name, value] of HEADERS) expect(response.headers()[name.toLowerCase()], `${path} ${name}`).toBe(value);
  }
});

/** Collects CSP reports (events in the page, console lines from page and workers) and requests elsewhere. */
async function watch(page: Page, origin: string) {
  const violations: string[] = [];
  const elsewhere: string[] = [];
  const onConsole = (text: string) => /Content.Security.Policy|Refused to/i.test(text) && violations.push(text);
  page.on('console', (message) => onConsole(message.text()));
  page.on('worker', (worker) => worker.on('console', (message) => onConsole(message.text())));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin) elsewhere.push(request.url());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return { violations, elsewhere };
}

/** Brings every widget into view, so each loads its code (and starts its worker), and waits for them. */
async function loadWidgets(page: Page) {
  const widgets = page.locator('.widget-slot');
  for (let i = 0; i < (await widgets.count()); i++) {
    await widgets.nth(i).scrollIntoViewIfNeeded();
    await expect(widgets.nth(i).locator('[data-widget]').first()).not.toHaveAttribute('data-state', 'loading', { timeout: 30_000 });
  }
}

const PAGES = ['zh', 'en'].flatMap((lang) => [
  `/${lang}/`,
  `/${lang}/glossary`,
  `/${lang}/widgets`,
  ...SLUGS.map((slug) => `/${lang}/${slug}`),
]);

for (const path of PAGES) {
  test(`${path}: no CSP violation and no request to another origin`, async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    const { violations, elsewhere } = await watch(page, new URL(baseURL!).origin);
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    // KaTeX's formulas: its HTML carries inline styles, applied by React (CSSOM), which the policy allows.
    if (!path.endsWith('/') && !path.endsWith('glossary') && !path.endsWith('widgets')) {
      await expect(page.locator('article .katex').first()).toBeAttached();
    }
    if (!path.endsWith('widgets')) await loadWidgets(page);
    const slug = path.split('/')[2];
    if (TRAINED.has(slug)) {
      // The first widget with a Play button (lesson 12 opens with the attention calculator, which trains nothing).
      const id = await page.locator('section[data-widget]:has([data-action=play])').first().getAttribute('data-widget-id');
      const w = widget(page, id!);
      await ready(w);
      await w.locator('[data-action=play]').click();
      await expect.poll(() => numberAttr(w, 'data-step'), { timeout: 45_000 }).toBeGreaterThan(2);
      await w.locator('[data-action=pause]').click();
      // The policy lets the worker compile WebAssembly: the wasm backend runs, not the cpu fallback.
      await expect(w.locator('[data-backend]')).toHaveText('wasm');
    }
    await page.keyboard.press('/');
    await expect(page.locator('dialog.search-dialog [role=status]')).not.toHaveText(/…|\.\.\./);
    expect(violations).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
}
