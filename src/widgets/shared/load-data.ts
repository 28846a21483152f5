/**
 * Loads a data folder the build publishes (data/mnist/, data/corpora/): its manifest.json, then gzip files,
 * two downloads at a time across the page. Each file is checked against the manifest's SHA-256 (where
 * crypto.subtle exists: secure contexts) and unzipped with DecompressionStream. Where the host sends .gz files
 * with `Content-Encoding: gzip` (vite preview does) the browser has unzipped them already, and the check uses
 * the SHA-256 of the content. React-free, tfjs-free.
 *
 * Decoded files stay in memory for the page's life; a download is shared by every call that needs it while
 * it runs, and stopped when the last of them aborts.
 */

/** What a manifest says of each gzip file (src/ml/mnist/manifest.ts, src/ml/language-model/corpus.ts). */
export interface DataFileEntry {
  /** Name relative to the manifest. */
  file: string;
  /** Size of the gzip file as served. */
  bytes: number;
  /** Hex SHA-256 of the gzip file's bytes. */
  sha256: string;
  /** Size of its content. */
  rawBytes: number;
  /** Hex SHA-256 of its content. */
  rawSha256: string;
}

export interface LoadDataOptions {
  signal?: AbortSignal;
  /** Compressed bytes received of those the call needs (files already in memory count as received). */
  onProgress?: (loadedBytes: number, totalBytes: number) => void;
  /** The site's base URL (default: Vite's BASE_URL). */
  base?: string;
}

export interface DataSourceSpec<Manifest, Entry extends DataFileEntry, Decoded> {
  /** Starts every error message: "MNIST: …". */
  label: string;
  /** The folder relative to the site's base, ending in "/". */
  dir: string;
  /** Checks the parsed manifest.json, throwing a message that names `url` when it is not one. */
  readManifest: (json: unknown, url: string) => Manifest;
  /** Turns a file's checked, unzipped content into what the page uses. */
  decode: (content: Uint8Array, entry: Entry, url: string) => Decoded;
}

export interface DataSource<Manifest, Entry extends DataFileEntry, Decoded> {
  manifest: (options: LoadDataOptions) => Promise<Manifest>;
  /** The files, decoded, in the order asked for. */
  files: (entries: readonly Entry[], options: LoadDataOptions) => Promise<Decoded[]>;
  /** Forgets every file loaded so far (for tests). */
  clear: () => void;
}

const PARALLEL = 2;
const queue: (() => void)[] = [];
let active = 0;

/** Runs `task` when fewer than PARALLEL downloads are running. */
function whenFree<T>(task: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push(() => {
      active++;
      task()
        .then(resolve, reject)
        .finally(() => {
          active--;
          queue.shift()?.();
        });
    });
    if (active < PARALLEL) queue.shift()?.();
  });
}

function folder(base: string | undefined, dir: string): string {
  const root = base ?? import.meta.env.BASE_URL ?? '/';
  return `${root.endsWith('/') ? root : `${root}/`}${dir}`;
}

