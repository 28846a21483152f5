import { useEffect, useState, type RefObject } from 'react';
import { useStrings } from '../i18n/LangContext';

interface Entry {
  id: string;
  text: string;
  level: number;
}

/** Built from the rendered headings, which rehype-slug has given ids at build time. */
export function TableOfContents({ articleRef, version }: { articleRef: RefObject<HTMLElement | null>; version: unknown }) {
  const t = useStrings();
  const [entries, setEntries] = useState<Entry[]>([]);
  useEffect(() => {
    const headings = articleRef.current?.querySelectorAll<HTMLHeadingElement>('h2[id], h3[id]') ?? [];
    setEntries([...headings].map((h) => ({ id: h.id, text: h.textContent ?? '', level: Number(h.tagName[1]) })));
  }, [articleRef, version]);
  if (entries.length === 0) return null;
  // Folded on a phone, where it would stand between the title and the lesson; open beside a wide page.
  const wide = window.matchMedia('(min-width: 1100px)').matches;
  return (
    <nav className="toc" aria-label={t.contents}>
      <details open={wide}>
        <summary className="toc-title">{t.contents}</summary>
        <ol>
          {entries.map((entry) => (
            <li key={entry.id} className={`toc-level-${entry.level}`}>
              <a href={`#${entry.id}`}>{entry.text}</a>
            </li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
