/** A small history-API router: the site has four kinds of page and needs no routing library. */
import { useSyncExternalStore } from 'react';

const NAVIGATE = 'course:navigate';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

export function navigate(to: string, { replace = false } = {}) {
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
  if (!replace && !to.includes('#')) window.scrollTo(0, 0);
}

/** The element id a URL's #hash names: percent escapes decoded, a malformed one (`#%E0%A4%A`) taken as written. */
export function hashTarget(hash: string): string {
  const raw = hash.replace(/^#/, '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Scrolls to the element the URL's #hash names, if there is one on the page. */
export function scrollToHash() {
  const id = hashTarget(window.location.hash);
  if (id) document.getElementById(id)?.scrollIntoView();
}

export type Route =
  | { page: 'root' }
  | { page: 'home'; lang: 'zh' | 'en' }
  | { page: 'lesson'; lang: 'zh' | 'en'; slug: string }
  | { page: 'gallery'; lang: 'zh' | 'en' | null }
  | { page: 'glossary'; lang: 'zh' | 'en' }
  | { page: 'not-found'; lang: 'zh' | 'en' | null };

export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts.length === 0) return { page: 'root' };
  if (parts.length === 1 && parts[0] === 'widgets') return { page: 'gallery', lang: null };
  const lang = parts[0] === 'zh' || parts[0] === 'en' ? parts[0] : null;
  if (!lang) return { page: 'not-found', lang: null };
  if (parts.length === 1) return { page: 'home', lang };
  if (parts.length === 2 && parts[1] === 'widgets') return { page: 'gallery', lang };
  if (parts.length === 2 && parts[1] === 'glossary') return { page: 'glossary', lang };
  if (parts.length === 2) return { page: 'lesson', lang, slug: parts[1] };
  return { page: 'not-found', lang };
}
