/**
 * Writes dist/sw.js: the service worker with the list of files to save for offline use and a version that
 * changes whenever any of them does. Skipped: font formats that browsers with service workers never ask for
 * (woff, ttf: they take woff2), the threaded wasm build (it needs cross-origin isolation, which this
 * site does not have), the hosts' _headers file and course data under data/ (lesson 10's MNIST digits, 11 MB, and lesson 13's corpora: the
 * service worker saves them in a cache of their own when the lesson first loads them).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterBuild } from '../app/vite-plugin-after-build.ts';

const SKIP = [/^data\//, /\.woff$/, /\.ttf$/, /threaded-simd.*\.wasm$/, /^sw\.js$/, /^404\.html$/, /\.map$/, /^_headers$/];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

export function precacheList(outDir: string): string[] {
  return filesUnder(outDir)
    .map((file) => relative(outDir, file).split('\\').join('/'))
    .filter((path) => !SKIP.some((pattern) => pattern.test(path)))
    .sort()
    .map((path) => `/${path}`);
}

export function offlinePlugin(template: string) {
  return afterBuild('course-offline', (outDir) => {
    const files = precacheList(outDir);
    const hash = createHash('sha256');
    for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
    const code = readFileSync(template, 'utf8')
      .replace("'__VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 16)))
      .replace('__PRECACHE__', JSON.stringify(['/', ...files]));
    writeFileSync(join(outDir, 'sw.js'), code);
  });
}
