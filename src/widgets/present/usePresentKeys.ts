import { useEffect, type RefObject } from 'react';
import { focusKind, runShortcut, shortcutFor, trapTab, type ShortcutContext } from './shortcuts';

/** Shortcuts that a held key repeats; the others (toggles) act once per press. */
const REPEATS = new Set(['step', 'lr-up', 'lr-down']);

/**
 * While presenting: the shortcuts, and Tab kept inside the dialog. Listened for on the document, not the
 * dialog: a button that a click replaces (Play → Pause) leaves focus on the body, and the keys must still
 * work. A key that a control handled itself (a chart's cursor, a table's cells: preventDefault) is left alone.
 */
export function usePresentKeys(slotRef: RefObject<HTMLElement | null>, presenting: boolean, context: ShortcutContext) {
  const { strings, say, close, toggleFullscreen } = context;
  useEffect(() => {
    const slot = slotRef.current;
    if (!presenting || !slot) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Tab') return trapTab(event, slot);
      if (event.defaultPrevented) return;
      const modifiers = { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey };
      const shortcut = shortcutFor(event.key, modifiers, focusKind(document.activeElement));
      if (!shortcut) return;
      event.preventDefault();
      if (event.repeat && !REPEATS.has(shortcut)) return;
      runShortcut(shortcut, slot, { strings, say, close, toggleFullscreen });
    };
    // Focus that lands outside (the browser's, a script's) comes back to the dialog.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !slot.contains(event.target)) slot.focus({ preventScroll: true });
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [slotRef, presenting, strings, say, close, toggleFullscreen]);
}
