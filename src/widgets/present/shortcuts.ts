/**
 * Present mode's keyboard shortcuts: which key means what (pure, unit-tested), and what each does to the
 * presented widget, through the DOM every widget shares: PlayControls' buttons (`data-action="play" |
 * "pause" | "step" | "reset"`) and the sliders (`input[data-param]`, src/controls/Slider.tsx). So they work
 * for every widget, old and new, with no code in the widget.
 */

import type { Strings } from '../../i18n/strings';

export type Shortcut = 'toggle' | 'step' | 'reset' | 'lr-up' | 'lr-down' | 'fullscreen' | 'close';

/**
 * Where focus is, as far as the shortcuts care: in a field that takes typing (text, number, select — no
 * shortcut but Esc), on a control that moves with the arrow keys itself (a slider, a chart's cursor: the
 * arrows stay its own), on one that Space activates (a button, a link, a checkbox: Space stays its own),
 * or elsewhere (the dialog itself, text, a heading).
 */
export type FocusKind = 'text' | 'arrows' | 'activates' | 'other';

/** The shortcut a key press means where focus is, or null (the key keeps its ordinary meaning). */
export function shortcutFor(key: string, modifiers: { ctrl: boolean; meta: boolean; alt: boolean }, focus: FocusKind): Shortcut | null {
  if (modifiers.ctrl || modifiers.meta || modifiers.alt) return null;
  if (key === 'Escape') return 'close';
  if (focus === 'text') return null;
  switch (key) {
    case ' ':
      return focus === 'activates' ? null : 'toggle';
    case 'ArrowRight':
      return focus === 'arrows' ? null : 'step';
    case 'ArrowUp':
      return focus === 'arrows' ? null : 'lr-up';
    case 'ArrowDown':
      return focus === 'arrows' ? null : 'lr-down';
    case 'r':
    case 'R':
      return 'reset';
    case 'f':
    case 'F':
      return 'fullscreen';
    default:
      return null;
  }
}

/** Whether a key press outside present mode opens it: P with focus in the widget, not typing. */
export function opensPresentMode(key: string, modifiers: { ctrl: boolean; meta: boolean; alt: boolean }, focus: FocusKind): boolean {
  return (key === 'p' || key === 'P') && !modifiers.ctrl && !modifiers.meta && !modifiers.alt && focus !== 'text';
}

const NOT_TYPED = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image']);
const ARROW_ROLES = new Set([
  'slider',
  'spinbutton',
  'scrollbar',
  'listbox',
  'radiogroup',
  'radio',
  'tab',
  'tablist',
  'menu',
  'menubar',
  'menuitem',
  'grid',
  'tree',
  'treegrid',
  'application',
]);
const ACTIVATE_ROLES = new Set(['button', 'link', 'checkbox', 'switch', 'option']);

/**
 * The kind of the focused element. Controls of a widget's own that take the arrows (a chart's cursor, a
 * table's roving cell, the point editor) call preventDefault, and present mode leaves a handled key alone.
 */
export function focusKind(element: Element | null): FocusKind {
  if (!(element instanceof HTMLElement)) return 'other';
  if (element.isContentEditable || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return 'text';
  if (element instanceof HTMLInputElement) {
    if (!NOT_TYPED.has(element.type)) return 'text';
    return element.type === 'range' || element.type === 'radio' ? 'arrows' : 'activates';
  }
  const role = element.getAttribute('role') ?? '';
  if (ARROW_ROLES.has(role)) return 'arrows';
  if (
    element instanceof HTMLButtonElement ||
    element instanceof HTMLAnchorElement ||
    element.tagName === 'SUMMARY' ||
    ACTIVATE_ROLES.has(role)
  ) {
    return 'activates';
  }
  return 'other';
}

/** The presented widget's first learning-rate slider: `lr`, else the first whose key starts with `lr`. */
export function learningRateSlider(root: ParentNode): HTMLInputElement | null {
  return (
    root.querySelector<HTMLInputElement>('input[type=range][data-param="lr"]') ??
    root.querySelector<HTMLInputElement>('input[type=range][data-param^="lr"]')
  );
}

/**
 * Moves a slider by one of its own steps as a learner's arrow key would: `stepUp`/`stepDown` keep its min,
 * max and step, and an `input` event reaches React's onChange (which compares against the value it last
 * set, so the change counts). Returns false where the slider is at that end of its range.
 */
export function nudgeSlider(input: HTMLInputElement, direction: 1 | -1): boolean {
  const before = input.value;
  if (direction > 0) input.stepUp();
  else input.stepDown();
  if (input.value === before) return false;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  return true;
}

/** What the slider's label says (its `<label for>`), without surrounding space. */
export function sliderLabel(input: HTMLInputElement): string {
  return input.labels?.[0]?.textContent?.trim() ?? input.dataset.param ?? '';
}

/** The elements Tab can reach inside `root`, in document order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  const candidates = root.querySelectorAll<HTMLElement>(
    'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]',
  );
  return [...candidates].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !(el as HTMLButtonElement).disabled &&
      !el.closest('[inert]') &&
      !el.hidden &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden',
  );
}

/** What a shortcut's action needs from present mode. */
export interface ShortcutContext {
  strings: Strings;
  say: (text: string) => void;
  close: () => void;
  toggleFullscreen: () => void;
}

/** Does what a shortcut means to the widget presented in `slot`, and says what it did (or why it could not). */
export function runShortcut(shortcut: Shortcut, slot: HTMLElement, { strings, say, close, toggleFullscreen }: ShortcutContext) {
  const t = strings.present;
  const widget = slot.querySelector<HTMLElement>('[data-widget]');
  const button = (action: string) => widget?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`) ?? null;
  const press = (action: 'play' | 'step' | 'reset', done: string) => {
    const b = button(action);
    if (!b) say(t.noTraining);
    else if (b.disabled) say(t.unavailable(strings.widget[action]));
    else {
      b.click();
      say(done);
    }
  };
  const nudge = (direction: 1 | -1) => {
    const slider = widget && learningRateSlider(widget);
    if (!slider) return say(t.noLr);
    const label = sliderLabel(slider);
    if (slider.disabled) return say(t.unavailable(label));
    const moved = nudgeSlider(slider, direction);
    // The value shown is the one React renders from the new position.
    requestAnimationFrame(() => {
      const value = slider.getAttribute('aria-valuetext') ?? slider.value;
      say(moved ? t.lr(label, value) : t.lrEnd(label, value));
    });
  };
  switch (shortcut) {
    case 'close':
      return close();
    case 'fullscreen':
      return toggleFullscreen();
    case 'toggle': {
      const pause = button('pause');
      if (pause && !pause.disabled) {
        pause.click();
        return say(t.paused);
      }
      return press('play', t.playing);
    }
    case 'step':
      return press('step', t.stepped);
    case 'reset':
      return press('reset', t.wasReset);
    case 'lr-up':
      return nudge(1);
    case 'lr-down':
      return nudge(-1);
  }
}

/** Keeps Tab and Shift+Tab inside `dialog`: from its last stop to its first and back, and in from outside. */
export function trapTab(event: KeyboardEvent, dialog: HTMLElement) {
  const items = tabbables(dialog);
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && active !== dialog && dialog.contains(active);
  if (items.length === 0) {
    event.preventDefault();
    dialog.focus();
  } else if (event.shiftKey && (!inside || active === items[0])) {
    event.preventDefault();
    items[items.length - 1].focus();
  } else if (!event.shiftKey && (!inside || active === items[items.length - 1])) {
    event.preventDefault();
    items[0].focus();
  }
}
