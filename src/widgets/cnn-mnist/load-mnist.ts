/**
 * Loads lesson 10's MNIST digits on the page from data/mnist/ (made by src/app/vite-plugin-mnist.ts):
 * manifest.json, then the test set and the first `shards` training shards of 12,000 digits, two downloads at
 * a time. Each gzip file is checked against the manifest's SHA-256 (where crypto.subtle exists: secure
 * contexts), unzipped with DecompressionStream and decoded (src/ml/mnist/format.ts). Where the host sends the
 * .gz files with `Content-Encoding: gzip` (vite preview does) the browser has unzipped them already, and the
 * check uses the SHA-256 of the content. React-free, tfjs-free.
 *
 * Decoded files stay in memory for the page's life: a second call fetches only shards not loaded yet. Every
 * call returns arrays of its own (copies), so a caller may transfer them to a worker.
 */
import { concatSets, decodeMnist, type MnistSet } from '../../ml/mnist/format';
import { MNIST_DIR, TRAIN_SHARDS, type MnistFileEntry, type MnistManifest } from '../../ml/mnist/manifest';

export interface LoadMnistOptions {
  /** Training shards of 12,000 digits, 1–5. */
  shards: number;
  signal?: AbortSignal;
  /** Compressed bytes received of those the call needs (files already in memory count as received). */
  onProgress?: (loadedBytes: number, totalBytes: number) => void;
  /** The site's base URL (default: Vite's BASE_URL). */
  base?: string;
}

export interface MnistData {
  train: MnistSet;
  test: MnistSet;
}

const PARALLEL = 2;

/** One file's download, shared by every call that needs it while it runs and kept once it is done. */
interface Download {
  url: string;
  entry: MnistFileEntry;
  result: Promise<MnistSet>;
  controller: AbortController;
  users: number;
  loaded: number;
  done: boolean;
  listeners: Set<() => void>;
}

const downloads = new Map<string, Download>();
const manifests = new Map<string, Promise<MnistManifest>>();
const queue: (() => void)[] = [];
let active = 0;

/** Forgets every file loaded so far (for tests). */
export function clearMnistCache() {
  downloads.clear();
  manifests.clear();
}

function folder(base: string | undefined): string {
  const root = base ?? import.meta.env.BASE_URL ?? '/';
  return `${root.endsWith('/') ? root : `${root}/`}${MNIST_DIR}`;
}

async function get(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new Error(`MNIST: could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (!response.ok)
    throw new Error(`MNIST: ${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  return response;
}

function loadManifest(dir: string, signal?: AbortSignal): Promise<MnistManifest> {
  let manifest = manifests.get(dir);
  if (!manifest) {
    const url = `${dir}manifest.json`;
    manifest = get(url, signal).then(async (response) => {
      const parsed = (await response.json()) as MnistManifest;
      if (!Array.isArray(parsed.shards) || !parsed.test) throw new Error(`MNIST: ${url} is not a manifest (no shards or test entry)`);
      return parsed;
    });
    manifests.set(dir, manifest);
    manifest.catch(() => manifests.delete(dir));
  }
  return manifest;
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
 * Checks and decodes one downloaded file. Hosts that send .gz files with `Content-Encoding: gzip` (vite preview,
 * some Apache set-ups) have the browser unzip them on the way: those bytes are the compact file already.
 */
async function decodeFile(entry: MnistFileEntry, url: string, bytes: Uint8Array): Promise<MnistSet> {
  const zipped = isGzip(bytes);
  const sha = await sha256Hex(bytes);
  const expected = zipped ? entry.sha256 : entry.rawSha256;
  if (sha !== undefined && sha !== expected)
    throw new Error(
      `MNIST: ${entry.file} is damaged or out of date (SHA-256 ${sha.slice(0, 12)}…, the manifest says ${expected.slice(0, 12)}…)`,
    );
  let set: MnistSet;
  try {
    set = decodeMnist(zipped ? await gunzip(bytes) : bytes);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)} in ${url}`, { cause: error });
  }
  if (set.count !== entry.count) throw new Error(`MNIST: ${entry.file} holds ${set.count} digits, the manifest says ${entry.count}`);
  return set;
}

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

function startDownload(dir: string, entry: MnistFileEntry): Download {
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
    const response = await get(url, controller.signal);
    const bytes = await readBody(response, progress).catch((error: unknown) => {
      if (controller.signal.aborted) throw controller.signal.reason;
      throw new Error(`MNIST: the download of ${url} broke off: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    });
    return decodeFile(entry, url, bytes);
  }).then(
    (set) => {
      download.done = true;
      progress(entry.bytes);
      return set;
    },
    (error: unknown) => {
      forget(download);
      throw error;
    },
  );
  result.catch(() => {}); // each caller handles it
  const download: Download = { url, entry, result, controller, users: 0, loaded: 0, done: false, listeners: new Set() };
  downloads.set(url, download);
  return download;
}

function forget(download: Download) {
  if (downloads.get(download.url) === download) downloads.delete(download.url);
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

/** Waits for the files, reporting their progress; on abort, stops the downloads no other call waits for. */
async function waitFor(files: Download[], options: LoadMnistOptions): Promise<MnistSet[]> {
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

export async function loadMnist(options: LoadMnistOptions): Promise<MnistData> {
  const { shards, signal } = options;
  if (!Number.isInteger(shards) || shards < 1 || shards > TRAIN_SHARDS)
    throw new RangeError(`MNIST: shards must be a whole number from 1 to ${TRAIN_SHARDS}, not ${shards}`);
  signal?.throwIfAborted();
  const dir = folder(options.base);
  const manifest = await abortable(loadManifest(dir), signal);
  if (manifest.shards.length < shards)
    throw new Error(`MNIST: the manifest lists ${manifest.shards.length} training shards, ${shards} asked for`);
  const files = [manifest.test, ...manifest.shards.slice(0, shards)].map((entry) => startDownload(dir, entry));
  const [test, ...train] = await waitFor(files, options);
  return { train: concatSets(train), test: concatSets([test]) };
}
