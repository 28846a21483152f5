import { compile, evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import katex from 'katex';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { readLessons } from '../../src/content/read-lessons';
import { KATEX_OPTIONS, rehypePlugins, remarkPlugins } from '../../src/markdown/pipeline';
import { parseParams } from '../../src/state/params';
import { isWidgetId, WIDGET_IDS, WIDGET_SPECS, type WidgetId } from '../../src/widgets/catalog';

const CONTENT = join(import.meta.dirname, '../../content');
const lessons = readLessons(CONTENT);
const slugs = [...new Set(lessons.map((l) => l.slug))];

function source(folder: string, lang: string) {
  return readFileSync(join(CONTENT, folder, `${lang}.md`), 'utf8');
}

function parse(markdown: string) {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkMath).use(remarkDirective).parse(markdown);
}

function widgetsOf(markdown: string) {
  const found: { name: string; attributes: Record<string, string> }[] = [];
  visit(parse(markdown), 'leafDirective', (node) => {
    found.push({ name: node.name, attributes: Object.fromEntries(Object.entries(node.attributes ?? {}).map(([k, v]) => [k, v ?? ''])) });
  });
  return found;
}

/** Per quiz question, the index of its right choice: zh and en must ask the same questions. */
function quizAnswersOf(markdown: string) {
  const answers: number[] = [];
  visit(parse(markdown), 'containerDirective', (node) => {
    if (node.name !== 'question') return;
    const list = node.children.find((child) => child.type === 'list');
    answers.push(
      list && list.type === 'list'
        ? list.children.findIndex((item) => /^\s*\[x\]/i.test(markdown.slice(item.position!.start.offset! + 2, item.position!.end.offset!)))
        : -1,
    );
  });
  return answers;
}

function formulasOf(markdown: string) {
  const found: { tex: string; display: boolean; line?: number }[] = [];
  visit(parse(markdown), (node: { type: string; value?: string; position?: { start: { line: number } } }) => {
    if (node.type === 'math' || node.type === 'inlineMath') {
      found.push({ tex: node.value ?? '', display: node.type === 'math', line: node.position?.start.line });
    }
  });
  return found;
}

function compileMd(markdown: string) {
  return compile(markdown, { format: 'md', remarkPlugins, rehypePlugins: rehypePlugins as never });
}

describe('the course index', () => {
  it('has every lesson in both languages, with lesson 01 among them', () => {
    expect(slugs).toContain('linear-regression');
    for (const slug of slugs) {
      expect(
        lessons
          .filter((l) => l.slug === slug)
          .map((l) => l.lang)
          .sort(),
      ).toEqual(['en', 'zh']);
    }
  });
  it('orders lessons without duplicate numbers', () => {
    const orders = lessons.filter((l) => l.lang === 'en').map((l) => l.order);
    expect(new Set(orders).size).toBe(orders.length);
  });
});

