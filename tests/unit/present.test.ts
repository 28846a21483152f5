/**
 * Present mode's pure parts (src/widgets/present/): the QR code drawn in the page reads back as the link it
 * was given, and each key means what the on-screen list says, except where focus needs the key itself.
 */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QUIET_ZONE, qrModules, qrPixels } from '../../src/widgets/present/qr';
import { opensPresentMode, shortcutFor, type FocusKind } from '../../src/widgets/present/shortcuts';

const NONE = { ctrl: false, meta: false, alt: false };

describe('the QR code of a run’s link', () => {
  const links = [
    'http://127.0.0.1:4173/en/linear-regression?linear-regression.lr=0.0525#linear-regression',
    // A learner's points make a long link (lesson 04, 60 points): it still fits, at a lower error correction if need be.
    `https://example.org/zh/logistic-regression?logistic-regression.points=${Array.from({ length: 60 }, (_, i) => `${(i / 7).toFixed(2)}_${(-i / 9).toFixed(2)}_${i % 2}`).join('*')}#logistic-regression`,
  ];
  for (const link of links) {
    it(`decodes back to the link (${link.length} characters)`, () => {
      const modules = qrModules(link)!;
      expect(modules).not.toBeNull();
      // A square with a quiet zone of four light modules all round.
      expect(modules.every((row) => row.length === modules.length)).toBe(true);
      for (let i = 0; i < QUIET_ZONE; i++) {
        expect(modules[i].some(Boolean)).toBe(false);
        expect(modules[modules.length - 1 - i].some(Boolean)).toBe(false);
      }
      const image = qrPixels(modules, 4);
      expect(image.width).toBe(modules.length * 4);
      expect(jsQR(image.data, image.width, image.height)?.data).toBe(link);
    });
  }

  it('gives up on a link too long for any QR code', () => {
    expect(qrModules(`https://example.org/?x=${'a'.repeat(5000)}`)).toBeNull();
  });
});

describe('present mode’s keys', () => {
  const key = (k: string, focus: FocusKind = 'other', modifiers = NONE) => shortcutFor(k, modifiers, focus);

  it('map as the on-screen list says', () => {
    expect(key(' ')).toBe('toggle');
    expect(key('ArrowRight')).toBe('step');
    expect(key('r')).toBe('reset');
    expect(key('R')).toBe('reset');
    expect(key('ArrowUp')).toBe('lr-up');
    expect(key('ArrowDown')).toBe('lr-down');
    expect(key('f')).toBe('fullscreen');
    expect(key('F')).toBe('fullscreen');
    expect(key('Escape')).toBe('close');
    expect(key('ArrowLeft')).toBeNull();
    expect(key('x')).toBeNull();
  });

  it('leave a focused control its own keys', () => {
    // Typing in a field or a select: only Esc, which closes the dialog.
    for (const k of [' ', 'ArrowRight', 'ArrowUp', 'r', 'f']) expect(key(k, 'text')).toBeNull();
    expect(key('Escape', 'text')).toBe('close');
    // A slider keeps its arrows; a button keeps Space (and Enter, which is no shortcut).
    for (const k of ['ArrowRight', 'ArrowUp', 'ArrowDown']) expect(key(k, 'arrows')).toBeNull();
    expect(key(' ', 'arrows')).toBe('toggle');
    expect(key(' ', 'activates')).toBeNull();
    expect(key('ArrowRight', 'activates')).toBe('step');
    expect(key('r', 'arrows')).toBe('reset');
  });

  it('leave the browser’s and the system’s combinations alone', () => {
    expect(key('r', 'other', { ...NONE, ctrl: true })).toBeNull();
    expect(key('f', 'other', { ...NONE, meta: true })).toBeNull();
    expect(key('ArrowRight', 'other', { ...NONE, alt: true })).toBeNull();
  });

  it('open with P in the widget, not while typing', () => {
    expect(opensPresentMode('p', NONE, 'other')).toBe(true);
    expect(opensPresentMode('P', NONE, 'activates')).toBe(true);
    expect(opensPresentMode('P', NONE, 'arrows')).toBe(true);
    expect(opensPresentMode('p', NONE, 'text')).toBe(false);
    expect(opensPresentMode('p', { ...NONE, ctrl: true }, 'other')).toBe(false);
  });
});
