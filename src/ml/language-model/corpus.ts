/**
 * What the build publishes under data/corpora/ (src/app/vite-plugin-corpora.ts) and the page reads
 * (src/widgets/tiny-gpt/load-corpus.ts): lesson 13's two corpora, their file names and the shape of
 * manifest.json. tfjs-free.
 */

/** The folder, relative to the site's base. */
export const CORPORA_DIR = 'data/corpora/';

/** Tang five-character quatrains (zh), tiny Shakespeare (en). */
export const CORPUS_IDS = ['quatrains', 'shakespeare'] as const;
export type CorpusId = (typeof CORPUS_IDS)[number];

export type CorpusPart = 'train' | 'heldOut';

/** Share of each corpus kept out of training (poems for the quatrains, the text's end for Shakespeare). */
export const HELD_OUT_SHARE = 0.1;

/** `quatrains-train.txt.gz`, `shakespeare-held-out.txt.gz`, … */
export function corpusFileName(id: CorpusId, part: CorpusPart): string {
  return `${id}-${part === 'train' ? 'train' : 'held-out'}.txt.gz`;
}

/** A corpus as the page and the widget use it. */
export interface CorpusTexts {
  train: string;
  heldOut: string;
}

export interface CorpusFileEntry {
  /** Name relative to the manifest, e.g. "quatrains-train.txt.gz". */
  file: string;
  /** Size of the gzip file as served. */
  bytes: number;
  /** Hex SHA-256 of the gzip file's bytes. */
  sha256: string;
  /** Size of the UTF-8 text inside. */
  rawBytes: number;
  /**
   * Hex SHA-256 of the UTF-8 text inside. Hosts that send .gz files with `Content-Encoding: gzip` (vite
   * preview does) hand the page the text itself: that is checked against this.
   */
  rawSha256: string;
  /** Characters (Unicode code points) of the text, newlines included. */
  characters: number;
  /** Lines of the text, each ended by "\n"; for the quatrains one line is one poem. */
  lines: number;
}

export interface CorpusManifest {
  corpora: Record<CorpusId, Record<CorpusPart, CorpusFileEntry>>;
  /** The file naming the sources, their authors and licences. */
  licence: { file: string };
}

/**
 * Splits `text` after the first line break at or past `share` of its length, so both parts are whole lines.
 * Without a line break past that point, everything is the first part.
 */
export function splitAtLine(text: string, share: number): [string, string] {
  const newline = text.indexOf('\n', Math.floor(text.length * share));
  if (newline < 0) return [text, ''];
  return [text.slice(0, newline + 1), text.slice(newline + 1)];
}

/** Characters (Unicode code points) in `text`: what the manifest counts and the tokenizer reads. */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
