import { memo, useId, useRef } from 'react';
import type { Lang, ParamSpec, ParamValue, Params } from '../state/params';
import { Slider } from './Slider';

/**
 * The control a parameter's kind asks for: a slider for a number, a select for a choice (its options' names
 * as values), a checkbox for a switch. Lists have no generic control (the widget edits them its own way).
 * Memoized: a training widget re-renders many times a second, and its controls only when their value changes.
 */
export const ParamControl = memo(function ParamControl({
  spec,
  value,
  lang,
  onChange,
  disabled,
}: {
  spec: ParamSpec;
  value: ParamValue;
  lang: Lang;
  onChange: (value: ParamValue) => void;
  disabled?: boolean;
}) {
  const id = useId();
  if (spec.kind === 'choice') {
    return (
      <div className="slider param-select">
        <label htmlFor={id}>{spec.label[lang]}</label>
        <select id={id} data-param={spec.key} value={String(value)} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
          {spec.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label[lang]}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (spec.kind === 'switch') {
    return (
      <label className="param-toggle">
        <input
          type="checkbox"
          data-param={spec.key}
          checked={value === true}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{spec.label[lang]}</span>
      </label>
    );
  }
  if (spec.kind === 'float' || spec.kind === 'int') {
    return <Slider spec={spec} value={Number(value)} lang={lang} onChange={onChange} disabled={disabled} />;
  }
  return null;
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
  values: Params;
  lang: Lang;
  onChange: (key: string, value: ParamValue) => void;
  keys?: readonly string[];
  disabled?: (key: string) => boolean;
}) {
  const shown = keys ? keys.map((key) => specs.find((s) => s.key === key)!) : specs.filter((s) => !s.hidden);
  // One lasting handler per key that calls the latest onChange, so the memoized controls see the same function.
  const latest = useRef(onChange);
  latest.current = onChange;
  const handlers = useRef(new Map<string, (value: ParamValue) => void>());
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
