import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Pauses a running widget when it scrolls out of view (no point training what nobody watches) and resumes
 * it when it returns, if it was this hook that paused it.
 */
export function useOffscreenPause(
  ref: RefObject<HTMLElement | null>,
  running: boolean,
  pause: () => void,
  play: () => void,
): boolean {
  const [pausedOffscreen, setPausedOffscreen] = useState(false);
  const latest = useRef({ running, pause, play, pausedOffscreen });
  latest.current = { running, pause, play, pausedOffscreen };

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => {
      const now = latest.current;
      if (!entry.isIntersecting && now.running) {
        now.pause();
        setPausedOffscreen(true);
      } else if (entry.isIntersecting && now.pausedOffscreen) {
        setPausedOffscreen(false);
        now.play();
      }
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  return pausedOffscreen;
}
