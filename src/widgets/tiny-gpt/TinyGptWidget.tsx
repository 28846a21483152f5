import { useMemo, useState } from 'react';
import { CopyLinkButton } from '../../controls/CopyLinkButton';
import { ParamPanel } from '../../controls/ParamControl';
import { PlayControls } from '../../controls/PlayControls';
import { useLang, useStrings } from '../../i18n/LangContext';
import { TINY_GPT } from '../../ml/language-model/contract';
import { TINY_GPT_FILES } from '../../ml/language-model/export-names';
import { traceIndex } from '../../ml/shared/contract';
import type { WidgetProps } from '../registration';
import { DataLoadProgress } from '../shared/DataLoadProgress';
import { SaveModel } from '../shared/SaveModel';
import { useWidgetRun } from '../shared/useWidgetRun';
import { WidgetShell } from '../shared/WidgetShell';
import { GptCurves } from './GptCurves';
import { LastTokenAttention } from './LastTokenAttention';
import { SamplePanel } from './SamplePanel';
import { TINY_GPT_STRINGS } from './strings';
import { useCorpus, type LoadedCorpus } from './useCorpus';
import { useSamples } from './useSamples';

const VALIDATION = traceIndex(TINY_GPT, 'validation');

export default function TinyGptWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const t = useStrings();
  const s = TINY_GPT_STRINGS[lang];
  // The corpus the worker runs on: set once loaded, so the worker starts only then.
  const [corpus, setCorpus] = useState<LoadedCorpus | null>(null);
  // Unless the lesson or the link names one, the corpus follows the page's language.
  const start = useMemo(() => ({ corpus: lang === 'en' ? 'shakespeare' : 'quatrains', ...initial }), [lang, initial]);
  const { values, shareUrl, view, change, shell, controls, trainer, near } = useWidgetRun(TINY_GPT, id, start, {
    data: corpus?.packed,
    ready: corpus !== null,
  });
  const load = useCorpus(values.corpus, near, (loaded) => {
    // Another corpus: the running worker restarts on it.
    if (corpus) trainer.reset(values, loaded.packed);
    setCorpus(loaded);
  });
  const ready = corpus !== null && corpus.corpus === values.corpus;
  const info = view.info;
  const width = view.traceWidth;
  const last = width && view.traces.length >= width ? view.traces.length - width : -1;
  const validation = last >= 0 ? view.traces[last + VALIDATION] : NaN;
  const [prompt, setPrompt] = useState('');
  const samples = useSamples({
    corpus: values.corpus,
    settings: { prompt, temperature: values.temperature, topK: values.topK, topP: values.topP, greedy: values.greedy },
    step: view.step,
    run: info,
    enabled: ready && info !== null && info.corpus === values.corpus,
    request: trainer.request,
  });
  const sample = samples.sample;

  return (
    <WidgetShell
      {...shell}
      lr={values.lr}
      figures={{
        'data-validation': Number.isFinite(validation) ? validation : '',
        'data-unigram': info?.unigram ?? '',
        'data-bigram': info?.bigram ?? '',
        'data-sample': sample ? sample.prompt + sample.text : '',
        'data-sample-step': sample ? sample.step : '',
        'data-sample-seed': sample ? sample.seed : '',
        'data-well-formed': sample?.wellFormed ? sample.wellFormed.ok / sample.wellFormed.total : '',
        'data-word-share': sample?.wordShare ?? '',
        'data-data': ready ? 'ready' : load.error ? 'error' : 'loading',
      }}
    >
      <DataLoadProgress load={load} ready={ready} s={s.load(values.corpus)} />
      <p className="cnn-summary" data-summary>
        {s.validation} <strong>{Number.isFinite(validation) ? `${validation.toFixed(2)} ${s.bitsUnit}` : '—'}</strong>
        {info && ` · ${s.summary(info.parameters, info.vocabulary)}`}
      </p>
      <GptCurves losses={view.losses} traces={view.traces} width={width} maxX={values.steps} info={info} t={t.widget} s={s} />
      <PlayControls t={t.widget} {...controls} />
      <SamplePanel
        corpus={values.corpus}
        sample={sample}
        error={samples.error}
        greedy={values.greedy}
        auto={view.status === 'running'}
        onPrompt={setPrompt}
        onAgain={samples.again}
        s={s}
      />
      {sample && info && <LastTokenAttention sample={sample} layers={values.layers} heads={values.heads} s={s} />}
      <ParamPanel specs={TINY_GPT.params} values={values} lang={lang} onChange={(key, v) => change({ [key]: v })} />
      <div className="widget-actions">
        <CopyLinkButton t={t.widget} url={shareUrl} />
        <SaveModel request={trainer.request} disabled={!info} files={TINY_GPT_FILES} s={s} />
      </div>
    </WidgetShell>
  );
}
