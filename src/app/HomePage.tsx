import { useEffect } from 'react';
import { lessonsIn } from '../content/lessons';
import type { Lang } from '../i18n/strings';
import { useStrings } from '../i18n/LangContext';
import { Link } from './Link';
import { scrollToHash } from './router';

export function HomePage({ lang }: { lang: Lang }) {
  const t = useStrings();
  const lessons = lessonsIn(lang);
  useEffect(() => {
    document.title = `${t.siteTitle} · ${t.siteSubtitle}`;
  }, [t]);
  useEffect(scrollToHash);
  return (
    <div className="home">
      <section className="hero">
        <h1>
          {t.siteTitle}
          <span className="hero-sub">{t.siteSubtitle}</span>
        </h1>
        <p className="lead">{t.homeLead}</p>
        <ul className="hero-points">
          {t.homePoints.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
        {lessons[0] && (
          <Link className="button primary" href={`/${lang}/${lessons[0].slug}`}>
            {t.start} →
          </Link>
        )}
      </section>
      <section aria-labelledby="course-map">
        <h2 id="course-map">{t.courseMap}</h2>
        <ol className="course-map">
          {lessons.map((lesson) => (
            <li key={lesson.slug}>
              <Link href={`/${lang}/${lesson.slug}`}>
                <span className="lesson-number">{t.lessonNumber(lesson.order)}</span>
                <span className="lesson-title">{lesson.title}</span>
                <span className="lesson-summary">{lesson.summary}</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
