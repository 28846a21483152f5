/**
 * How the page hands a corpus to the worker: the UTF-8 bytes of its id, a NUL, the training text, a NUL, the
 * held-out text. The id travels with the texts so that a run never pairs one corpus's text with another's
 * settings (the corpus control restarts the run before the new corpus has downloaded).
 */
import { CORPUS_IDS, type CorpusId, type CorpusTexts } from './corpus.ts';

export interface PackedCorpus extends CorpusTexts {
  corpus: CorpusId;
}

export function packCorpus({ corpus, train, heldOut }: PackedCorpus): Uint8Array {
  if (train.includes('\0') || heldOut.includes('\0')) throw new Error('a corpus text must not contain NUL');
  return new TextEncoder().encode(`${corpus}\0${train}\0${heldOut}`);
}

export function unpackCorpus(bytes: Uint8Array): PackedCorpus {
  const [corpus, train, heldOut, ...rest] = new TextDecoder().decode(bytes).split('\0');
  if (!(CORPUS_IDS as readonly string[]).includes(corpus) || heldOut === undefined || rest.length > 0)
    throw new Error('the corpus data is not an id, a training text and a held-out text');
  return { corpus: corpus as CorpusId, train, heldOut };
}
