/**
 * A data set the widget loads itself (MNIST's digits, a corpus): loaded once the widget nears the screen,
 * again whenever `key` changes, with download progress; a failed load can be retried.
 */
import { useEffect, useRef, useState } from 'react';

export interface DataLoad<T> {
  loaded: number;
  total: number;
  error: string | null;
  data: T | null;
  retry: () => void;
}

export type Loader<T> = (options: { signal: AbortSignal; onProgress: (loaded: number, total: number) => void }) => Promise<T>;

/** Progress is shown at most this often (a download reports every chunk). */
const PROGRESS_MS = 100;

/** `onLoaded` hears of each complete load as it arrives (the widget starts or restarts its worker on it). */
export function useDataLoad<T>(key: string, enabled: boolean, load: Loader<T>, onLoaded: (data: T) => void): DataLoad<T> {
  const [progress, setProgress] = useState({ loaded: 0, total: 0 });
  // The error of one attempt at one key: a retry, or another key, starts without it.
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const [data, setData] = useState<T | null>(null);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef({ load, onLoaded });
  useEffect(() => {
    latest.current = { load, onLoaded };
  });
  const attemptKey = `${key}:${attempt}`;

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let shown = 0;
    latest.current
      .load({
        signal: controller.signal,
        onProgress: (loaded, total) => {
          const now = performance.now();
          if (now - shown < PROGRESS_MS && loaded < total) return;
          shown = now;
          setProgress({ loaded, total });
        },
      })
      .then(
        (loaded) => {
          if (controller.signal.aborted) return;
          setData(loaded);
          latest.current.onLoaded(loaded);
        },
        (reason: unknown) => {
          if (!controller.signal.aborted)
            setFailure({ key: attemptKey, message: reason instanceof Error ? reason.message : String(reason) });
        },
      );
    return () => controller.abort();
  }, [attemptKey, enabled]);

  const error = failure?.key === attemptKey ? failure.message : null;
  return { ...progress, error, data, retry: () => setAttempt((n) => n + 1) };
}
