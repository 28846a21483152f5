/**
 * The heatmap's two colours in the current theme — the page's background (weight 0) and the first series
 * colour (weight 1) — read from the stylesheet's custom properties once per theme, not while rendering cells.
 */
import { useSyncExternalStore } from 'react';
import { cssRgb, mix, textOn } from '../../charts/contrast';
import { rgb, type Rgb } from '../../charts/shade';
import { watchTheme } from '../../charts/theme';

export interface HeatColors {
  zero: Rgb;
  one: Rgb;
}

let cached: { key: string; colors: HeatColors } | null = null;

function themeKey(): string {
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  return `${document.documentElement.dataset.theme ?? 'system'}|${dark ? 'dark' : 'light'}`;
}

function snapshot(): HeatColors {
  const key = themeKey();
  if (cached?.key !== key) {
    const style = getComputedStyle(document.documentElement);
    cached = { key, colors: { zero: rgb(style.getPropertyValue('--bg').trim()), one: rgb(style.getPropertyValue('--series-1').trim()) } };
  }
  return cached.colors;
}

export function useHeatColors(): HeatColors {
  return useSyncExternalStore(watchTheme, snapshot);
}

/** A weight's cell: its background mixed from `zero` to `one` by the weight, and black or white text on it. */
export function heatStyle(colors: HeatColors, weight: number): { background: string; color: string } {
  const background = mix(colors.zero, colors.one, Math.min(Math.max(weight, 0), 1)).map(Math.round) as Rgb;
  return { background: cssRgb(background), color: textOn(background) };
}
