import { useState } from 'react';
import type { Strings } from '../i18n/strings';

/** Copies a link that reproduces the run; where the clipboard is refused, shows the link to copy by hand. */
export function CopyLinkButton({ t, url }: { t: Strings['widget']; url: () => string }) {
  const [result, setResult] = useState<{ ok: boolean; link: string } | null>(null);
  async function copy() {
    const link = url();
    try {
      await navigator.clipboard.writeText(link);
      setResult({ ok: true, link });
    } catch {
      setResult({ ok: false, link });
    }
  }
  return (
    <div className="copy-link">
      <button type="button" className="button" data-action="copy-link" onClick={copy}>
        {t.copyLink}
      </button>
      <span role="status" className="copy-link-result" data-link={result?.link}>
        {result?.ok && t.copied}
        {result && !result.ok && (
          <>
            {t.copyFailed} <input readOnly value={result.link} onFocus={(e) => e.currentTarget.select()} aria-label={t.copyLink} />
          </>
        )}
      </span>
    </div>
  );
}
