/** Which class a click adds, the way back to the preset, and what went wrong with points in a link. */
import { useId } from 'react';
import { useStrings } from '../../i18n/LangContext';

export function OwnPointsControls({
  addClass,
  onAddClass,
  ownCount,
  onUsePreset,
  message,
  classNames,
}: {
  addClass: number;
  onAddClass: (label: number) => void;
  /** How many own points are in use; null while a preset is. */
  ownCount: number | null;
  onUsePreset: () => void;
  message: string | null;
  /** How the two classes are called (label 1, label 0); "class 1" and "class 0" by default. */
  classNames?: [string, string];
}) {
  const t = useStrings();
  const name = useId();
  return (
    <div className="own-points">
      <fieldset className="class-choice">
        <legend>{t.points.addClass}</legend>
        {[1, 0].map((label) => (
          <label key={label}>
            <input
              type="radio"
              name={name}
              value={label}
              checked={addClass === label}
              onChange={() => onAddClass(label)}
              data-add-class={label}
            />
            {label === 1 ? (classNames?.[0] ?? t.points.class1) : (classNames?.[1] ?? t.points.class0)}
          </label>
        ))}
      </fieldset>
      <p className="widget-hint">{t.points.editHint}</p>
      {ownCount !== null && (
        <p className="widget-hint" data-own-points={ownCount}>
          {t.points.own(ownCount)}{' '}
          <button type="button" className="button small" data-action="use-preset" onClick={onUsePreset}>
            {t.points.usePreset}
          </button>
        </p>
      )}
      {message && (
        <p className="widget-notice" role="status">
          {message}
        </p>
      )}
    </div>
  );
}
