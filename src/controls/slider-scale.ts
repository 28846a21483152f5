/**
 * Where a parameter sits on its slider track. Log-scale parameters (a learning rate spanning 1e-4…1) move
 * in LOG_STEPS even steps of log10; the others use their own values.
 */
import type { NumberSpec } from '../state/params';

export const LOG_STEPS = 200;

export function toTrack(spec: NumberSpec, value: number): number {
  if (spec.scale !== 'log') return value;
  const [a, b] = [Math.log10(spec.min), Math.log10(spec.max)];
  return Math.round(((Math.log10(value) - a) / (b - a)) * LOG_STEPS);
}

/** Log-scale values are rounded to 3 significant digits, so a shared link shows "0.0501", not 0.050118…. */
export function fromTrack(spec: NumberSpec, track: number): number {
  if (spec.scale !== 'log') return spec.kind === 'int' ? Math.round(track) : track;
  const [a, b] = [Math.log10(spec.min), Math.log10(spec.max)];
  return Number((10 ** (a + ((b - a) * track) / LOG_STEPS)).toPrecision(3));
}
