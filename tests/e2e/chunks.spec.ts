/**
 * No chunk the page loads carries tfjs (ARCHITECTURE.md, "Layout"): not the entry, not a lesson, not a
 * widget's lazy chunk. tfjs is weight, and its environment parses the page's query string when it loads
 * (a malformed escape in a link throws). Reads the build in dist/ (run after `vite build`).
 *
 * Workers are found by how the page starts them — `new Worker(new URL('…'))` in a chunk, and the service
 * worker's `serviceWorker.register('…')` — and by name (`*.worker-*.js`), with every chunk only they
 * import; every other JavaScript file in dist/ is scanned.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';

const DIST = join(import.meta.dirname, '../../dist');

/**
 * Strings from tfjs's own bundled code, not ours: tfjs-core's environment reads URL flags under the
 * `tfjsflags` key; its kernel and gradient registries are globals named `kernelRegistry` and
 * `gradRegistry`; tfjs-backend-wasm's errors name `setWasmPaths`. (File names such as
 * `tfjs-backend-wasm-simd.wasm` are not used: the service worker's precache list names them.)
 */
const TFJS_MARKERS = ['tfjsflags', 'kernelRegistry', 'gradRegistry', 'setWasmPaths'];

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsFiles(path);
    return /\.m?js$/.test(name) ? [relative(DIST, path)] : [];
  });
}

/**
 * A chunk's references to other built .js files (static and dynamic imports, Vite's preload lists), with
 * the workers it starts apart: `new Worker(new URL('…'))` and the service worker it registers.
 */
function references(file: string, code: string, all: Set<string>) {
  const resolve = (ref: string) => {
    const candidates = [join(file, '..', ref), ref.replace(/^\//, '')].map((p) => p.replace(/\\/g, '/'));
    return candidates.find((p) => all.has(p));
  };
  const workers = new Set<string>();
  for (const m of code.matchAll(/new\s+(?:Shared)?Worker\(\s*new\s+URL\(\s*[`'"]([^`'"]+\.js)[`'"]/g)) {
    const target = resolve(m[1]);
    if (target) workers.add(target);
  }
  const serviceWorkers = new Set<string>();
  for (const m of code.matchAll(/serviceWorker\.register\(\s*[`'"]([^`'"]+\.js)[`'"]/g)) {
    const target = resolve(m[1]);
    if (target) serviceWorkers.add(target);
  }
  const imports = new Set<string>();
  for (const m of code.matchAll(/[`'"]((?:\.{1,2}\/|\/)?[\w./-]+\.m?js)[`'"]/g)) {
    const target = resolve(m[1]);
    if (target && !workers.has(target) && !serviceWorkers.has(target) && target !== file) imports.add(target);
  }
  return { workers, serviceWorkers, imports };
}

function readBuild() {
  expect(existsSync(join(DIST, 'index.html')), 'dist/ is built (run `vite build` first)').toBe(true);
  const files = jsFiles(DIST).map((f) => f.replace(/\\/g, '/'));
  const all = new Set(files);
  const code = new Map(files.map((f) => [f, readFileSync(join(DIST, f), 'utf8')]));
  const graph = new Map(files.map((f) => [f, references(f, code.get(f)!, all)]));
  const closure = (roots: Iterable<string>) => {
    const seen = new Set<string>();
    const stack = [...roots];
    while (stack.length) {
      const f = stack.pop()!;
      if (seen.has(f)) continue;
      seen.add(f);
      stack.push(...graph.get(f)!.imports);
    }
    return seen;
  };
  const workerEntries = new Set([...graph.values()].flatMap((g) => [...g.workers]));
  for (const f of files) if (/(^|\/)[^/]*\.worker-[^/]*\.js$/.test(f)) workerEntries.add(f);
  // The service worker is a worker too, but its references are a precache list of every built file, not
  // imports: it is left out itself, and what it lists is not followed.
  const serviceWorkers = new Set([...graph.values()].flatMap((g) => [...g.serviceWorkers]));
  // The page's own graph, from the scripts index.html loads.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const pageRoots = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]).filter((f) => all.has(f));
  const page = closure(pageRoots);
  const workerOnly = new Set([...closure(workerEntries)].filter((f) => !page.has(f)));
  const scanned = files.filter((f) => !workerOnly.has(f) && !serviceWorkers.has(f));
  const referrers = (target: string) => files.filter((f) => !serviceWorkers.has(f) && graph.get(f)!.imports.has(target));
  return { files, code, pageRoots, workerEntries, workerOnly, scanned, referrers };
}

test('no chunk the page loads carries tfjs (every non-worker chunk is scanned)', () => {
  const build = readBuild();
  expect(build.pageRoots.length, 'index.html loads the entry chunk').toBeGreaterThan(0);
  expect(build.workerEntries.size, 'the training worker is found').toBeGreaterThan(0);
  for (const worker of build.workerEntries) expect(build.scanned).not.toContain(worker);
  // The markers are the right ones: the worker, which does carry tfjs, has every one of them.
  const workerCode = [...build.workerOnly].map((f) => build.code.get(f)!).join('\n');
  for (const marker of TFJS_MARKERS) expect(workerCode, `worker chunks contain "${marker}"`).toContain(marker);
  // Lesson and widget chunks are scanned too, not only the entry.
  expect(build.scanned.length).toBeGreaterThan(10);

  const carriers = build.scanned
    .map((f) => ({ file: f, markers: TFJS_MARKERS.filter((m) => build.code.get(f)!.includes(m)) }))
    .filter((c) => c.markers.length > 0)
    .map((c) => `${c.file} [${c.markers.join(', ')}] referenced by ${build.referrers(c.file).join(', ') || 'nothing (an entry)'}`);
  expect(carriers, 'page chunks carrying tfjs').toEqual([]);
});

test('no chunk the page loads carries KaTeX’s JavaScript (formulas are HTML from the build)', () => {
  const build = readBuild();
  const carriers = build.scanned.filter((f) => build.code.get(f)!.includes('KaTeX parse error'));
  expect(carriers).toEqual([]);
});
