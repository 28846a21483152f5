import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLessons } from '../../src/content/read-lessons';

function contentDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (title: string, order: number) => `---\ntitle: ${title}\nsummary: s\norder: ${order}\n---\n\nBody\n`;

describe('readLessons', () => {
  it('reads slugs from folder names and sorts by order', () => {
    const dir = contentDir({
      '02-b/zh.md': page('乙', 2),
      '02-b/en.md': page('B', 2),
      '01-a/zh.md': page('甲', 1),
      '01-a/en.md': page('A', 1),
      'notes.txt': 'ignored',
    });
    expect(readLessons(dir).map((l) => `${l.slug}/${l.lang}:${l.title}`)).toEqual(['a/en:A', 'a/zh:甲', 'b/en:B', 'b/zh:乙']);
  });
  it('refuses a lesson without both languages', () => {
    expect(() => readLessons(contentDir({ '01-a/zh.md': page('甲', 1) }))).toThrow(/en\.md is missing/);
  });
  it('refuses incomplete frontmatter', () => {
    expect(() => readLessons(contentDir({ '01-a/zh.md': '---\ntitle: x\norder: 1\n---\n', '01-a/en.md': page('A', 1) }))).toThrow(
      /summary/,
    );
    expect(() => readLessons(contentDir({ '01-a/zh.md': 'no frontmatter', '01-a/en.md': page('A', 1) }))).toThrow(/missing frontmatter/);
  });
  it('refuses languages that disagree on the order', () => {
    expect(() => readLessons(contentDir({ '01-a/zh.md': page('甲', 1), '01-a/en.md': page('A', 2) }))).toThrow(/disagree/);
  });
  it('refuses slugs that are page names', () => {
    expect(() => readLessons(contentDir({ '05-glossary/zh.md': page('x', 5), '05-glossary/en.md': page('x', 5) }))).toThrow(/reserved/);
  });
});
