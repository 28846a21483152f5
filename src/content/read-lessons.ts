/**
 * Node-side: reads every content/NN-slug/{zh,en}.md, checks its frontmatter and returns the course index.
 * Used by the Vite plugin that serves `virtual:lessons` and by the content tests.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { LessonMeta } from './types.ts';

export const LANGS = ['zh', 'en'] as const;
const FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
/** Paths under /zh/ and /en/ that are pages of their own, not lessons. */
const RESERVED_SLUGS = ['widgets', 'glossary'];

export function frontmatterOf(source: string, file: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) throw new Error(`${file}: missing frontmatter (--- title / summary / order ---)`);
  const data = parseYaml(match[1]);
  if (!data || typeof data !== 'object') throw new Error(`${file}: frontmatter is not a mapping`);
  return data as Record<string, unknown>;
}

export function readLessons(contentDir: string): LessonMeta[] {
  const lessons: LessonMeta[] = [];
  for (const folder of readdirSync(contentDir).sort()) {
    const match = FOLDER.exec(folder);
    if (!match) continue;
    if (RESERVED_SLUGS.includes(match[2])) throw new Error(`${folder}: "${match[2]}" is a reserved page name, not a lesson slug`);
    for (const lang of LANGS) {
      const file = join(contentDir, folder, `${lang}.md`);
      if (!existsSync(file)) throw new Error(`${join(contentDir, folder)}: ${lang}.md is missing`);
      const data = frontmatterOf(readFileSync(file, 'utf8'), file);
      for (const key of ['title', 'summary'] as const) {
        if (typeof data[key] !== 'string' || !(data[key] as string).trim()) {
          throw new Error(`${file}: frontmatter "${key}" must be a non-empty string`);
        }
      }
      if (typeof data.order !== 'number' || !Number.isInteger(data.order)) {
        throw new Error(`${file}: frontmatter "order" must be an integer`);
      }
      lessons.push({
        slug: match[2],
        folder,
        lang,
        order: data.order,
        title: data.title as string,
        summary: data.summary as string,
      });
    }
  }
  for (const lesson of lessons) {
    const twin = lessons.find((l) => l.slug === lesson.slug && l.lang !== lesson.lang);
    if (twin && twin.order !== lesson.order) throw new Error(`${lesson.folder}: zh and en disagree on "order"`);
  }
  return lessons.sort((a, b) => a.order - b.order || a.lang.localeCompare(b.lang));
}
