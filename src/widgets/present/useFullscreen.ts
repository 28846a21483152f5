import { useCallback, useEffect, useState, type RefObject } from 'react';

/** `refused`: the browser (or a headless one) said no, which present mode says in words too. */
export type FullscreenState = 'off' | 'on' | 'refused';

/** The Fullscreen API for the presented slot: F and the bar's button toggle it; leaving present mode leaves it. */
export function useFullscreen(slotRef: RefObject<HTMLElement | null>, presenting: boolean, onRefused: () => void) {
  const [state, setState] = useState<FullscreenState>('off');

  const toggle = useCallback(() => {
    const slot = slotRef.current;
    if (!slot) return;
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => undefined);
      return;
    }
    const refused = () => {
      setState('refused');
      onRefused();
    };
    if (!document.fullscreenEnabled || typeof slot.requestFullscreen !== 'function') return refused();
    slot.requestFullscreen({ navigationUI: 'hide' }).then(() => setState('on'), refused);
  }, [slotRef, onRefused]);

  useEffect(() => {
    const slot = slotRef.current;
    if (!presenting || !slot) return;
    const onChange = () => setState((now) => (document.fullscreenElement === slot ? 'on' : now === 'refused' ? now : 'off'));
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (document.fullscreenElement === slot) void document.exitFullscreen().catch(() => undefined);
      setState('off');
    };
  }, [slotRef, presenting]);

  return { fullscreen: state, toggleFullscreen: toggle };
}
