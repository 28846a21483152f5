/**
 * Samples from the model in the worker: one now, when the sampling settings or the prompt change, when the
 * learner asks, and every SAMPLE_MS while it trains. One request at a time: a change that arrives while the
 * worker is writing is asked for when it answers. Each sample has its own seed, counted from the run's.
 */
import { useEffect, useRef, useState } from 'react';
import { useThrottled } from '../../charts/useThrottled';
import type { CorpusId } from '../../ml/language-model/corpus';
import type { SampleReply, SampleRequest } from '../../ml/language-model/contract';

/** While training, a new sample at most this often. */
export const SAMPLE_MS = 3000;
/** Quatrains: four poems, each started afresh; Shakespeare: this many characters. */
export const POEMS = 4;
const SHAKESPEARE_CHARACTERS = 240;
const MAX_POEM_CHARACTERS = 40;

export type SampleSettings = Pick<SampleRequest, 'prompt' | 'temperature' | 'topK' | 'topP' | 'greedy'>;

export function sampleRequest(corpus: CorpusId, settings: SampleSettings, seed: number): SampleRequest {
  const poems = corpus === 'quatrains';
  return {
    ...settings,
    length: poems ? POEMS * MAX_POEM_CHARACTERS : SHAKESPEARE_CHARACTERS,
    restartAtNewline: poems,
    stopAfterLines: poems ? POEMS : 0,
    seed,
  };
}

export function useSamples({
  corpus,
  settings,
  step,
  run,
  enabled,
  request,
}: {
  corpus: CorpusId;
  settings: SampleSettings;
  step: number;
  /** Changes when the model is replaced (a new run): its samples start over. */
  run: unknown;
  enabled: boolean;
  request: (name: string, argument?: unknown) => Promise<unknown>;
}) {
  const [sample, setSample] = useState<SampleReply | null>(null);
  const [error, setError] = useState('');
  const [asked, setAsked] = useState(0);
  const shownStep = useThrottled(step, SAMPLE_MS);
  // `ask` is the latest effect's: a change that waited for the worker is asked for with the settings of now.
  const flight = useRef({ busy: false, again: false, count: 0, ask: () => {} });
  const { prompt, temperature, topK, topP, greedy } = settings;

  useEffect(() => {
    if (!enabled) return;
    const f = flight.current;
    let current = true;
    const ask = () => {
      if (f.busy) {
        f.again = true;
        return;
      }
      f.busy = true;
      f.count += 1;
      request('sample', sampleRequest(corpus, { prompt, temperature, topK, topP, greedy }, f.count)).then(
        (reply) => {
          f.busy = false;
          if (current) {
            setSample(reply as SampleReply);
            setError('');
          }
          if (f.again) {
            f.again = false;
            f.ask();
          }
        },
        (reason: unknown) => {
          f.busy = false;
          f.again = false;
          if (current) setError(reason instanceof Error ? reason.message : String(reason));
        },
      );
    };
    f.ask = ask;
    ask();
    return () => {
      current = false;
      f.ask = () => {};
    };
  }, [enabled, corpus, prompt, temperature, topK, topP, greedy, shownStep, run, asked, request]);

  return { sample, error, again: () => setAsked((n) => n + 1) };
}
