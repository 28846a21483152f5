import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Pauses a running widget when nobody can see it — scrolled out of view, or its browser tab hidden — and
 * resumes it when it is visible again, if it was this hook that paused it.
 */
export function useOffscreenPause(ref: RefObject<HTMLElement | null>, running: boolean, pause: () => void, play: () => void): boolean {
  const [pausedOffscreen, setPausedOffscreen] = useState(false);
  const latest = useRef({ running, pause, play, pausedOffscreen });
  latest.current = { running, pause, play, pausedOffscreen };

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    let inView = true;
    const update = () => {
      const now = latest.current;
      const visible = inView && !document.hidden;
      if (!visible && now.running) {
        now.pause();
        setPausedOffscreen(true);
      } else if (visible && now.pausedOffscreen) {
        setPausedOffscreen(false);
        now.play();
      }
    };
    const observer = new IntersectionObserver(([entry]) => {
      inView = entry.isIntersecting;
      update();
    });
    observer.observe(element);
    document.addEventListener('visibilitychange', update);
    return () => {
      observer.disconnect();
      document.removeEventListener('visibilitychange', update);
    };
  }, [ref]);

  return pausedOffscreen;
}
