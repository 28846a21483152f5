/** Serves `virtual:lessons`: the course index, read from content/ at build time and checked there. */
import type { Plugin } from 'vite';
import { readLessons } from './read-lessons';

const ID = 'virtual:lessons';
const RESOLVED = `\0${ID}`;

export function lessonsPlugin(contentDir: string): Plugin {
  return {
    name: 'course-lessons',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(contentDir);
      return `export default ${JSON.stringify(readLessons(contentDir))};`;
    },
  };
}
