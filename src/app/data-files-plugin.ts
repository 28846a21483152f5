/**
 * What the course's data plugins (vite-plugin-mnist.ts, vite-plugin-corpora.ts) share: files made at build
 * time from a dev dependency, emitted as assets by `vite build`, served from memory by the dev server under
 * the same paths, and kept between builds in node_modules/.cache/<folder>/ under a hash of their inputs.
 *
 * Build-time code (Node), never in the bundle.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Connect, Plugin } from 'vite';

const gzipAsync = promisify(gzip);

/** Every file of a data folder, by name. */
export type DataFiles = Map<string, Uint8Array>;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A file's content gzipped, with the sizes and SHA-256s a manifest lists for the gzip file and its content. */
export async function gzipWithHashes(raw: Uint8Array, level: number) {
  // zlib runs on libuv's thread pool: several files are compressed side by side.
  const gz = new Uint8Array(await gzipAsync(raw, { level }));
  return { gz, bytes: gz.length, sha256: sha256(gz), rawBytes: raw.length, rawSha256: sha256(raw) };
}

function readCache(dir: string, names: readonly string[]): DataFiles | undefined {
  if (!names.every((name) => existsSync(join(dir, name)))) return undefined;
  return new Map(names.map((name) => [name, new Uint8Array(readFileSync(join(dir, name)))]));
}

/** Writes the entry under a temporary name and renames it, so a build running beside this one never reads half of it. */
function writeCache(cacheDir: string, key: string, files: DataFiles) {
  const temporary = join(cacheDir, `tmp-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(temporary, { recursive: true });
    for (const [name, bytes] of files) writeFileSync(join(temporary, name), bytes);
    for (const old of readdirSync(cacheDir)) if (/^[0-9a-f]{32}$/.test(old)) rmSync(join(cacheDir, old), { recursive: true, force: true });
    renameSync(temporary, join(cacheDir, key));
  } catch {
    // The cache only saves time.
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
}

/**
 * The files kept under `cacheDir/key` (a 32-digit hex hash of everything they are made from), or made by
 * `make` and kept there. Without a `cacheDir`, made every time.
 */
export async function cachedFiles(
  cacheDir: string | undefined,
  key: string,
  names: readonly string[],
  make: () => Promise<DataFiles>,
): Promise<DataFiles> {
  if (!cacheDir) return make();
  const cached = readCache(join(cacheDir, key), names);
  if (cached) return cached;
  const files = await make();
  writeCache(cacheDir, key, files);
  return files;
}

const CONTENT_TYPES: Record<string, string> = {
  '.gz': 'application/gzip',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The dev server's copy: the same bytes as the build, under the same paths. No Content-Encoding: the page unzips. */
function serve(prefix: string, names: readonly string[], files: () => Promise<DataFiles>): Connect.NextHandleFunction {
  return (request, response, next) => {
    const path = (request.url ?? '').split('?')[0];
    if (!path.startsWith(prefix)) return next();
    const name = path.slice(prefix.length);
    if (!names.includes(name)) return next();
    files().then((map) => {
      const bytes = map.get(name)!;
      response.setHeader('Content-Type', CONTENT_TYPES[extname(name)]);
      response.setHeader('Content-Length', bytes.length);
      response.setHeader('Cache-Control', 'no-cache');
      response.end(bytes);
    }, next);
  };
}

export interface DataFilesPluginOptions {
  name: string;
  /** The published folder relative to the site's base, ending in "/" (e.g. "data/mnist/"). */
  dir: string;
  /** Every file in it. */
  names: readonly string[];
  /** The folder under node_modules/.cache/. */
  cacheFolder: string;
  /** Makes the files (or reads them from `cacheDir`). */
  build: (cacheDir: string) => Promise<DataFiles>;
}

export function dataFilesPlugin({ name, dir, names, cacheFolder, build }: DataFilesPluginOptions): Plugin {
  let cacheDir = '';
  let prefix = `/${dir}`;
  let isBuild = false;
  let files: Promise<DataFiles> | undefined;
  const load = () => {
    files ??= build(cacheDir).catch((error: unknown) => {
      files = undefined; // the next request tries again
      throw error;
    });
    return files;
  };
  return {
    name,
    configResolved(config) {
      cacheDir = join(config.root, 'node_modules/.cache', cacheFolder);
      prefix = `${config.base}${dir}`;
      isBuild = config.command === 'build';
    },
    buildStart() {
      // Start making the files while the bundle is built; generateBundle waits for them (and reports an error).
      if (isBuild) load().catch(() => {});
    },
    async generateBundle() {
      for (const [file, source] of await load()) this.emitFile({ type: 'asset', fileName: `${dir}${file}`, source });
    },
    configureServer(server) {
      server.middlewares.use(serve(prefix, names, load));
    },
  };
}
