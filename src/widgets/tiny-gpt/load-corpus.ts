/**
 * Loads one of lesson 13's corpora on the page from data/corpora/ (made by src/app/vite-plugin-corpora.ts):
 * manifest.json, then its training and held-out texts, fetched, checked and unzipped by
 * ../shared/load-data.ts and decoded here as UTF-8. React-free, tfjs-free. Texts stay in memory for the
 * page's life: switching back to a corpus fetches nothing.
 */
import {
  CORPORA_DIR,
  CORPUS_IDS,
  characterCount,
  type CorpusFileEntry,
  type CorpusId,
  type CorpusManifest,
  type CorpusTexts,
} from '../../ml/language-model/corpus';
import { dataSource, type LoadDataOptions } from '../shared/load-data';

const corpora = dataSource<CorpusManifest, CorpusFileEntry, string>({
  label: 'Corpus',
  dir: CORPORA_DIR,
  readManifest: (json, url) => {
    const manifest = json as CorpusManifest;
    if (!CORPUS_IDS.every((id) => manifest.corpora?.[id]?.train && manifest.corpora[id].heldOut))
      throw new Error(`Corpus: ${url} is not a manifest (no training and held-out entries for ${CORPUS_IDS.join(' and ')})`);
    return manifest;
  },
  decode: (content, entry, url) => {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(content);
    } catch (error) {
      throw new Error(`Corpus: ${url} is not UTF-8 text`, { cause: error });
    }
    const characters = characterCount(text);
    if (characters !== entry.characters)
      throw new Error(`Corpus: ${entry.file} holds ${characters} characters, the manifest says ${entry.characters}`);
    return text;
  },
});

/** Forgets every text loaded so far (for tests). */
export function clearCorpusCache() {
  corpora.clear();
}

export async function loadCorpus(id: CorpusId, options: LoadDataOptions = {}): Promise<CorpusTexts> {
  if (!CORPUS_IDS.includes(id)) throw new RangeError(`Corpus: no corpus named ${String(id)} (${CORPUS_IDS.join(', ')})`);
  options.signal?.throwIfAborted();
  const manifest = await corpora.manifest(options);
  const { train, heldOut } = manifest.corpora[id];
  const [trainText, heldOutText] = await corpora.files([train, heldOut], options);
  return { train: trainText, heldOut: heldOutText };
}
