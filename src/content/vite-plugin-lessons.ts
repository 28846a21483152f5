/** Serves `virtual:lessons`: the course index, read from content/ at build time and checked there. */
import type { Plugin } from 'vite';
import { readLessons } from './read-lessons.ts';

const ID = 'virtual:lessons';
const RESOLVED = `\0${ID}`;

export function lessonsPlugin(contentDir: string): Plugin {
  return {
    name: 'course-lessons',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      return `export default ${JSON.stringify(readLessons(contentDir))};`;
    },
    // In the dev server, a new or edited lesson rebuilds the index (titles and order live in frontmatter).
    configureServer(server) {
      server.watcher.add(contentDir);
      const refresh = (file: string) => {
        if (!file.startsWith(contentDir) || !file.endsWith('.md')) return;
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, refresh);
    },
  };
}
