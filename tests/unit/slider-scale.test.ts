import { describe, expect, it } from 'vitest';
import { fromTrack, LOG_STEPS, toTrack } from '../../src/controls/slider-scale';
import type { ParamSpec } from '../../src/state/params';

const lr: ParamSpec = { key: 'lr', kind: 'float', min: 1e-4, max: 1, default: 0.05, scale: 'log', label: { zh: '', en: '' } };
const n: ParamSpec = { key: 'n', kind: 'int', min: 5, max: 200, default: 40, label: { zh: '', en: '' } };

describe('slider scale', () => {
  it('maps the ends of a log range to the ends of the track', () => {
    expect(toTrack(lr, 1e-4)).toBe(0);
    expect(toTrack(lr, 1)).toBe(LOG_STEPS);
    expect(fromTrack(lr, 0)).toBe(1e-4);
    expect(fromTrack(lr, LOG_STEPS)).toBe(1);
  });
  it('puts each decade at an equal share of the track', () => {
    expect(toTrack(lr, 1e-3)).toBe(LOG_STEPS / 4);
    expect(toTrack(lr, 1e-2)).toBe(LOG_STEPS / 2);
    expect(fromTrack(lr, LOG_STEPS / 2)).toBe(0.01);
  });
  it('round-trips every track position', () => {
    for (let track = 0; track <= LOG_STEPS; track++) expect(toTrack(lr, fromTrack(lr, track))).toBe(track);
  });
  it('keeps linear parameters as they are, whole numbers for integers', () => {
    expect(toTrack(n, 40)).toBe(40);
    expect(fromTrack(n, 40.4)).toBe(40);
  });
});
