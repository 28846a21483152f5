import { useState, type FormEvent } from 'react';
import type { CorpusId } from '../../ml/language-model/corpus';
import type { SampleReply } from '../../ml/language-model/contract';
import type { TinyGptStrings } from './strings';

/** The latest sample, how good it is, the prompt box and a button for another. */
export function SamplePanel({
  corpus,
  sample,
  error,
  greedy,
  auto,
  onPrompt,
  onAgain,
  s,
}: {
  corpus: CorpusId;
  sample: SampleReply | null;
  error: string;
  greedy: boolean;
  auto: boolean;
  onPrompt: (prompt: string) => void;
  onAgain: () => void;
  s: TinyGptStrings;
}) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onPrompt(text.replace(/\n/g, ' '));
    onAgain();
  };
  return (
    <div className="panel gpt-samples" data-samples>
      <h4>{s.samplesTitle}</h4>
      <p className="cnn-credit">{s.samplesNote(auto)}</p>
      <form className="gpt-prompt" onSubmit={submit}>
        <label>
          {s.promptLabel}{' '}
          <input type="text" value={text} maxLength={24} placeholder={s.promptHint(corpus)} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className="button small">
          {s.sampleAgain}
        </button>
      </form>
      {error && (
        <p className="widget-alert" role="alert">
          {error}
        </p>
      )}
      {sample ? (
        <figure className="gpt-sample" data-sample-step={sample.step}>
          <figcaption>{s.sampleOf(sample.step)}</figcaption>
          <pre lang={corpus === 'quatrains' ? 'zh' : 'en'}>
            <strong>{sample.prompt}</strong>
            {sample.text}
          </pre>
        </figure>
      ) : (
        <p className="cnn-credit">{s.sampling}</p>
      )}
      {sample?.wellFormed && (
        <p data-well-formed-count={sample.wellFormed.ok}>{s.wellFormed(sample.wellFormed.ok, sample.wellFormed.total)}</p>
      )}
      {sample?.wordShare !== undefined && <p>{s.wordShare(sample.wordShare)}</p>}
      {greedy && <p className="cnn-credit">{s.greedyNote}</p>}
    </div>
  );
}
