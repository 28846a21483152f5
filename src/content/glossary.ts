/** The bilingual glossary (content/glossary.json): one term per entry, with the lesson that introduces it. */
import type { Lang } from '../state/params';

export interface GlossaryEntry {
  zh: string;
  en: string;
  /** Slug of the lesson that introduces the term (it may not be written yet). */
  lesson: string;
  definition: Record<Lang, string>;
}

/** Problems with the glossary's shape, as messages; empty when it is sound. */
export function glossaryProblems(entries: unknown): string[] {
  if (!Array.isArray(entries)) return ['the glossary must be a JSON array'];
  const problems: string[] = [];
  const seen = { zh: new Set<string>(), en: new Set<string>() };
  entries.forEach((entry: Partial<GlossaryEntry>, i) => {
    const where = `entry ${i} (${entry?.en ?? '?'})`;
    for (const key of ['zh', 'en', 'lesson'] as const) {
      if (typeof entry?.[key] !== 'string' || !entry[key]!.trim()) problems.push(`${where}: "${key}" must be a non-empty string`);
    }
    for (const lang of ['zh', 'en'] as const) {
      if (typeof entry?.definition?.[lang] !== 'string' || !entry.definition[lang].trim()) {
        problems.push(`${where}: definition.${lang} must be a non-empty string`);
      }
      const term = entry?.[lang];
      if (typeof term === 'string') {
        if (seen[lang].has(term)) problems.push(`${where}: duplicate ${lang} term "${term}"`);
        seen[lang].add(term);
      }
    }
  });
  return problems;
}

/** Entries whose term, in either language, or definition contains the query (case-insensitive). */
export function searchGlossary(entries: readonly GlossaryEntry[], query: string): GlossaryEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...entries];
  return entries.filter((e) =>
    [e.zh, e.en, e.definition.zh, e.definition.en].some((text) => text.toLowerCase().includes(q)),
  );
}

/** The element id of an entry on the glossary page (from its English term, which is unique). */
export function glossaryTermId(entry: Pick<GlossaryEntry, 'en'>): string {
  return `term-${entry.en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}