describe.each(slugs)('lesson %s', (slug) => {
  const folder = lessons.find((l) => l.slug === slug)!.folder;
  const zh = source(folder, 'zh');
  const en = source(folder, 'en');

  it('places the same widgets with the same attributes in zh and en', () => {
    expect(widgetsOf(zh)).toEqual(widgetsOf(en));
    expect(widgetsOf(en).length).toBeGreaterThan(0);
  });

  it.each(['zh', 'en'])('%s: every widget is registered and its attributes are valid', (lang) => {
    for (const widget of widgetsOf(lang === 'zh' ? zh : en)) {
      expect(isWidgetId(widget.name), `unknown widget ${widget.name}`).toBe(true);
      const specs = WIDGET_SPECS[widget.name as WidgetId];
      expect(parseParams(specs, widget.attributes, {}).notices).toEqual([]);
    }
  });

  it.each(['zh', 'en'])('%s: every formula parses with KaTeX (throwOnError)', (lang) => {
    const formulas = formulasOf(lang === 'zh' ? zh : en);
    expect(formulas.length).toBeGreaterThan(5);
    for (const f of formulas) {
      expect(() => katex.renderToString(f.tex, { ...KATEX_OPTIONS, displayMode: f.display }), `line ${f.line}: ${f.tex}`).not.toThrow();
    }
  });

  it.each(['zh', 'en'])('%s: compiles through the site pipeline with no leftover placeholder', async (lang) => {
    const text = lang === 'zh' ? zh : en;
    expect(text).not.toMatch(/TODO|lorem ipsum|coming soon|placeholder|待补充|敬请期待/i);
    const out = String(await compileMd(text));
    expect(out).toContain('class: "katex"'.replace('class', 'className'));
    expect(out).not.toContain('katex-error');
    // A heading's slug must not take a widget's anchor: a copied link (#<widget id>) would scroll to the
    // heading, and the widget, left off screen, would never start.
    const headingIds = [...out.matchAll(/\.h[1-6], \{\s*id: "([^"]+)"/g)].map((m) => m[1]);
    expect(headingIds.length).toBeGreaterThan(3);
    expect(headingIds.filter((id) => (WIDGET_IDS as readonly string[]).includes(id))).toEqual([]);
  });

  it('closes with a quiz of 2–4 questions, the same right answers in zh and en', () => {
    expect(en).toMatch(/::::quiz/);
    const answers = quizAnswersOf(en);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.length).toBeLessThanOrEqual(4);
    expect(answers.every((a) => a >= 0)).toBe(true);
    expect(quizAnswersOf(zh)).toEqual(answers);
  });

  it('has the same section structure in both languages', () => {
    const headings = (md: string) =>
      md
        .split('\n')
        .filter((l) => /^#{2,3} /.test(l))
        .map((l) => l.match(/^#+/)![0]);
    expect(headings(zh)).toEqual(headings(en));
  });
});

describe('the Markdown pipeline refuses bad content', () => {
  const fm = '---\ntitle: t\nsummary: s\norder: 99\n---\n\n';
  it('fails on an unknown widget, naming it and its line', async () => {
    await expect(compileMd(`${fm}Text\n\n::no-such-widget{a=1}\n`)).rejects.toThrow(/no-such-widget/);
    await expect(compileMd(`${fm}Text\n\n::no-such-widget{a=1}\n`)).rejects.toMatchObject({ line: 9 });
  });
  it('fails on an invalid widget attribute', async () => {
    await expect(compileMd(`${fm}::linear-regression{lr=5}\n`)).rejects.toThrow(/lr="5" \(out-of-range\)/);
    await expect(compileMd(`${fm}::linear-regression{speed=fast}\n`)).rejects.toThrow(/not-a-number/);
    await expect(compileMd(`${fm}::linear-regression{colour=1}\n`)).rejects.toThrow(/unknown/);
  });
  it('checks a page-only widget’s attributes the same way', async () => {
    const out = String(await compileMd(`${fm}::attention-calculator{preset=identity mask=on temperature=0.5}\n`));
    expect(out).toContain('"attention-calculator"');
    expect(out).toContain('\\"preset\\":\\"identity\\"');
    await expect(compileMd(`${fm}::attention-calculator{preset=poem}\n`)).rejects.toThrow(/preset="poem" \(not-an-option\)/);
    await expect(compileMd(`${fm}::attention-calculator{steps=10}\n`)).rejects.toThrow(/steps="10" \(unknown\)/);
  });
  it('fails on a formula KaTeX cannot parse', async () => {
    await expect(compileMd(`${fm}Bad $\\frac{1}{$ math\n`)).rejects.toThrow(/KaTeX/);
  });
  it('fails on an unknown callout and an answer without its question', async () => {
    await expect(compileMd(`${fm}:::warning\ntext\n:::\n`)).rejects.toThrow(/warning/);
    await expect(compileMd(`${fm}:::answer\ntext\n:::\n`)).rejects.toThrow(/answer/);
  });
  it('keeps a colon in prose as text', async () => {
    const { default: Content } = await evaluate(`${fm}The ratio 3:4 and a:b[x] stay as written.\n`, {
      ...runtime,
      format: 'md',
      remarkPlugins,
      rehypePlugins: rehypePlugins as never,
    });
    expect(renderToStaticMarkup(createElement(Content))).toContain('The ratio 3:4 and a:b[x] stay as written.');
  });
  it('turns a widget directive into a Widget element with its parameters', async () => {
    const out = String(await compileMd(`${fm}::linear-regression{lr=0.1}\n\n::linear-regression\n`));
    expect(out).toContain('"{\\"lr\\":0.1}"');
    expect(out).toContain('"linear-regression-2"');
  });
});
