import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRICULUM_ORDER } from '../../src/content/curriculum';
import { glossaryProblems, searchGlossary, type GlossaryEntry } from '../../src/content/glossary';
import { readLessons } from '../../src/content/read-lessons';

const CONTENT = join(import.meta.dirname, '../../content');
const glossary = JSON.parse(readFileSync(join(CONTENT, 'glossary.json'), 'utf8')) as GlossaryEntry[];
const lessons = readLessons(CONTENT);

describe('the glossary', () => {
  it('is well formed, without duplicate terms', () => {
    expect(glossaryProblems(glossary)).toEqual([]);
    expect(glossary.length).toBeGreaterThan(30);
  });

  it('names only planned lessons', () => {
    for (const entry of glossary) expect(CURRICULUM_ORDER, entry.en).toContain(entry.lesson);
  });

  it('is used by the lessons that exist: each of their terms appears in both languages', () => {
    for (const lesson of lessons) {
      const text = readFileSync(join(CONTENT, lesson.folder, `${lesson.lang}.md`), 'utf8').toLowerCase();
      for (const entry of glossary.filter((e) => e.lesson === lesson.slug)) {
        // "mean squared error (MSE)": the text must use the term itself; the abbreviation is optional.
        const term = entry[lesson.lang].replace(/\s*\(.*\)$/, '').toLowerCase();
        expect(text, `${lesson.folder}/${lesson.lang}.md lacks "${term}"`).toContain(term);
      }
    }
  });

  it('finds terms by either language or by their definitions', () => {
    const sample: GlossaryEntry[] = [
      { zh: '学习率', en: 'learning rate', lesson: 'linear-regression', definition: { zh: '步长', en: 'step size' } },
      { zh: '梯度', en: 'gradient', lesson: 'linear-regression', definition: { zh: '偏导数', en: 'partial derivatives' } },
    ];
    expect(searchGlossary(sample, '学习').map((e) => e.en)).toEqual(['learning rate']);
    expect(searchGlossary(sample, 'GRADIENT').map((e) => e.en)).toEqual(['gradient']);
    expect(searchGlossary(sample, 'partial').map((e) => e.en)).toEqual(['gradient']);
    expect(searchGlossary(sample, '  ')).toHaveLength(2);
  });

  it('reports malformed entries', () => {
    expect(glossaryProblems({})).toEqual(['the glossary must be a JSON array']);
    const problems = glossaryProblems([
      { zh: '梯度', en: 'gradient', lesson: 'x', definition: { zh: 'a', en: 'b' } },
      { zh: '梯度', en: '', lesson: 'x', definition: { zh: 'a' } },
    ]);
    expect(problems).toEqual([
      'entry 1 (): "en" must be a non-empty string',
      'entry 1 (): duplicate zh term "梯度"',
      'entry 1 (): definition.en must be a non-empty string',
    ]);
  });
});

describe('the curriculum order', () => {
  it('matches the order in every lesson’s frontmatter', () => {
    for (const lesson of lessons) expect(CURRICULUM_ORDER[lesson.order]).toBe(lesson.slug);
  });
});
