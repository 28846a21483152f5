import { compile } from '@mdx-js/mdx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { glossaryTermId } from '../../src/content/glossary';
import { rehypePlugins, remarkPlugins } from '../../src/markdown/pipeline';
import { buildSearchIndex, lessonSections } from '../../src/search/build-index';
import { highlight, queryTerms, search, snippet, type Segment } from '../../src/search/match';
import { texToText } from '../../src/search/tex-text';
import type { SearchIndex } from '../../src/search/types';

const CONTENT = join(import.meta.dirname, '../../content');

/** Segments written back as HTML-ish text, so expectations read at a glance. */
const marked = (segments: Segment[] | null) => (segments ?? []).map((s) => (s.mark ? `<mark>${s.text}</mark>` : s.text)).join('');

const INDEX: SearchIndex = {
  lessons: [
    {
      slug: 'intro',
      order: 0,
      title: 'How models learn',
      sections: [
        { id: null, heading: null, text: 'An upgrade of your intuition about models.' },
        { id: 'data', heading: 'Data first', text: 'Before any gradient, there is data. The gradient comes later.' },
      ],
    },
    {
      slug: 'gradient-descent',
      order: 2,
      title: 'Gradient descent',
      sections: [
        { id: null, heading: null, text: 'Walking downhill.' },
        { id: 'the-learning-rate', heading: 'The learning rate', text: 'How far each step goes.' },
      ],
    },
    {
      slug: 'zh-lesson',
      order: 3,
      title: '优化器',
      sections: [
        { id: '动量', heading: '动量', text: '带动量的梯度下降会记住之前的方向。' },
        { id: '学习率调度', heading: '学习率调度', text: '随机梯度下降的学习率要逐步减小。' },
      ],
    },
  ],
  glossary: [{ id: 'term-gradient', term: '梯度', other: 'gradient', definition: '损失对参数的偏导数组成的向量。' }],
};

describe('the matcher', () => {
  it('matches Chinese as substrings: 梯度 finds 梯度下降', () => {
    const hits = search(INDEX, '梯度');
    expect(hits.map((h) => h.id)).toEqual(['term-gradient', '动量', '学习率调度']);
    expect(marked(hits[1].snippet)).toBe('带动量的<mark>梯度</mark>下降会记住之前的方向。');
  });

  it('matches English words case-insensitively, by prefix, and only at a word start', () => {
    const ids = (q: string) => search(INDEX, q).map((h) => (h.kind === 'lesson' ? `${h.slug}#${h.id}` : h.id));
    expect(ids('GRAD')).toEqual(['gradient-descent#null', 'term-gradient', 'intro#data']);
    // "upgrade" holds "grade" but no word starts with it.
    expect(ids('grade')).toEqual([]);
    expect(ids('learn')).toContain('gradient-descent#the-learning-rate');
  });

  it('needs every term of the query, in the title, the heading or the text', () => {
    expect(search(INDEX, 'gradient rate').map((h) => h.id)).toEqual(['the-learning-rate']);
    expect(search(INDEX, '学习率 动量')).toEqual([]);
    expect(search(INDEX, '   ')).toEqual([]);
  });

  it('ranks a heading or a title above running text, an exact heading above a partial one', () => {
    const hits = search(INDEX, 'data');
    expect(hits[0]).toMatchObject({ slug: 'intro', id: 'data' });
    const zh = search(INDEX, '学习率');
    expect(zh[0]).toMatchObject({ id: '学习率调度' });
    // "Gradient" is the second lesson's title: its opening comes before a body hit in the first lesson.
    const en = search(INDEX, 'gradient').filter((h) => h.kind === 'lesson');
    expect(en.map((h) => h.slug)).toEqual(['gradient-descent', 'intro']);
  });

  it('finds a glossary entry by its term in either language', () => {
    expect(search(INDEX, 'gradient')[0]).toMatchObject({ kind: 'term', id: 'term-gradient' });
    expect(search(INDEX, '偏导数')[0]).toMatchObject({ kind: 'term', id: 'term-gradient' });
  });

  it('takes regular-expression characters literally', () => {
    expect(() => search(INDEX, '(a+ [b')).not.toThrow();
    expect(search(INDEX, '(a+')).toEqual([]);
  });

  it('highlights every match in titles and headings', () => {
    expect(marked(highlight('Gradient descent: the gradient', queryTerms('gradient')))).toBe(
      '<mark>Gradient</mark> descent: the <mark>gradient</mark>',
    );
    expect(marked(highlight('learning rate', queryTerms('learn rate')))).toBe('<mark>learn</mark>ing <mark>rate</mark>');
  });

  it('cuts a snippet around the first match at word ends, with ellipses where the text goes on', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const text = `${words} momentum ${words}`;
    const parts = snippet(text, queryTerms('momentum'));
    const out = marked(parts);
    expect(out).toMatch(/^…word\d+ /);
    expect(out).toMatch(/ word\d+…$/);
    expect(out).toContain('<mark>momentum</mark>');
    expect(out.length).toBeLessThan(200);
    // No match in the text (the hit was in the heading): the text's beginning.
    expect(marked(snippet('short text', queryTerms('zzz')))).toBe('short text');
  });
});

