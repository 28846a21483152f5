import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { isOfflineReady, subscribeOffline } from '../offline/status';
import { STRINGS, type Lang } from '../i18n/strings';
import { useStrings } from '../i18n/LangContext';
import { Link } from './Link';
import { Search } from './Search';
import { applyLargeText, applyTheme, rememberLang, savedLargeText, savedTheme, type ThemeChoice } from './preferences';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };

/** The same page in the other language: /zh/x?a#b → /en/x?a#b. */
function otherLangHref(lang: Lang): string {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const { pathname, search, hash } = window.location;
  const rest = pathname.replace(/^\/(zh|en)(?=\/|$)/, '');
  return `/${other}${rest || '/'}${search}${hash}`;
}

export function Layout({ lang, children }: { lang: Lang; children: ReactNode }) {
  const t = useStrings();
  const [theme, setTheme] = useState<ThemeChoice>(savedTheme);
  const [largeText, setLargeText] = useState(savedLargeText);
  const offlineReady = useSyncExternalStore(subscribeOffline, isOfflineReady);
  const other: Lang = lang === 'zh' ? 'en' : 'zh';

  function toggleLargeText() {
    applyLargeText(!largeText);
    setLargeText(!largeText);
  }

  function cycleTheme() {
    const next = NEXT_THEME[theme];
    applyTheme(next);
    setTheme(next);
  }

  return (
    <div className="layout">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <Link className="brand" href={`/${lang}/`}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span className="brand-title">{t.siteTitle}</span>
          <span className="brand-subtitle">{t.siteSubtitle}</span>
        </Link>
        <Search lang={lang} />
        <nav className="header-actions" aria-label={t.language}>
          <Link href={`/${lang}/#course-map`}>{t.courseMap}</Link>
          <Link href={`/${lang}/glossary`}>{t.glossary}</Link>
          <Link href={otherLangHref(lang)} hrefLang={other} lang={other} onClick={() => rememberLang(other)}>
            {STRINGS[lang].switchTo}
          </Link>
          <button type="button" className="header-button" onClick={toggleLargeText} aria-pressed={largeText} title={t.largeTextHint}>
            {t.largeText}
          </button>
          <button type="button" className="theme-toggle" onClick={cycleTheme} aria-label={`${t.themeLabel}: ${t.themes[theme]}`}>
            {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'} <span>{t.themes[theme]}</span>
          </button>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t.footer}</p>
        {offlineReady && <p data-offline="ready">{t.offlineReady}</p>}
      </footer>
    </div>
  );
}
