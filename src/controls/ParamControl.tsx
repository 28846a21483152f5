import { memo, useId, useRef } from 'react';
import type { Lang, ParamSpec } from '../state/params';
import { Slider } from './Slider';

/**
 * The control a parameter's table asks for: a slider, a labelled choice or an on/off switch. Memoized: a
 * training widget re-renders many times a second, and its controls only when their own value changes.
 */
export const ParamControl = memo(function ParamControl({
  spec,
  value,
  lang,
  onChange,
  disabled,
}: {
  spec: ParamSpec;
  value: number;
  lang: Lang;
  onChange: (value: number) => void;
  disabled?: boolean;
}) {
  const id = useId();
  if (spec.control === 'select') {
    return (
      <div className="slider param-select">
        <label htmlFor={id}>{spec.label[lang]}</label>
        <select id={id} data-param={spec.key} value={value} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))}>
          {(spec.options ?? []).map((option, i) => (
            <option key={i} value={i}>
              {option[lang]}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (spec.control === 'toggle') {
    return (
      <label className="param-toggle">
        <input
          type="checkbox"
          data-param={spec.key}
          checked={value >= 0.5}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked ? 1 : 0)}
        />
        <span>{spec.label[lang]}</span>
      </label>
    );
  }
  return <Slider spec={spec} value={value} lang={lang} onChange={onChange} disabled={disabled} />;
});

/** Every visible parameter of a table (or the listed keys, in that order) as controls. */
export function ParamPanel({
  specs,
  values,
  lang,
  onChange,
  keys,
  disabled,
}: {
  specs: readonly ParamSpec[];
  values: Record<string, number>;
  lang: Lang;
  onChange: (key: string, value: number) => void;
  keys?: readonly string[];
  disabled?: (key: string) => boolean;
}) {
  const shown = keys ? keys.map((key) => specs.find((s) => s.key === key)!) : specs.filter((s) => !s.hidden);
  // One lasting handler per key that calls the latest onChange, so the memoized controls see the same function.
  const latest = useRef(onChange);
  latest.current = onChange;
  const handlers = useRef(new Map<string, (value: number) => void>());
  const handler = (key: string) => {
    let h = handlers.current.get(key);
    if (!h) {
      h = (value) => latest.current(key, value);
      handlers.current.set(key, h);
    }
    return h;
  };
  return (
    <div className="param-panel">
      {shown.map((spec) => (
        <ParamControl
          key={spec.key}
          spec={spec}
          value={values[spec.key]}
          lang={lang}
          disabled={disabled?.(spec.key)}
          onChange={handler(spec.key)}
        />
      ))}
    </div>
  );
}