describe('the index builder', () => {
  it('splits a lesson at its headings with the ids rehype-slug gives them', async () => {
    const source = [
      '---\ntitle: T\nsummary: S\norder: 1\n---',
      'Opening words.',
      '## 梯度，下降',
      'Inline $\\boldsymbol{\\beta} + \\eta$ stays; display math does not:',
      '$$\n\\sum_i x_i\n$$',
      '::linear-regression{lr=0.05}',
      '### 梯度，下降',
      '- one\n- two',
      '## The *learning* rate',
      '::::quiz\n:::question[Which?]\n- [ ] no\n- [x] yes\n\nBecause the answer says so.\n:::\n:::question[Again?]\n- [x] yes\n- [ ] no\n\nHidden reason.\n:::\n::::',
    ].join('\n\n');
    const sections = await lessonSections(source, 'content/01-test/en.md');
    expect(sections).toEqual([
      { id: null, heading: null, text: 'Opening words.' },
      { id: '梯度下降', heading: '梯度，下降', text: 'Inline β + η stays; display math does not:' },
      { id: '梯度下降-1', heading: '梯度，下降', text: 'one two' },
      { id: 'the-learning-rate', heading: 'The learning rate', text: expect.stringContaining('Which?') },
    ]);
    expect(sections[3].text).not.toMatch(/Because|Hidden/);
  });

  it('tidies inline TeX into plain characters where it can', () => {
    expect(texToText('\\mathbf{w}^\\top \\mathbf{x} + b')).toBe('w^\\top x + b');
    expect(texToText('\\alpha\\,\\nabla L')).toBe('α ∇ L');
  });

  describe('over the course', () => {
    let zh: SearchIndex;
    let en: SearchIndex;
    beforeAll(async () => {
      [zh, en] = await Promise.all([buildSearchIndex(CONTENT, 'zh'), buildSearchIndex(CONTENT, 'en')]);
    }, 60_000);

    it('has every lesson and glossary entry in both languages', () => {
      expect(zh.lessons.length).toBe(en.lessons.length);
      expect(zh.lessons.length).toBeGreaterThanOrEqual(17);
      for (const index of [zh, en]) {
        for (const lesson of index.lessons) expect(lesson.sections.length, lesson.slug).toBeGreaterThan(3);
      }
      expect(new Set(zh.glossary.map((g) => g.id)).size).toBe(zh.glossary.length);
    });

    it('finds 梯度 in the gradient-descent lesson and "gradient" in its English twin', () => {
      expect(search(zh, '梯度').some((h) => h.kind === 'lesson' && h.slug === 'gradient-descent')).toBe(true);
      const top = search(en, 'gradient descent')[0];
      expect(top).toMatchObject({ kind: 'lesson', slug: 'gradient-descent' });
    });

    it('gives sections the ids that the page gives their headings', async () => {
      for (const [index, lang] of [
        [zh, 'zh'],
        [en, 'en'],
      ] as const) {
        for (const lesson of index.lessons.filter((l) => ['gradient-descent', 'transformer-attention'].includes(l.slug))) {
          const folder = `${String(lesson.order).padStart(2, '0')}-${lesson.slug}`;
          const path = join(CONTENT, folder, `${lang}.md`);
          const code = String(
            await compile(
              { value: readFileSync(path, 'utf8'), path },
              { format: 'md', remarkPlugins, rehypePlugins: rehypePlugins as never, development: false },
            ),
          );
          for (const section of lesson.sections.filter((s) => s.id)) expect(code, path).toContain(`id: ${JSON.stringify(section.id)}`);
        }
      }
    }, 60_000);

    it('names glossary entries by the ids the glossary page gives them', () => {
      expect(glossaryTermId({ en: 'mean squared error (MSE)' })).toBe('term-mean-squared-error-mse');
    });
  });
});
