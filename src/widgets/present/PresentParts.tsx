/** What present mode adds around the presented widget (WidgetSlot.tsx): its bar, the formula, the QR code and the keys. */
import { useLayoutEffect, useRef } from 'react';
import { useStrings } from '../../i18n/LangContext';
import { ExpandIcon } from './icons';
import { QrCode } from './QrCode';
import type { FullscreenState } from './useFullscreen';

export function PresentBar({
  titleId,
  title,
  fullscreen,
  onFullscreen,
  onClose,
}: {
  titleId: string;
  title: string;
  fullscreen: FullscreenState;
  onFullscreen: () => void;
  onClose: () => void;
}) {
  const t = useStrings().present;
  return (
    <div className="present-bar">
      <h2 id={titleId} className="present-title">
        {t.dialogTitle(title)}
      </h2>
      <button
        type="button"
        className="button present-fullscreen"
        data-action="fullscreen"
        aria-pressed={fullscreen === 'on'}
        aria-keyshortcuts="F"
        onClick={onFullscreen}
      >
        <ExpandIcon /> {t.fullscreen} <kbd aria-hidden="true">F</kbd>
      </button>
      <button
        type="button"
        className="button primary present-close"
        data-action="close-present"
        aria-keyshortcuts="Escape"
        onClick={onClose}
      >
        <span aria-hidden="true">←</span> {t.close} <kbd aria-hidden="true">Esc</kbd>
      </button>
    </div>
  );
}

/**
 * A copy of the lesson's display formula before the widget (KaTeX's markup, ids dropped so none is
 * doubled), shrunk to fit the width where it would not.
 */
export function PresentFormula({ source }: { source: Element | null }) {
  const t = useStrings().present;
  const box = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !source) return;
    const copy = source.cloneNode(true) as Element;
    for (const node of [copy, ...copy.querySelectorAll('[id]')]) node.removeAttribute('id');
    el.replaceChildren(copy);
    const fit = () => {
      el.style.fontSize = '';
      const inner = el.querySelector<HTMLElement>('.katex-display > .katex') ?? el;
      const room = el.clientWidth;
      const need = inner.scrollWidth;
      if (need > room && room > 0) el.style.fontSize = `${Math.floor((100 * room) / need) - 1}%`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [source]);
  if (!source) return null;
  return <figure ref={box} className="present-formula" aria-label={t.formula} />;
}

export function PresentAside({ link }: { link: string }) {
  const t = useStrings().present;
  return (
    <div className="present-aside">
      <figure className="present-share">
        <QrCode text={link} label={t.qrLabel(link)} tooLong={t.qrTooLong} />
        <figcaption>{t.qrCaption}</figcaption>
      </figure>
      <h3 className="present-keys-title">{t.keysLabel}</h3>
      <dl className="present-keys">
        <div>
          <dt>
            <kbd>{t.keys.space}</kbd>
          </dt>
          <dd>{t.keys.play}</dd>
        </div>
        <div>
          <dt>
            <kbd>→</kbd>
          </dt>
          <dd>{t.keys.step}</dd>
        </div>
        <div>
          <dt>
            <kbd>R</kbd>
          </dt>
          <dd>{t.keys.reset}</dd>
        </div>
        <div>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd>
          </dt>
          <dd>{t.keys.lr}</dd>
        </div>
        <div>
          <dt>
            <kbd>F</kbd>
          </dt>
          <dd>{t.keys.fullscreen}</dd>
        </div>
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t.keys.back}</dd>
        </div>
      </dl>
    </div>
  );
}
