/**
 * The theme's colours for the CNN widget's canvases and cells, read once per theme for every component
 * that uses them (not once per canvas: the widget shows some forty small images).
 *
 * The colours are the custom properties below, set on :root in the stylesheet; they are read from the
 * computed style of <html> when a component first asks after a theme change, never while painting.
 */
import { useSyncExternalStore } from 'react';
import { rgb, type Rgb } from './shade';
import { watchTheme } from './theme';

export interface ThemeColors {
  /** The page's background, under the confusion matrix. */
  background: Rgb;
  /** Images: the colour of 0 (the drawing pad's paper) and of full ink. */
  paper: Rgb;
  ink: Rgb;
  /** Signed images (filters, feature maps): the colours of −1 and +1 around `paper` at 0. */
  negative: Rgb;
  positive: Rgb;
  /** The confusion matrix: its diagonal (right answers) and the cells off it (mistakes). */
  right: Rgb;
  wrong: Rgb;
}

const PROPERTIES: Record<keyof ThemeColors, string> = {
  background: '--bg',
  paper: '--cnn-paper',
  ink: '--cnn-ink',
  negative: '--cnn-negative',
  positive: '--cnn-positive',
  right: '--cnn-right',
  wrong: '--cnn-wrong',
};

let cached: { key: string; colors: ThemeColors } | null = null;
let darkQuery: MediaQueryList | null = null;

/** What decides the colours: the chosen theme and, without one, the system's. Cheap to read. */
function themeKey(): string {
  darkQuery ??= window.matchMedia('(prefers-color-scheme: dark)');
  return `${document.documentElement.dataset.theme ?? 'system'}|${darkQuery.matches ? 'dark' : 'light'}`;
}

function readColors(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  const colors = {} as ThemeColors;
  for (const [name, property] of Object.entries(PROPERTIES) as [keyof ThemeColors, string][]) {
    colors[name] = rgb(style.getPropertyValue(property).trim());
  }
  return colors;
}

/** The same object until the theme changes, as useSyncExternalStore needs. */
function snapshot(): ThemeColors {
  const key = themeKey();
  if (cached?.key !== key) cached = { key, colors: readColors() };
  return cached.colors;
}

// One watcher of the theme for every subscribed component.
const listeners = new Set<() => void>();
let unwatch: (() => void) | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  unwatch ??= watchTheme(() => listeners.forEach((l) => l()));
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      unwatch?.();
      unwatch = null;
    }
  };
}

/** The theme's colours; the component re-renders when they change. */
export function useThemeColors(): ThemeColors {
  return useSyncExternalStore(subscribe, snapshot);
}
