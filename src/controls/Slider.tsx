import { useId } from 'react';
import type { Lang, NumberSpec } from '../state/params';
import { formatNumber } from './format';
import { fromTrack, LOG_STEPS, toTrack } from './slider-scale';

export function Slider({
  spec,
  value,
  lang,
  onChange,
  disabled,
}: {
  spec: NumberSpec;
  value: number;
  lang: Lang;
  onChange: (value: number) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const text = formatNumber(value);
  return (
    <div className="slider">
      <label htmlFor={id}>{spec.label[lang]}</label>
      <input
        id={id}
        type="range"
        data-param={spec.key}
        min={spec.scale === 'log' ? 0 : spec.min}
        max={spec.scale === 'log' ? LOG_STEPS : spec.max}
        step={spec.scale === 'log' ? 1 : (spec.step ?? (spec.kind === 'int' ? 1 : (spec.max - spec.min) / 100))}
        value={toTrack(spec, value)}
        aria-valuetext={text}
        disabled={disabled}
        onChange={(event) => onChange(fromTrack(spec, Number(event.target.value)))}
      />
      <output htmlFor={id} aria-hidden="true">
        {text}
      </output>
    </div>
  );
}
