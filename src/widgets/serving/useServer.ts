/**
 * The serving widget's side of the serving worker: starts it once the digits have arrived, keeps what its
 * answers say (unpacked, with the queue's samples), and runs loads and sweeps. React state changes at most
 * every REFRESH_MS while answers stream in.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ServingClient } from '../../engine/client';
import type { FromServer, ServingLoad, ServingSettings, VersionInfo } from '../../engine/protocol';
import { SWEEP_SIZES } from '../../ml/serving/contract';
import { summarize } from '../../ml/serving/stats';
import type { MnistData } from '../cnn-mnist/load-mnist';
import { figures as computeFigures, unpack, type Answer } from './measurements';
import type { SweepPoint } from './ServingCharts';
import type { ServingStrings } from './strings';

const REFRESH_MS = 250;

export type Phase =
  | { kind: 'loading' }
  | { kind: 'preparing'; text: string }
  | { kind: 'ready'; backend: string; versions: { stable: VersionInfo; canary: VersionInfo } }
  | { kind: 'error'; message: string };

function phaseOf(message: FromServer, s: ServingStrings): Phase | null {
  if (message.type === 'preparing')
    return {
      kind: 'preparing',
      text: message.what === 'training' && message.steps ? s.trainingStep(message.step ?? 0, message.steps) : s.preparing[message.what],
    };
  if (message.type === 'ready') return { kind: 'ready', backend: message.backend, versions: message.versions };
  if (message.type === 'error') return { kind: 'error', message: message.message };
  return null;
}

/** The worker, its phase and the answers of the current load. */
function useServingWorker(settings: ServingSettings, s: ServingStrings) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [openFailure, setOpenFailure] = useState<string | null>(null);
  const client = useRef<ServingClient | null>(null);
  const labels = useRef<Uint8Array>(new Uint8Array(0));
  const answers = useRef<Answer[]>([]);
  const queue = useRef<number[]>([]);
  const [version, setVersion] = useState(0);
  const refresh = useRef<number | null>(null);
  const bump = useCallback(() => {
    refresh.current ??= window.setTimeout(() => {
      refresh.current = null;
      setVersion((v) => v + 1);
    }, REFRESH_MS);
  }, []);
  const latest = useRef({ settings, s });
  useEffect(() => {
    latest.current = { settings, s };
    client.current?.set(settings);
  }, [settings, s]);
  const onLoaded = useCallback(
    (data: MnistData) => {
      client.current?.dispose();
      labels.current = data.test.labels;
      client.current = new ServingClient((message) => {
        const next = phaseOf(message, latest.current.s);
        if (next) setPhase(next);
        if (message.type === 'open-failed') setOpenFailure(message.message);
        if (message.type === 'ready') setOpenFailure(null);
        if (message.type === 'responses') {
          answers.current.push(...unpack(message.packed, labels.current));
          queue.current.push(...message.queue);
          bump();
        }
      });
      // The first 12,000 training digits train the model served here; the test digits are the requests.
      client.current.init({ type: 'init', test: data.test, train: data.train, settings: latest.current.settings });
    },
    [bump],
  );
  useEffect(() => () => client.current?.dispose(), []);
  const clear = useCallback(() => {
    answers.current = [];
    queue.current = [];
    setVersion((v) => v + 1);
  }, []);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed when answers arrive (version)
  const figures = useMemo(() => computeFigures(answers.current, queue.current), [version]);
  return { phase, openFailure, client, answers, onLoaded, clear, bump, figures };
}

/** Loads, stops, sweeps: what the buttons do. */
export function useServer(settings: ServingSettings, load: ServingLoad, s: ServingStrings) {
  const worker = useServingWorker(settings, s);
  const { client, answers, clear, bump } = worker;
  const [running, setRunning] = useState(false);
  const [requested, setRequested] = useState(0);
  const [sweeping, setSweeping] = useState<number | null>(null);
  const [sweep, setSweep] = useState<SweepPoint[]>([]);
  const settled = async (done: Promise<void>) => {
    try {
      await done;
      return true;
    } catch {
      return false; // stopped, or replaced by another load: what was measured stays
    }
  };
  const play = async () => {
    if (!client.current) return;
    clear();
    setRequested(load.count);
    setRunning(true);
    await settled(client.current.load(load).done);
    setRunning(false);
    bump();
  };
  const stop = () => {
    client.current?.stop();
    setRunning(false);
  };
  const reset = () => {
    stop();
    setSweep([]);
    setRequested(0);
    clear();
  };
  const runSweep = async () => {
    const c = client.current;
    if (!c) return;
    setRunning(true);
    const points: SweepPoint[] = [];
    setSweep([]); // the chart's store freezes what it is given: `points` itself is never handed over
    for (const size of SWEEP_SIZES) {
      setSweeping(size);
      c.set({ ...settings, maxBatch: size });
      clear();
      setRequested(load.count);
      if (!(await settled(c.load({ ...load, mode: 'burst' }).done))) break;
      const summary = summarize(answers.current);
      points.push({ size, throughput: summary.throughput, p95: summary.p95 });
      setSweep([...points]);
    }
    c.set(settings);
    setSweeping(null);
    setRunning(false);
    bump();
  };
  return { ...worker, running, requested, sweeping, sweep, play, stop, reset, runSweep };
}
