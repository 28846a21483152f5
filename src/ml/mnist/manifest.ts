/**
 * What the build publishes under data/mnist/ (src/app/vite-plugin-mnist.ts) and the page reads
 * (src/widgets/cnn-mnist/load-mnist.ts): the shape of manifest.json and the file layout.
 */

/** The folder, relative to the site's base. */
export const MNIST_DIR = 'data/mnist/';
/** MNIST's 60,000 training digits in their original order, in shards of 12,000. */
export const TRAIN_SHARDS = 5;
export const SHARD_SIZE = 12_000;
export const TEST_COUNT = 10_000;

export interface MnistFileEntry {
  /** Name relative to the manifest, e.g. "train-0.bin.gz". */
  file: string;
  /** Digits in the file. */
  count: number;
  /** Size of the gzip file as served. */
  bytes: number;
  /** Hex SHA-256 of the gzip file's bytes. */
  sha256: string;
  /** Size of the compact file inside (header + labels + pixels). */
  rawBytes: number;
  /**
   * Hex SHA-256 of the compact file inside. Some hosts send .gz files with `Content-Encoding: gzip` (vite
   * preview does), and the browser hands the page the unzipped bytes: those are checked against this.
   */
  rawSha256: string;
}

export interface MnistManifest {
  shards: MnistFileEntry[];
  test: MnistFileEntry;
  licence: { name: string; url: string; source: string; file: string };
}
