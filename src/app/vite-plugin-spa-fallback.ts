/**
 * Static hosts answer an unknown path with 404.html. Making it a copy of index.html lets a lesson link such
 * as /zh/linear-regression open directly on hosts without rewrite rules (GitHub Pages, a plain bucket).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterBuild } from './vite-plugin-after-build.ts';

export function spaFallbackPlugin() {
  return afterBuild('course-spa-fallback', (outDir) => copyFileSync(join(outDir, 'index.html'), join(outDir, '404.html')));
}
