/**
 * No link can break a page. Every lesson, in both languages, opens with junk in its query string and
 * fragment — a broken percent escape, unknown keys, and for every widget on the page a junk value for each
 * of its parameters (NaN, 1e309, a negative size, 10 kB of digits, a <script> tag, a broken escape), an
 * unknown `<id>.bogus` and an absurd `<id>.points` list — all in one page load per lesson and language.
 * Every widget must still start (data-state="idle"), take a step (a trained one; a page-only one has none),
 * and say which link values it ignored; the page must log no error (fixtures.ts fails the test on any).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { STRINGS } from '../../src/i18n/strings';
import type { ParamSpec } from '../../src/state/params';
import { isTrainedWidgetId, WIDGET_SPECS, type WidgetId } from '../../src/widgets/catalog';
import { expect, test } from './fixtures';

const CONTENT = join(import.meta.dirname, '../../content');
const LANGS = ['zh', 'en'] as const;

/** A percent escape cut short: decodeURIComponent throws on it (URIError). */
const BROKEN = '%E0%A4%A';
const SCRIPT = '<img src=x onerror="window.__junk=1"><script>window.__junk=1</script>';
const TEN_KB = '9'.repeat(10 * 1024);
/** More points than a link may hold (600), each of them nonsense as well. */
const ABSURD_POINTS = '1e9_-1e9_7*'.repeat(1000);

/** Lessons from content/NN-slug folders, with the widget ids each language's page gives its directives. */
function lessons() {
  return readdirSync(CONTENT, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d+-/.test(d.name))
    .map((d) => ({
      folder: d.name,
      slug: d.name.replace(/^\d+-/, ''),
      widgets: Object.fromEntries(LANGS.map((lang) => [lang, widgetsIn(readFileSync(join(CONTENT, d.name, `${lang}.md`), 'utf8'))])),
    }));
}

/** `::name{…}` leaf directives in order; a second instance of a widget is `<name>-2` (remark-widgets.ts). */
function widgetsIn(markdown: string) {
  const seen: Record<string, number> = {};
  return [...markdown.matchAll(/^::([a-z][\w-]*)(?:\{[^}]*\})?\s*$/gm)].map((m) => {
    const name = m[1];
    seen[name] = (seen[name] ?? 0) + 1;
    return { name, id: seen[name] === 1 ? name : `${name}-${seen[name]}` };
  });
}

/** A value each parameter must refuse. Query-string text, already encoded where it needs to be. */
function junkFor(spec: ParamSpec, index: number): string {
  // A negative size, out of any range; for a list, a list holding one.
  const negative = spec.kind === 'float' || spec.kind === 'int' ? String(-(Math.abs(spec.min) + Math.abs(spec.max) + 1)) : '-3';
  const values = ['NaN', '1e309', negative, TEN_KB, encodeURIComponent(SCRIPT), BROKEN];
  return values[index % values.length];
}

function junkQuery(widgets: { name: string; id: string }[]): string {
  const parts = [
    `x=${BROKEN}`,
    `${BROKEN}=1`,
    'utm_source=junk',
    'no-such-widget.lr=1',
    `backend=${encodeURIComponent(SCRIPT)}`,
    'tfjsflags=junk',
  ];
  for (const { name, id } of widgets) {
    WIDGET_SPECS[name as WidgetId].forEach((spec, i) => parts.push(`${id}.${spec.key}=${junkFor(spec, i)}`));
    parts.push(`${id}.bogus=1`, `${id}.points=${ABSURD_POINTS}`);
  }
  return parts.join('&');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The junk URL can pass 100 kB, more than the preview server takes in a request line: the browser
 * navigates to it (the page sees all of it in `location`), while the request that reaches the server
 * leaves the query out.
 */
async function serveWithoutQuery(page: Page) {
  await page.route(
    (url) => url.search.length > 2000,
    (route: Route) => {
      const url = new URL(route.request().url());
      url.search = '';
      return route.continue({ url: url.toString() });
    },
  );
}

// Routed requests and the offline service worker do not mix (docs/architecture.md, "Offline").
test.use({ serviceWorkers: 'block' });

for (const lesson of lessons()) {
  for (const lang of LANGS) {
    test(`${lang}/${lesson.slug} survives a junk link`, async ({ page, consoleErrors }) => {
      test.setTimeout(90_000);
      const widgets = lesson.widgets[lang];
      const t = STRINGS[lang];
      await serveWithoutQuery(page);
      await page.goto(`/${lang}/${lesson.slug}?${junkQuery(widgets)}#${BROKEN}`);
      expect(await page.evaluate(() => location.search), 'the page sees the junk query').toContain(BROKEN);
      await expect(page.locator('article h1')).toBeVisible();

      for (const { name, id } of widgets) {
        const slot = page.locator(`.widget-slot[id="${id}"]`);
        await slot.scrollIntoViewIfNeeded();
        const root = slot.locator('[data-widget]').first();
        await expect(root).toHaveAttribute('data-state', /^(idle|error)$/);
        expect(await root.getAttribute('data-state'), `${id} failed to start; page errors: ${consoleErrors.join(' | ')}`).toBe('idle');
        const w = slot.locator(`section[data-widget][data-widget-id="${id}"]`);

        if (isTrainedWidgetId(name)) {
          await w.locator('[data-action=step]').click();
          await expect(w).toHaveAttribute('data-step', '1');
        }

        // One notice per ignored key, naming it.
        const hasPoints = (await w.locator('.own-points').count()) > 0;
        const ignored = [...WIDGET_SPECS[name as WidgetId].map((s) => s.key), 'bogus', ...(hasPoints ? [] : ['points'])];
        const notices = await w.locator('.widget-notice li').allTextContents();
        for (const key of ignored) {
          const named = notices.filter((text) => new RegExp(`(^|\\s)${escapeRegExp(key)}=`).test(text));
          expect(named.length, `${id}: one notice names ${key}`).toBe(1);
        }
        expect(notices.length, `${id}: no other notices`).toBe(ignored.length);
        // A widget that takes a learner's points says why it used its preset instead.
        if (hasPoints) await expect(w.locator('.own-points .widget-notice')).toHaveText(t.points.ignored(t.points.problems['too-many']));
      }

      expect(await page.evaluate(() => (window as { __junk?: number }).__junk), 'no junk ran as code').toBeUndefined();
      await expect(page.locator('.widget-failed')).toHaveCount(0);
    });
  }
}
