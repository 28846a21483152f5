import { useEffect, useRef, useState } from 'react';
import { findLesson, lessonsIn, loadLessonBody, type LessonMeta, type MdxComponent } from '../content/lessons';
import type { Lang } from '../i18n/strings';
import { mdxComponents } from '../markdown/components';
import { useStrings } from '../i18n/LangContext';
import { Link } from './Link';
import { NotFoundPage } from './NotFoundPage';
import { scrollToHash } from './router';
import { TableOfContents } from './TableOfContents';

type Body = { status: 'loading' } | { status: 'ready'; Component: MdxComponent } | { status: 'failed' };
/** A loaded (or failed) body, with the lesson it belongs to. */
type Loaded = Exclude<Body, { status: 'loading' }> & { lesson: LessonMeta };

const LOADING: Body = { status: 'loading' };

export function LessonPage({ lang, slug }: { lang: Lang; slug: string }) {
  const t = useStrings();
  const lesson = findLesson(lang, slug);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Until this lesson's body has loaded, a body loaded for the previous one does not count.
  const body: Body = loaded && loaded.lesson === lesson ? loaded : LOADING;
  const articleRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!lesson) return;
    let cancelled = false;
    loadLessonBody(lesson).then(
      (module) => !cancelled && setLoaded({ status: 'ready', Component: module.default, lesson }),
      () => !cancelled && setLoaded({ status: 'failed', lesson }),
    );
    return () => {
      cancelled = true;
    };
  }, [lesson]);

  useEffect(() => {
    if (!lesson) return;
    document.title = `${lesson.title} · ${t.siteTitle}`;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lesson, lang, t]);

  useEffect(() => {
    if (body.status === 'ready') scrollToHash();
  }, [body]);

  if (!lesson) return <NotFoundPage lang={lang} />;
  const lessons = lessonsIn(lang);
  const position = lessons.findIndex((l) => l.slug === slug);
  const previous = lessons[position - 1];
  const next = lessons[position + 1];

  return (
    <div className="lesson-layout">
      <article className="lesson" ref={articleRef}>
        <p className="lesson-kicker">{t.lessonNumber(lesson.order)}</p>
        <h1>{lesson.title}</h1>
        <p className="lead">{lesson.summary}</p>
        {body.status === 'loading' && <p role="status">{t.loading}</p>}
        {body.status === 'failed' && <p role="alert">{t.loadFailed}</p>}
        {body.status === 'ready' && <body.Component components={mdxComponents} />}
        <nav className="prev-next" aria-label={`${t.previous} / ${t.next}`}>
          {previous ? (
            <Link rel="prev" href={`/${lang}/${previous.slug}`}>
              ← {t.previous}: {previous.title}
            </Link>
          ) : (
            <Link href={`/${lang}/`}>← {t.backHome}</Link>
          )}
          {next ? (
            <Link rel="next" href={`/${lang}/${next.slug}`}>
              {t.next}: {next.title} →
            </Link>
          ) : (
            <Link href={`/${lang}/`}>{t.backHome} →</Link>
          )}
        </nav>
      </article>
      <aside className="lesson-aside">
        <TableOfContents articleRef={articleRef} version={body} />
      </aside>
    </div>
  );
}
