/**
 * The site search: a button in the header, or `/` anywhere but in a text field, opens a dialog over lessons
 * and glossary. The index of the page's language loads when the search first opens (a chunk of its own).
 */
import { useEffect, useRef, useState } from 'react';
import { useStrings } from '../i18n/LangContext';
import type { Lang } from '../i18n/strings';
import { loadSearchIndex } from '../search/load-index';
import { revealHash } from './reveal-hash';
import { navigate } from './router';
import { SearchPanel, type IndexState } from './SearchPanel';

/** Whether a key press belongs to a field the user is typing in. */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function Search({ lang }: { lang: Lang }) {
  const t = useStrings();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState<(IndexState & { lang: Lang }) | null>(null);

  function openSearch() {
    const dialog = dialogRef.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    setOpen(true);
    if (index?.lang === lang && index.status !== 'failed') return;
    setIndex({ lang, status: 'loading' });
    loadSearchIndex(lang).then(
      (loaded) => setIndex({ lang, status: 'ready', index: loaded }),
      () => setIndex({ lang, status: 'failed' }),
    );
  }

  // `/` opens the search from anywhere on the page, except while the user types in a field.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (typingIn(event.target)) return;
      event.preventDefault();
      openSearch();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const close = () => dialogRef.current?.close();

  function choose(href: string) {
    close();
    navigate(href);
    revealHash();
  }

  return (
    <>
      <button type="button" className="header-button search-button" aria-haspopup="dialog" aria-keyshortcuts="/" onClick={openSearch}>
        {t.search.open} <kbd aria-hidden="true">/</kbd>
      </button>
      <dialog
        ref={dialogRef}
        className="search-dialog"
        aria-label={t.search.title}
        onClose={() => setOpen(false)}
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        onClick={(event) => event.target === dialogRef.current && close()}
      >
        {open && index && index.lang === lang && <SearchPanel lang={lang} index={index} onChoose={choose} onClose={close} />}
      </dialog>
    </>
  );
}
