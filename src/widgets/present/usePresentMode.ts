/**
 * Present mode for the widget in a slot (WidgetSlot.tsx): the slot itself becomes a full-screen modal dialog
 * around the same widget (a class and a few attributes; the widget is not remounted, so its run goes on),
 * with the formula before it, a QR code of its run's link and keyboard shortcuts (usePresentKeys.ts). While
 * it is open the rest of the page is inert, the page's type is larger (styles.css, `html[data-presenting]`)
 * and Tab stays inside; on close the page scrolls back to where it was and focus returns to the Present button.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useStrings } from '../../i18n/LangContext';
import type { PresentControls, PublishLink } from './context';
import { focusKind, opensPresentMode } from './shortcuts';
import { useFullscreen } from './useFullscreen';
import { usePresentKeys } from './usePresentKeys';

/** How often the QR code's link is read again while presenting (points a learner adds are written to the page's URL). */
const LINK_POLL_MS = 500;
const TOAST_MS = 2500;

/**
 * The display formula the widget sits beside: the nearest one before the slot in its own section (back to
 * the previous `##` heading), or null.
 */
export function formulaBefore(slot: HTMLElement): Element | null {
  for (let el = slot.previousElementSibling; el; el = el.previousElementSibling) {
    if (el.tagName === 'H1' || el.tagName === 'H2') return null;
    if (el.classList.contains('katex-display')) return el;
  }
  return null;
}

/** Makes everything outside `element` inert (its ancestors' other children); returns what it changed. */
function inertOthers(element: HTMLElement): HTMLElement[] {
  const changed: HTMLElement[] = [];
  for (let node: HTMLElement = element; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
        sibling.inert = true;
        changed.push(sibling);
      }
    }
  }
  return changed;
}

/** The run's link for the QR code: what "Copy link" copies, published by the widget, read again while presenting. */
function useRunLink(id: string, presenting: boolean) {
  const [link, setLink] = useState('');
  const builder = useRef<(() => string) | null>(null);
  const watching = useRef(false);
  // Before the widget has published its builder (still loading), the page's own link to the widget.
  const current = useCallback(() => {
    if (builder.current) return builder.current();
    const url = new URL(window.location.href);
    url.hash = `#${id}`;
    return url.toString();
  }, [id]);
  const publish = useCallback<PublishLink>((build) => {
    builder.current = build;
    if (watching.current) setLink(build());
  }, []);
  const watch = useCallback(() => {
    watching.current = true;
    setLink(current());
  }, [current]);
  useEffect(() => {
    if (!presenting) return;
    const timer = setInterval(() => setLink(current()), LINK_POLL_MS);
    return () => {
      clearInterval(timer);
      watching.current = false;
    };
  }, [presenting, current]);
  return { link, publish, watch };
}

/** A short message after a shortcut, cleared after a moment (a status region, so screen readers hear it too). */
function useToast() {
  const [toast, setToast] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const say = useCallback((text: string) => {
    setToast(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setToast(''), TOAST_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);
  return { toast, say, clear: useCallback(() => setToast(''), []) };
}

export function usePresentMode(slotRef: RefObject<HTMLDivElement | null>, id: string) {
  const strings = useStrings();
  const [presenting, setPresenting] = useState(false);
  const [formula, setFormula] = useState<Element | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const presentingRef = useRef(false);
  const returnFocus = useRef(false);
  const { link, publish: publishLink, watch: watchLink } = useRunLink(id, presenting);
  const { toast, say, clear: clearToast } = useToast();
  const refused = useCallback(() => say(strings.present.fullscreenRefused), [say, strings]);
  const { fullscreen, toggleFullscreen } = useFullscreen(slotRef, presenting, refused);

  const open = useCallback(() => {
    const slot = slotRef.current;
    if (!slot || presentingRef.current) return;
    presentingRef.current = true;
    setFormula(formulaBefore(slot));
    watchLink();
    setPresenting(true);
  }, [slotRef, watchLink]);

  const close = useCallback(() => {
    if (!presentingRef.current) return;
    presentingRef.current = false;
    returnFocus.current = true;
    setPresenting(false);
    clearToast();
  }, [clearToast]);

  // Opening: the page behind goes inert and still, the type grows, focus moves into the dialog. Closing
  // undoes it before the browser paints, and puts the page back where it was scrolled.
  useLayoutEffect(() => {
    const slot = slotRef.current;
    if (!presenting || !slot) return;
    const root = document.documentElement;
    const scroll = { x: window.scrollX, y: window.scrollY };
    root.setAttribute('data-presenting', '');
    const inert = inertOthers(slot);
    slot.focus({ preventScroll: true });
    return () => {
      for (const element of inert) element.inert = false;
      root.removeAttribute('data-presenting');
      window.scrollTo(scroll.x, scroll.y);
    };
  }, [presenting, slotRef]);

  useEffect(() => {
    if (!presenting && returnFocus.current) {
      returnFocus.current = false;
      buttonRef.current?.focus();
    }
  }, [presenting]);

  usePresentKeys(slotRef, presenting, { strings, say, close, toggleFullscreen });

  /** P opens present mode when focus is inside the widget (and not in a text field). */
  const onSlotKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (presentingRef.current || event.defaultPrevented) return;
      if (
        opensPresentMode(event.key, { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey }, focusKind(event.target as Element))
      ) {
        event.preventDefault();
        open();
      }
    },
    [open],
  );

  const controls = useMemo<PresentControls>(() => ({ presenting, open, buttonRef }), [presenting, open]);
  return { presenting, close, controls, publishLink, onSlotKeyDown, toggleFullscreen, fullscreen, toast, link, formula };
}
