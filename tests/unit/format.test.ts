// Numbers in each language's typography: "93.4%" and "12704" on a Chinese page, "93.4 %" and "12,704" on an English one.
import { describe, expect, it } from 'vitest';
import { countText, formatNumber, percentText, withPercent } from '../../src/controls/format';

describe('percentages', () => {
  it('put no space before % in Chinese and a space in English', () => {
    expect(percentText(0.934, 'zh')).toBe('93.4%');
    expect(percentText(0.934, 'en')).toBe('93.4 %');
    expect(percentText(0.9, 'zh', 0)).toBe('90%');
    expect(percentText(0.93456, 'en', 2)).toBe('93.46 %');
    expect(withPercent(formatNumber(0.953 * 100, 3), 'zh')).toBe('95.3%');
    expect(withPercent('100', 'en')).toBe('100 %');
  });
});

describe('counts', () => {
  it('have thousands separators in English only', () => {
    expect(countText(12704, 'en')).toBe('12,704');
    expect(countText(12704, 'zh')).toBe('12704');
    expect(countText(1093772, 'en')).toBe('1,093,772');
    expect(countText(999, 'en')).toBe('999');
    expect(countText(0, 'zh')).toBe('0');
  });
});
