/**
 * MNIST's digits for the widget, loaded once the widget nears the screen: the test set and `shards` training
 * shards, with download progress, and packed as the worker takes them. A failed load can be retried.
 */
import { useEffect, useRef, useState } from 'react';
import { packDigits } from '../../ml/cnn-mnist/data';
import type { MnistSet } from '../../ml/mnist/format';
import { loadMnist } from './load-mnist';

export interface LoadedDigits {
  shards: number;
  /** What the worker receives with init and reset. */
  packed: Uint8Array;
  train: MnistSet;
  test: MnistSet;
}

export interface MnistLoad {
  loaded: number;
  total: number;
  error: string | null;
  data: LoadedDigits | null;
  retry: () => void;
}

/** Progress is shown at most this often (the download reports every chunk). */
const PROGRESS_MS = 100;

/** `onLoaded` hears of each complete set of digits as it arrives (the widget starts or restarts its worker on it). */
export function useMnistData(shards: number, enabled: boolean, onLoaded: (data: LoadedDigits) => void): MnistLoad {
  const [progress, setProgress] = useState({ loaded: 0, total: 0 });
  // The error of one attempt at one size: a retry, or another size, starts without it.
  const [failure, setFailure] = useState<{ key: string; message: string } | null>(null);
  const [data, setData] = useState<LoadedDigits | null>(null);
  const [attempt, setAttempt] = useState(0);
  const loadedCallback = useRef(onLoaded);
  useEffect(() => {
    loadedCallback.current = onLoaded;
  });
  const key = `${shards}:${attempt}`;

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let shown = 0;
    loadMnist({
      shards,
      signal: controller.signal,
      onProgress: (loaded, total) => {
        const now = performance.now();
        if (now - shown < PROGRESS_MS && loaded < total) return;
        shown = now;
        setProgress({ loaded, total });
      },
    }).then(
      ({ train, test }) => {
        if (controller.signal.aborted) return;
        const loaded = { shards, packed: packDigits(train, test), train, test };
        setData(loaded);
        loadedCallback.current(loaded);
      },
      (reason: unknown) => {
        if (!controller.signal.aborted)
          setFailure({ key: `${shards}:${attempt}`, message: reason instanceof Error ? reason.message : String(reason) });
      },
    );
    return () => controller.abort();
  }, [shards, enabled, attempt]);

  const error = failure?.key === key ? failure.message : null;
  return { ...progress, error, data, retry: () => setAttempt((n) => n + 1) };
}
