/** Language and theme choices, remembered in localStorage (which may be unavailable: private mode). */
import type { Lang } from '../state/params';
import { readStored as read, writeStored as write } from '../state/local-store';

export type ThemeChoice = 'system' | 'light' | 'dark';

export function preferredLang(): Lang {
  const saved = read('lang');
  if (saved === 'zh' || saved === 'en') return saved;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return languages.some((l) => l?.toLowerCase().startsWith('zh')) ? 'zh' : 'en';
}

export function rememberLang(lang: Lang) {
  write('lang', lang);
}

export function savedTheme(): ThemeChoice {
  const saved = read('theme');
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

export function applyTheme(choice: ThemeChoice) {
  write('theme', choice === 'system' ? null : choice);
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

/** Projector mode: larger type for a classroom screen. */
export function savedLargeText(): boolean {
  return read('text-size') === 'large';
}

export function applyLargeText(large: boolean) {
  write('text-size', large ? 'large' : null);
  if (large) document.documentElement.dataset.textSize = 'large';
  else delete document.documentElement.dataset.textSize;
}
