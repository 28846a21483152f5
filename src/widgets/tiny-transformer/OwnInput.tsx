import { useEffect, useState, type FormEvent } from 'react';
import { useThrottled } from '../../charts/useThrottled';
import type { TinyTransformerInfo } from '../../ml/tiny-transformer/contract';
import { answer as rightAnswer, type Task } from '../../ml/tiny-transformer/tasks';
import { AttentionMaps } from './AttentionMaps';
import type { TinyTransformerStrings } from './strings';

/** The learner's own answer is asked for again at most this often while the model trains. */
const ASK_MS = 250;

/** The model's answer to `input`, asked for again whenever `asked` changes (the step, throttled). */
function useOwnAnswer(
  input: number[] | null,
  asked: number,
  request: (name: string, argument?: unknown) => Promise<unknown>,
  onError: (message: string) => void,
) {
  const [result, setResult] = useState<{ input: number[]; state: Float32Array } | null>(null);
  useEffect(() => {
    if (!input) return;
    let current = true;
    request('answer', input).then(
      (state) => current && setResult({ input, state: state as Float32Array }),
      (reason: unknown) => current && onError(reason instanceof Error ? reason.message : String(reason)),
    );
    return () => {
      current = false;
    };
  }, [input, asked, request, onError]);
  return result;
}

/**
 * The learner types L digits; the model writes its answer one digit at a time (in the worker) and its
 * attention for that input is drawn, asked for again as training goes on. Empty: the held-out example.
 */
export function OwnInput({
  info,
  task,
  step,
  example,
  request,
  s,
}: {
  info: TinyTransformerInfo;
  task: Task;
  step: number;
  /** The held-out example's state (its maps and answer), shown when the learner has typed nothing. */
  example: Float32Array;
  request: (name: string, argument?: unknown) => Promise<unknown>;
  s: TinyTransformerStrings;
}) {
  const L = info.length;
  const [text, setText] = useState('');
  const [input, setInput] = useState<number[] | null>(null);
  const [error, setError] = useState('');
  const result = useOwnAnswer(input, useThrottled(step, ASK_MS), request, setError);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = text.replace(/\s/g, '');
    if (digits === '') {
      setInput(null);
      setError('');
      return;
    }
    if (!new RegExp(`^\\d{${L}}$`).test(digits)) {
      setError(s.ownInvalid(L));
      return;
    }
    setError('');
    setInput([...digits].map(Number));
  };

  const own = input && result && result.input === input ? result : null;
  const shown = own ? own.input : info.example;
  const state = own ? own.state : example;
  const mapsSize = info.layers * info.heads * 4 * L * L;
  return (
    <>
      <form className="tt-own" onSubmit={submit}>
        <label>
          {s.ownLabel(L)}{' '}
          <input
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={info.example.join('')}
          />
        </label>
        <button type="submit" className="button" data-action="ask">
          {s.ask}
        </button>
        <span role="status" className={error ? 'widget-alert' : undefined}>
          {error || (own ? s.ownShown : s.exampleShown)}
        </span>
      </form>
      <AttentionMaps
        state={state}
        layers={info.layers}
        heads={info.heads}
        example={shown}
        answer={Array.from(state.subarray(mapsSize))}
        target={rightAnswer(task, shown)}
        s={s}
      />
    </>
  );
}
