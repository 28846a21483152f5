import { useStrings } from '../../i18n/LangContext';
import { usePresentControls } from './context';
import { ExpandIcon } from './icons';

/**
 * "Present" in a widget's header (WidgetShell and PageWidgetShell draw it, so every widget has one): shows the
 * widget alone, full screen (WidgetSlot.tsx). Hidden while presenting; focus comes back to it on close.
 * Outside a slot (no context) it draws nothing.
 */
export function PresentButton() {
  const t = useStrings().present;
  const present = usePresentControls();
  if (!present) return null;
  return (
    <button
      ref={present.buttonRef}
      type="button"
      className="button small present-button"
      data-action="present"
      aria-haspopup="dialog"
      aria-keyshortcuts="P"
      title={t.buttonTitle}
      hidden={present.presenting}
      onClick={present.open}
    >
      <ExpandIcon /> {t.button}
    </button>
  );
}
