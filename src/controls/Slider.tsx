import { useId } from 'react';
import type { Lang, ParamSpec } from '../state/params';
import { formatNumber } from './format';

const LOG_STEPS = 200;

/** Position of a value on the slider track, 0…LOG_STEPS for log scale, the value itself otherwise. */
function toTrack(spec: ParamSpec, value: number): number {
  if (spec.scale !== 'log') return value;
  const [a, b] = [Math.log10(spec.min), Math.log10(spec.max)];
  return Math.round(((Math.log10(value) - a) / (b - a)) * LOG_STEPS);
}

function fromTrack(spec: ParamSpec, track: number): number {
  if (spec.scale !== 'log') return spec.kind === 'int' ? Math.round(track) : track;
  const [a, b] = [Math.log10(spec.min), Math.log10(spec.max)];
  return Number((10 ** (a + ((b - a) * track) / LOG_STEPS)).toPrecision(3));
}

export function Slider({ spec, value, lang, onChange, disabled }: {
  spec: ParamSpec;
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
        step={spec.scale === 'log' ? 1 : spec.step ?? (spec.kind === 'int' ? 1 : (spec.max - spec.min) / 100)}
        value={toTrack(spec, value)}
        aria-valuetext={text}
        disabled={disabled}
        onChange={(event) => onChange(fromTrack(spec, Number(event.target.value)))}
      />
      <output htmlFor={id} aria-hidden="true">{text}</output>
    </div>
  );
}
