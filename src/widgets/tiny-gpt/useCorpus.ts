/** The chosen corpus for the widget, loaded when it nears the screen and packed as the worker takes it. */
import type { CorpusId, CorpusTexts } from '../../ml/language-model/corpus';
import { packCorpus } from '../../ml/language-model/packing';
import { useDataLoad, type DataLoad } from '../shared/useDataLoad';
import { loadCorpus } from './load-corpus';

export interface LoadedCorpus {
  corpus: CorpusId;
  texts: CorpusTexts;
  /** What the worker receives with init and reset. */
  packed: Uint8Array;
}

export function useCorpus(corpus: CorpusId, enabled: boolean, onLoaded: (data: LoadedCorpus) => void): DataLoad<LoadedCorpus> {
  return useDataLoad(
    corpus,
    enabled,
    async ({ signal, onProgress }) => {
      const texts = await loadCorpus(corpus, { signal, onProgress });
      return { corpus, texts, packed: packCorpus({ corpus, ...texts }) };
    },
    onLoaded,
  );
}
