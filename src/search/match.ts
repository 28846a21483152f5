/**
 * The search itself, in the page: which lesson sections and glossary entries a query finds, in what order,
 * and the parts of each to highlight. Chinese is written without spaces, so a term with a Han character
 * matches anywhere (梯度 finds 梯度下降); any other term matches at the start of a word, case-insensitively
 * (`grad` finds "Gradient", not "upgrade"). Every term of the query must match the result somewhere.
 */
import type { SearchIndex, SearchLesson, SearchSection, SearchTerm } from './types';

/** A run of text, highlighted or not. */
export interface Segment {
  text: string;
  mark: boolean;
}

export type SearchResult =
  | {
      kind: 'lesson';
      slug: string;
      /** The heading's id, null for the text before the lesson's first heading. */
      id: string | null;
      title: Segment[];
      heading: Segment[] | null;
      snippet: Segment[];
      score: number;
    }
  | { kind: 'term'; id: string; term: Segment[]; other: Segment[]; snippet: Segment[]; score: number };

const HAN = /\p{Script=Han}/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression per term of the query (at most 8 terms, each at most 50 characters). */
export function queryTerms(query: string): RegExp[] {
  const terms = [...new Set(query.trim().split(/\s+/).filter(Boolean))].slice(0, 8).map((t) => t.slice(0, 50));
  return terms.map((term) => (HAN.test(term) ? new RegExp(escape(term), 'giu') : new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}`, 'giu')));
}

function count(text: string, term: RegExp): number {
  term.lastIndex = 0;
  let n = 0;
  while (term.exec(text)) n++;
  return n;
}

/** Where any term matches in the text, as [start, end) ranges, merged where they overlap. */
function ranges(text: string, terms: RegExp[]): [number, number][] {
  const found: [number, number][] = [];
  for (const term of terms) {
    for (const m of text.matchAll(term)) if (m[0]) found.push([m.index, m.index + m[0].length]);
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

export function highlight(text: string, terms: RegExp[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges(text, terms)) {
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}

/** Characters of context before a match; a snippet is at most `SNIPPET` characters (Han ones count double). */
const BEFORE = 40;
const SNIPPET = 160;

/** A window of the text around its first match (its start when nothing matches), cut at word ends. */
export function snippet(text: string, terms: RegExp[]): Segment[] {
  const first = ranges(text, terms)[0]?.[0] ?? 0;
  let start = Math.max(0, first - BEFORE);
  if (start > 0 && !HAN.test(text[start - 1])) {
    // Start at the next word's beginning (Chinese has none to look for: any character will do).
    const space = text.indexOf(' ', start - 1);
    if (space !== -1 && space < first) start = space + 1;
  }
  let end = start;
  for (let width = 0; end < text.length && width < SNIPPET; end++) width += HAN.test(text[end]) ? 2 : 1;
  if (end < text.length && !HAN.test(text[end])) {
    const space = text.lastIndexOf(' ', end);
    if (space > first) end = space;
  }
  const parts = highlight(text.slice(start, end), terms);
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

/** Weights: a hit in a title or heading counts far more than one in running text. */
const WEIGHT = { title: 50, heading: 30, term: 30, exact: 25, body: 4 } as const;

function scoreSection(lesson: SearchLesson, section: SearchSection, terms: RegExp[]): number | null {
  const opening = section.id === null;
  let score = 0;
  let own = false;
  for (const term of terms) {
    const inTitle = count(lesson.title, term) > 0;
    const inHeading = section.heading !== null && count(section.heading, term) > 0;
    const inBody = count(section.text, term);
    if (!inTitle && !inHeading && !inBody) return null;
    // The title stands for the lesson's opening; for a section it only completes a query ("gradient rate").
    if (inTitle) score += opening ? WEIGHT.title : WEIGHT.title / 8;
    if (inHeading) score += WEIGHT.heading;
    if (inBody) score += WEIGHT.body + Math.min(inBody, 5);
    own ||= inHeading || inBody > 0 || (opening && inTitle);
  }
  if (!own) return null;
  const exact = terms.length === 1 && fullMatch(opening ? lesson.title : (section.heading ?? ''), terms[0]);
  return exact ? score + WEIGHT.exact : score;
}

function fullMatch(text: string, term: RegExp): boolean {
  term.lastIndex = 0;
  const m = term.exec(text);
  return m !== null && m[0].length === text.trim().length;
}

function scoreTerm(entry: SearchTerm, terms: RegExp[]): number | null {
  let score = 0;
  for (const term of terms) {
    const inTerm = count(entry.term, term) > 0 || count(entry.other, term) > 0;
    const inBody = count(entry.definition, term);
    if (!inTerm && !inBody) return null;
    if (inTerm) score += WEIGHT.term;
    if (inBody) score += WEIGHT.body + Math.min(inBody, 5);
  }
  if (terms.length === 1 && (fullMatch(entry.term, terms[0]) || fullMatch(entry.other, terms[0]))) score += WEIGHT.exact;
  return score;
}

export const MAX_RESULTS = 30;

/** The results for a query, best first; ties keep the course's order, lessons before glossary entries. */
export function search(index: SearchIndex, query: string, limit = MAX_RESULTS): SearchResult[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const results: { result: SearchResult; order: number }[] = [];
  let order = 0;
  for (const lesson of index.lessons) {
    for (const section of lesson.sections) {
      const score = scoreSection(lesson, section, terms);
      order++;
      if (score === null) continue;
      results.push({
        order,
        result: {
          kind: 'lesson',
          slug: lesson.slug,
          id: section.id,
          title: highlight(lesson.title, terms),
          heading: section.heading === null ? null : highlight(section.heading, terms),
          snippet: snippet(section.text, terms),
          score,
        },
      });
    }
  }
  for (const entry of index.glossary) {
    const score = scoreTerm(entry, terms);
    order++;
    if (score === null) continue;
    results.push({
      order,
      result: {
        kind: 'term',
        id: entry.id,
        term: highlight(entry.term, terms),
        other: highlight(entry.other, terms),
        snippet: snippet(entry.definition, terms),
        score,
      },
    });
  }
  return results
    .sort((a, b) => b.result.score - a.result.score || a.order - b.order)
    .slice(0, limit)
    .map((r) => r.result);
}
