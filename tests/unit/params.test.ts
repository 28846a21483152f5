import { describe, expect, it } from 'vitest';
import { defaults, formatParam, parseParams, parseValue, readUrlParams, writeUrlParams } from '../../src/state/params';
import { LINEAR_REGRESSION_PARAMS as SPECS } from '../../src/ml/linear-regression/contract';

const lr = SPECS.find((s) => s.key === 'lr')!;
const n = SPECS.find((s) => s.key === 'n')!;

describe('parseValue', () => {
  it('accepts valid numbers in range', () => {
    expect(parseValue(lr, '0.05')).toBe(0.05);
    expect(parseValue(lr, '1e-3')).toBe(0.001);
    expect(parseValue(lr, ' .5 ')).toBe(0.5);
    expect(parseValue(n, '200')).toBe(200);
  });
  it('refuses out-of-range values', () => {
    expect(parseValue(lr, '2')).toBe('out-of-range');
    expect(parseValue(lr, '0')).toBe('out-of-range');
    expect(parseValue(n, '4')).toBe('out-of-range');
    expect(parseValue(lr, '-0.1')).toBe('out-of-range');
  });
  it('refuses junk', () => {
    for (const junk of ['', 'abc', '0.05abc', 'NaN', 'Infinity', '1e', '0x10', '1,5', '--1', '½']) {
      expect(parseValue(lr, junk)).toBe('not-a-number');
    }
  });
  it('refuses fractions for integer parameters', () => {
    expect(parseValue(n, '12.5')).toBe('not-an-integer');
  });
});

describe('parseParams', () => {
  it('keeps the base value and reports every rejected entry', () => {
    const { values, notices } = parseParams(SPECS, { lr: '9', noise: 'loud', n: '50', colour: 'red' });
    expect(values).toEqual({ ...defaults(SPECS), n: 50 });
    expect(notices).toEqual([
      { key: 'lr', raw: '9', reason: 'out-of-range' },
      { key: 'noise', raw: 'loud', reason: 'not-a-number' },
      { key: 'colour', raw: 'red', reason: 'unknown' },
    ]);
  });
});

describe('URL state', () => {
  it('reads only its own prefixed keys', () => {
    const { values, notices } = readUrlParams(
      'linear-regression',
      SPECS,
      '?linear-regression.lr=0.08&other.lr=0.5&lr=0.9',
      defaults(SPECS),
    );
    expect(values.lr).toBe(0.08);
    expect(notices).toEqual([]);
  });
  it('ignores malformed values with a notice and keeps the directive values', () => {
    const base = { ...defaults(SPECS), noise: 2 };
    const { values, notices } = readUrlParams('linear-regression', SPECS, '?linear-regression.noise=%%&linear-regression.seed=-4', base);
    expect(values.noise).toBe(2);
    expect(values.seed).toBe(defaults(SPECS).seed);
    expect(notices.map((x) => x.reason)).toEqual(['not-a-number', 'out-of-range']);
  });
  it('round-trips through a written link, keeping unrelated parameters', () => {
    const values = { ...defaults(SPECS), lr: 0.0123456789, seed: 99 };
    const href = writeUrlParams('linear-regression', values, 'https://x.test/en/linear-regression?keep=1#old');
    const url = new URL(href);
    expect(url.searchParams.get('keep')).toBe('1');
    expect(url.hash).toBe('#linear-regression');
    const back = readUrlParams('linear-regression', SPECS, url.search, defaults(SPECS));
    expect(back.values).toEqual(values);
    expect(back.notices).toEqual([]);
  });
  it('formats numbers exactly, seeds included', () => {
    expect(Number(formatParam(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(formatParam(0.05)).toBe('0.05');
    expect(formatParam(2147483647)).toBe('2147483647');
  });
});
