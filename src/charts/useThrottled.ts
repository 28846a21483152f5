import { useEffect, useRef, useState } from 'react';

/**
 * Returns `value`, but lets it change at most once every `ms` milliseconds; the last change always comes
 * through (after the wait), so a finished run shows its final state. A wait of a few ms is not kept: a value
 * that changes every other frame (every 33 ms, give or take) would otherwise land on the frame after.
 */
const SLACK_MS = 4;

export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = last.current + ms - performance.now();
    if (wait <= SLACK_MS) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}
