import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * `value` while the element is on screen (or near it), and the last such value while it is not: views that
 * follow the weights stop redrawing when nobody can see them, which leaves the CPU to training.
 */
export function useWhileVisible<T>(ref: RefObject<HTMLElement | null>, value: T): T {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([entry]) => setVisible(entry.isIntersecting), { rootMargin: '100px 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  const shown = useRef(value);
  if (visible) shown.current = value;
  return shown.current;
}
