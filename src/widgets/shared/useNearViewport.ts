import { useEffect, useState, type RefObject } from 'react';

/**
 * Becomes true once the element comes within about a screen of the viewport, and stays true. Widgets start
 * their training worker then, so a lesson with several widgets does not load tfjs several times on arrival.
 */
export function useNearViewport(ref: RefObject<HTMLElement | null>, margin = '100% 0px'): boolean {
  const [near, setNear] = useState(typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry.isIntersecting) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, near, margin]);
  return near;
}
