/**
 * Node-side, at build time: the search index of one language, from content/. Each lesson goes through the
 * site's own remark plugins and rehype-slug (not KaTeX: formulas stay TeX), so a section's id is the one its
 * heading has on the page.
 */
import { compile } from '@mdx-js/mdx';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeSlug from 'rehype-slug';
import { glossaryTermId, type GlossaryEntry } from '../content/glossary.ts';
import { readLessons } from '../content/read-lessons.ts';
import { remarkPlugins } from '../markdown/pipeline.ts';
import type { Lang } from '../state/params.ts';
import { rehypeCollectSections } from './collect-sections.ts';
import type { SearchIndex, SearchLesson, SearchSection } from './types.ts';

export async function lessonSections(source: string, path: string): Promise<SearchSection[]> {
  const file = await compile(
    { value: source, path },
    { format: 'md', remarkPlugins, rehypePlugins: [rehypeSlug, rehypeCollectSections] as never, development: false },
  );
  return file.data.sections as SearchSection[];
}

export function glossaryIndex(entries: readonly GlossaryEntry[], lang: Lang): SearchIndex['glossary'] {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return entries.map((entry) => ({
    id: glossaryTermId(entry),
    term: entry[lang],
    other: entry[other],
    definition: entry.definition[lang],
  }));
}

export async function buildSearchIndex(contentDir: string, lang: Lang): Promise<SearchIndex> {
  const lessons: SearchLesson[] = [];
  for (const meta of readLessons(contentDir).filter((l) => l.lang === lang)) {
    const path = join(contentDir, meta.folder, `${lang}.md`);
    const sections = await lessonSections(readFileSync(path, 'utf8'), path);
    // The lesson's own result (its top) leads with the summary, so a lesson is found by what it is about.
    if (sections[0]?.id === null) sections[0].text = `${meta.summary} ${sections[0].text}`;
    else sections.unshift({ id: null, heading: null, text: meta.summary });
    lessons.push({ slug: meta.slug, order: meta.order, title: meta.title, sections });
  }
  const glossary = JSON.parse(readFileSync(join(contentDir, 'glossary.json'), 'utf8')) as GlossaryEntry[];
  return { lessons, glossary: glossaryIndex(glossary, lang) };
}
