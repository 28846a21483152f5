/**
 * Loads lesson 10's MNIST digits on the page from data/mnist/ (made by src/app/vite-plugin-mnist.ts):
 * manifest.json, then the test set and the first `shards` training shards of 12,000 digits, fetched, checked
 * and unzipped by ../shared/load-data.ts and decoded here (src/ml/mnist/format.ts). React-free, tfjs-free.
 *
 * Decoded files stay in memory for the page's life: a second call fetches only shards not loaded yet. Every
 * call returns arrays of its own (copies), so a caller may transfer them to a worker.
 */
import { concatSets, decodeMnist, type MnistSet } from '../../ml/mnist/format';
import { MNIST_DIR, TRAIN_SHARDS, type MnistFileEntry, type MnistManifest } from '../../ml/mnist/manifest';
import { dataSource, type LoadDataOptions } from '../shared/load-data';

export interface LoadMnistOptions extends LoadDataOptions {
  /** Training shards of 12,000 digits, 1–5. */
  shards: number;
}

export interface MnistData {
  train: MnistSet;
  test: MnistSet;
}

const mnist = dataSource<MnistManifest, MnistFileEntry, MnistSet>({
  label: 'MNIST',
  dir: MNIST_DIR,
  readManifest: (json, url) => {
    const manifest = json as MnistManifest;
    if (!Array.isArray(manifest.shards) || !manifest.test) throw new Error(`MNIST: ${url} is not a manifest (no shards or test entry)`);
    return manifest;
  },
  decode: (content, entry, url) => {
    let set: MnistSet;
    try {
      set = decodeMnist(content);
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)} in ${url}`, { cause: error });
    }
    if (set.count !== entry.count) throw new Error(`MNIST: ${entry.file} holds ${set.count} digits, the manifest says ${entry.count}`);
    return set;
  },
});

/** Forgets every file loaded so far (for tests). */
export function clearMnistCache() {
  mnist.clear();
}

export async function loadMnist(options: LoadMnistOptions): Promise<MnistData> {
  const { shards, signal } = options;
  if (!Number.isInteger(shards) || shards < 1 || shards > TRAIN_SHARDS)
    throw new RangeError(`MNIST: shards must be a whole number from 1 to ${TRAIN_SHARDS}, not ${shards}`);
  signal?.throwIfAborted();
  const manifest = await mnist.manifest(options);
  if (manifest.shards.length < shards)
    throw new Error(`MNIST: the manifest lists ${manifest.shards.length} training shards, ${shards} asked for`);
  const [test, ...train] = await mnist.files([manifest.test, ...manifest.shards.slice(0, shards)], options);
  return { train: concatSets(train), test: concatSets([test]) };
}