async function get(label: string, url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new Error(`${label}: could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!response.ok)
    throw new Error(`${label}: ${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  return response;
}

/** Reads a response's body, showing `onChunk` each piece as it comes. */
async function readBody(response: Response, onChunk: (chunk: Uint8Array) => void): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onChunk(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

async function sha256Hex(bytes: Uint8Array): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined; // plain http on another host than localhost: no Web Crypto
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * A downloaded file's content, checked. Hosts that send .gz files with `Content-Encoding: gzip` (vite preview,
 * some Apache set-ups) have the browser unzip them on the way: those bytes are the content already.
 */
async function checkedContent(label: string, entry: DataFileEntry, url: string, bytes: Uint8Array): Promise<Uint8Array> {
  const zipped = isGzip(bytes);
  const sha = await sha256Hex(bytes);
  const expected = zipped ? entry.sha256 : entry.rawSha256;
  if (sha !== undefined && sha !== expected)
    throw new Error(
      `${label}: ${entry.file} is damaged or out of date (SHA-256 ${sha.slice(0, 12)}…, the manifest says ${expected.slice(0, 12)}…)`,
    );
  if (!zipped) return bytes;
  try {
    return await gunzip(bytes);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)} in ${url}`, { cause: error });
  }
}

/** Rejects with the signal's reason when it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([promise, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}

/** One file's download, shared by every call that needs it while it runs and kept once it is done. */
interface Download<Decoded> {
  url: string;
  entry: DataFileEntry;
  result: Promise<Decoded>;
  controller: AbortController;
  users: number;
  loaded: number;
  done: boolean;
  listeners: Set<() => void>;
}

/** Waits for the files, reporting their progress; on abort, stops the downloads no other call waits for. */
async function waitFor<Decoded>(
  files: Download<Decoded>[],
  options: LoadDataOptions,
  forget: (download: Download<Decoded>) => void,
): Promise<Decoded[]> {
  const { signal, onProgress } = options;
  const total = files.reduce((sum, file) => sum + file.entry.bytes, 0);
  const report = () =>
    onProgress?.(
      files.reduce((sum, file) => sum + file.loaded, 0),
      total,
    );
  for (const file of files) {
    file.users++;
    file.listeners.add(report);
  }
  try {
    report();
    return await abortable(Promise.all(files.map((file) => file.result)), signal);
  } finally {
    for (const file of files) {
      file.listeners.delete(report);
      file.users--;
      if (signal?.aborted && !file.done && file.users === 0) {
        forget(file);
        file.controller.abort(signal.reason);
      }
    }
  }
}

export function dataSource<Manifest, Entry extends DataFileEntry, Decoded>(
  spec: DataSourceSpec<Manifest, Entry, Decoded>,
): DataSource<Manifest, Entry, Decoded> {
  const { label } = spec;
  const downloads = new Map<string, Download<Decoded>>();
  const manifests = new Map<string, Promise<Manifest>>();

  const forget = (download: Download<Decoded>) => {
    if (downloads.get(download.url) === download) downloads.delete(download.url);
  };

  function loadManifest(dir: string): Promise<Manifest> {
    let manifest = manifests.get(dir);
    if (!manifest) {
      const url = `${dir}manifest.json`;
      manifest = get(label, url).then(async (response) => spec.readManifest(await response.json(), url));
      manifests.set(dir, manifest);
      manifest.catch(() => manifests.delete(dir));
    }
    return manifest;
  }

  function startDownload(dir: string, entry: Entry): Download<Decoded> {
    // The hash in the query names the file's version: the service worker keeps it as long as it is current.
    const url = `${dir}${entry.file}?v=${entry.sha256.slice(0, 16)}`;
    const existing = downloads.get(url);
    if (existing) return existing;
    const controller = new AbortController();
    // Progress counts compressed bytes; a body the browser unzips on the way counts in proportion.
    let scale = 0;
    const progress = (chunk: Uint8Array | number) => {
      if (typeof chunk === 'number') download.loaded = chunk;
      else {
        if (!scale && chunk.length >= 2) scale = isGzip(chunk) ? 1 : entry.bytes / entry.rawBytes;
        download.loaded = Math.min(entry.bytes, download.loaded + chunk.length * (scale || 1));
      }
      download.listeners.forEach((listener) => listener());
    };
    const result = whenFree(async () => {
      controller.signal.throwIfAborted();
      const response = await get(label, url, controller.signal);
      const bytes = await readBody(response, progress).catch((error: unknown) => {
        if (controller.signal.aborted) throw controller.signal.reason;
        throw new Error(`${label}: the download of ${url} broke off: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      });
      return spec.decode(await checkedContent(label, entry, url, bytes), entry, url);
    }).then(
      (decoded) => {
        download.done = true;
        progress(entry.bytes);
        return decoded;
      },
      (error: unknown) => {
        forget(download);
        throw error;
      },
    );
    result.catch(() => {}); // each caller handles it
    const download: Download<Decoded> = { url, entry, result, controller, users: 0, loaded: 0, done: false, listeners: new Set() };
    downloads.set(url, download);
    return download;
  }

  return {
    manifest: (options) => abortable(loadManifest(folder(options.base, spec.dir)), options.signal),
    files: (entries, options) => {
      const dir = folder(options.base, spec.dir);
      return waitFor(
        entries.map((entry) => startDownload(dir, entry)),
        options,
        forget,
      );
    },
    clear: () => {
      downloads.clear();
      manifests.clear();
    },
  };
}
