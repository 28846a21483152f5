/** Inside the search dialog: the combobox, the status line and the results, driven by the keyboard. */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useStrings } from '../i18n/LangContext';
import type { Lang } from '../i18n/strings';
import { MAX_RESULTS, search, type SearchResult, type Segment } from '../search/match';
import type { SearchIndex } from '../search/types';

export type IndexState = { status: 'loading' } | { status: 'failed' } | { status: 'ready'; index: SearchIndex };

export function resultHref(lang: Lang, result: SearchResult): string {
  if (result.kind === 'term') return `/${lang}/glossary#${encodeURIComponent(result.id)}`;
  return `/${lang}/${result.slug}${result.id ? `#${encodeURIComponent(result.id)}` : ''}`;
}

function Marked({ segments }: { segments: Segment[] }) {
  return segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text));
}

function Where({ lang, result }: { lang: Lang; result: SearchResult }) {
  const t = useStrings();
  if (result.kind === 'lesson') {
    return (
      <span className="search-result-where">
        <Marked segments={result.title} />
        {result.heading && (
          <>
            {' › '}
            <Marked segments={result.heading} />
          </>
        )}
      </span>
    );
  }
  return (
    <span className="search-result-where">
      {t.search.glossary} › <Marked segments={result.term} /> (
      <span lang={lang === 'zh' ? 'en' : 'zh-CN'}>
        <Marked segments={result.other} />
      </span>
      )
    </span>
  );
}

interface Props {
  lang: Lang;
  index: IndexState;
  onChoose: (href: string) => void;
  onClose: () => void;
}

export function SearchPanel({ lang, index, onChoose, onClose }: Props) {
  const t = useStrings();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ids = useId();
  const listId = `${ids}-list`;
  const optionId = (i: number) => `${ids}-option-${i}`;
  const ready = index.status === 'ready' ? index.index : null;
  const results = useMemo(() => (ready ? search(ready, query) : []), [ready, query]);
  const shown = Math.min(active, Math.max(0, results.length - 1));

  useEffect(() => {
    document.getElementById(`${ids}-option-${shown}`)?.scrollIntoView({ block: 'nearest' });
  }, [ids, shown, results]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // Keys that finish a Chinese input method's composition are not meant for the list.
    if (event.nativeEvent.isComposing) return;
    const n = results.length;
    if (event.key === 'ArrowDown' && n) setActive((shown + 1) % n);
    else if (event.key === 'ArrowUp' && n) setActive((shown - 1 + n) % n);
    else if (event.key === 'Enter' && n) onChoose(resultHref(lang, results[shown]));
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
  }

  let status: string = t.search.hint;
  if (index.status === 'loading') status = t.search.loading;
  else if (index.status === 'failed') status = t.search.failed;
  else if (query.trim()) status = results.length >= MAX_RESULTS ? t.search.more(MAX_RESULTS) : t.search.count(results.length);

  return (
    <div className="search-panel">
      <div className="search-field">
        <label htmlFor={`${ids}-input`}>{t.search.label}</label>
        <input
          id={`${ids}-input`}
          type="text"
          role="combobox"
          autoFocus
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={results.length > 0}
          aria-controls={listId}
          aria-activedescendant={results.length > 0 ? optionId(shown) : undefined}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="header-button" onClick={onClose}>
          {t.search.close}
        </button>
      </div>
      <p className="search-status" role="status">
        {status}
      </p>
      {results.length > 0 && (
        <ul id={listId} role="listbox" aria-label={t.search.results} className="search-results">
          {results.map((result, i) => (
            <li
              key={result.kind === 'term' ? `term:${result.id}` : `${result.slug}#${result.id ?? ''}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === shown}
              className="search-result"
              data-href={resultHref(lang, result)}
              onClick={() => onChoose(resultHref(lang, result))}
              onMouseMove={() => i !== shown && setActive(i)}
            >
              <Where lang={lang} result={result} />
              <span className="search-result-snippet">
                <Marked segments={result.snippet} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
