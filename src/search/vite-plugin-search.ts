/**
 * Serves `virtual:search-index-zh` and `virtual:search-index-en`: the search index of each language, built from content/
 * when first imported. The page imports them dynamically, so each is a chunk of its own, fetched when the
 * search first opens.
 */
import type { Plugin } from 'vite';
import { buildSearchIndex } from './build-index.ts';

const PREFIX = 'virtual:search-index-';

export function searchIndexPlugin(contentDir: string): Plugin {
  return {
    name: 'course-search-index',
    resolveId: (id) => (id === `${PREFIX}zh` || id === `${PREFIX}en` ? `\0${id}` : undefined),
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const lang = id.slice(PREFIX.length + 1) as 'zh' | 'en';
      const index = await buildSearchIndex(contentDir, lang);
      // JSON.parse of a string literal is quicker for the browser than the same object as code.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(index))});`;
    },
    configureServer(server) {
      server.watcher.add(contentDir);
      const refresh = (file: string) => {
        if (!file.startsWith(contentDir)) return;
        for (const lang of ['zh', 'en']) {
          const module = server.moduleGraph.getModuleById(`\0${PREFIX}${lang}`);
          if (module) server.moduleGraph.invalidateModule(module);
        }
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, refresh);
    },
  };
}
