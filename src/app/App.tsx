import { lazy, Suspense, useEffect } from 'react';
import { GalleryPage } from './GalleryPage';
import { HomePage } from './HomePage';
import { LangContext } from '../i18n/LangContext';
import { Layout } from './Layout';
import { LessonPage } from './LessonPage';
import { NotFoundPage } from './NotFoundPage';
import { preferredLang, rememberLang } from './preferences';
import { useStrings } from '../i18n/LangContext';
import { matchRoute, navigate, usePathname } from './router';

// The glossary's data loads with its page, not with every lesson.
const GlossaryPage = lazy(() => import('./GlossaryPage'));

function Loading() {
  return <p role="status">{useStrings().loading}</p>;
}

export function App() {
  const route = matchRoute(usePathname());
  const lang = route.page === 'root' || route.lang === null ? preferredLang() : route.lang;

  useEffect(() => {
    const { search, hash } = window.location;
    if (route.page === 'root') navigate(`/${lang}/${search}${hash}`, { replace: true });
    else if (route.page === 'gallery' && route.lang === null) navigate(`/${lang}/widgets${search}${hash}`, { replace: true });
    else if (route.page !== 'not-found') rememberLang(lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [route.page, lang, route]);

  if (route.page === 'root') return null;
  return (
    <LangContext.Provider value={lang}>
      <Layout lang={lang}>
        {route.page === 'home' && <HomePage lang={lang} />}
        {route.page === 'lesson' && <LessonPage key={`${lang}/${route.slug}`} lang={lang} slug={route.slug} />}
        {route.page === 'gallery' && <GalleryPage />}
        {route.page === 'glossary' && (
          <Suspense fallback={<Loading />}>
            <GlossaryPage lang={lang} />
          </Suspense>
        )}
        {route.page === 'not-found' && <NotFoundPage lang={lang} />}
      </Layout>
    </LangContext.Provider>
  );
}
