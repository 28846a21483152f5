import { useEffect, useId, useState } from 'react';
import glossary from '../../content/glossary.json';
import { findLesson } from '../content/lessons';
import { glossaryTermId, searchGlossary, type GlossaryEntry } from '../content/glossary';
import { CURRICULUM_ORDER } from '../content/curriculum';
import type { Lang } from '../i18n/strings';
import { useStrings } from '../i18n/LangContext';
import { Link } from './Link';
import { scrollToHash } from './router';

const ENTRIES = (glossary as GlossaryEntry[])
  .slice()
  .sort((a, b) => CURRICULUM_ORDER.indexOf(a.lesson) - CURRICULUM_ORDER.indexOf(b.lesson) || a.en.localeCompare(b.en));

export default function GlossaryPage({ lang }: { lang: Lang }) {
  const t = useStrings();
  const [query, setQuery] = useState('');
  const inputId = useId();
  const shown = searchGlossary(ENTRIES, query);
  const other: Lang = lang === 'zh' ? 'en' : 'zh';

  useEffect(() => {
    document.title = `${t.glossary} · ${t.siteTitle}`;
  }, [t]);

  // The page loads lazily, after the browser looked for a #term in the link: look again once it is here.
  useEffect(scrollToHash, []);

  return (
    <div className="glossary">
      <h1>{t.glossary}</h1>
      <p className="lead">{t.glossaryLead}</p>
      <div className="glossary-search">
        <label htmlFor={inputId}>{t.glossarySearch}</label>
        <input id={inputId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        <span role="status">{t.glossaryCount(shown.length, ENTRIES.length)}</span>
      </div>
      <dl className="glossary-list">
        {shown.map((entry) => {
          const lesson = findLesson(lang, entry.lesson);
          return (
            <div key={entry.en} id={glossaryTermId(entry)} className="glossary-entry" data-term={entry.en}>
              <dt>
                <span lang={lang === 'zh' ? 'zh-CN' : 'en'} className="term">
                  {entry[lang]}
                </span>
                <span lang={other === 'zh' ? 'zh-CN' : 'en'} className="term-other">
                  {entry[other]}
                </span>
              </dt>
              <dd>
                {entry.definition[lang]}
                {lesson && (
                  <>
                    {' '}
                    <Link href={`/${lang}/${lesson.slug}`}>{t.glossaryIntroduced(lesson.title)}</Link>
                  </>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {shown.length === 0 && <p>{t.glossaryNoMatch}</p>}
    </div>
  );
}
