import { useStrings } from '../../i18n/LangContext';
import type { ParamNotice } from '../../state/params';

/** The link (or stored) values a widget ignored, each with its reason, and a button that dismisses them. */
export function ParamNotices({ notices, onDismiss }: { notices: ParamNotice[]; onDismiss: () => void }) {
  const t = useStrings();
  if (notices.length === 0) return null;
  return (
    <div className="widget-notice" role="status">
      <ul>
        {notices.map((n) => (
          <li key={n.key}>{t.widget.ignoredParam(n.key, n.raw, t.widget.reasons[n.reason])}</li>
        ))}
      </ul>
      <button type="button" className="button small" onClick={onDismiss} aria-label={t.widget.dismiss}>
        ✕
      </button>
    </div>
  );
}
