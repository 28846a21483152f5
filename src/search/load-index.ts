/** The page's side: each language's index is a chunk of its own, fetched the first time the search opens. */
import type { Lang } from '../state/params';
import type { SearchIndex } from './types';

const LOADERS: Record<Lang, () => Promise<{ default: SearchIndex }>> = {
  zh: () => import('virtual:search-index-zh'),
  en: () => import('virtual:search-index-en'),
};

const loaded = new Map<Lang, Promise<SearchIndex>>();

export function loadSearchIndex(lang: Lang): Promise<SearchIndex> {
  let index = loaded.get(lang);
  if (!index) {
    index = LOADERS[lang]().then((module) => module.default);
    // A failed load (offline before the chunk was saved) is tried again the next time.
    index.catch(() => loaded.delete(lang));
    loaded.set(lang, index);
  }
  return index;
}
