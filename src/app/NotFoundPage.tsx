import type { Lang } from '../i18n/strings';
import { useStrings } from '../i18n/LangContext';
import { Link } from './Link';

export function NotFoundPage({ lang }: { lang: Lang }) {
  const t = useStrings();
  return (
    <div className="not-found">
      <h1>404</h1>
      <p>{t.notFound}</p>
      <Link href={`/${lang}/`}>{t.backHome}</Link>
    </div>
  );
}
