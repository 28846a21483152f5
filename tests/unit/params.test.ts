import { describe, expect, it } from 'vitest';
import {
  defaults,
  formatParam,
  parseParams,
  parseValue,
  readUrlParams,
  runParams,
  writeUrlParams,
  type ParamSpec,
} from '../../src/state/params';
import { LINEAR_REGRESSION_PARAMS as SPECS } from '../../src/ml/linear-regression/contract';
import { MLP_PLAYGROUND_PARAMS as PLAYGROUND } from '../../src/ml/mlp-playground/contract';
import { OPTIMIZER_RACE_PARAMS } from '../../src/ml/optimizer-race/contract';
import { FEATURES } from '../../src/ml/mlp-playground/data';
import { ATTENTION_CALCULATOR } from '../../src/ml/attention/contract';
import { isTrainedWidgetId, WIDGET_SPECS } from '../../src/widgets/catalog';

const spec = (specs: readonly ParamSpec[], key: string) => specs.find((s) => s.key === key)!;
const lr = spec(SPECS, 'lr');
const n = spec(SPECS, 'n');
const activation = spec(PLAYGROUND, 'activation');
const discretize = spec(PLAYGROUND, 'discretize');
const features = spec(PLAYGROUND, 'features');
const layers = spec(PLAYGROUND, 'layers');
const value = (s: ParamSpec, raw: string, legacy = false) => {
  const parsed = parseValue(s, raw, legacy);
  return parsed.ok ? parsed.value : parsed.reason;
};

describe('parseValue: numbers', () => {
  it('accepts valid numbers in range', () => {
    expect(value(lr, '0.05')).toBe(0.05);
    expect(value(lr, '1e-3')).toBe(0.001);
    expect(value(lr, ' .5 ')).toBe(0.5);
    expect(value(n, '200')).toBe(200);
  });
  it('refuses out-of-range values', () => {
    expect(value(lr, '2')).toBe('out-of-range');
    expect(value(lr, '0')).toBe('out-of-range');
    expect(value(n, '4')).toBe('out-of-range');
    expect(value(lr, '-0.1')).toBe('out-of-range');
  });
  it('refuses junk', () => {
    for (const junk of ['', 'abc', '0.05abc', 'NaN', 'Infinity', '1e', '0x10', '1,5', '--1', '½', '1e309', '-1e309']) {
      expect(value(lr, junk), junk).toBe('not-a-number');
    }
  });
  it('refuses fractions for integer parameters', () => {
    expect(value(n, '12.5')).toBe('not-an-integer');
  });
  it('refuses a 10 kB string unread', () => {
    expect(value(n, '1'.repeat(10_000))).toBe('too-long');
    expect(value(features, 'x1,'.repeat(3000))).toBe('too-long');
  });
});

describe('parseValue: choices by name', () => {
  it('takes an option by its name, and only by its name', () => {
    expect(value(activation, 'relu')).toBe('relu');
    expect(value(activation, ' tanh ')).toBe('tanh');
    for (const junk of ['Tanh', 'TANH', 'softmax', '', '1', 'tanh,relu']) expect(value(activation, junk), junk).toBe('not-an-option');
  });
  it('in an old link, takes an option by its index', () => {
    expect(value(activation, '0', true)).toBe('relu');
    expect(value(activation, '3', true)).toBe('linear');
    for (const junk of ['4', '-1', '1.0', '1e0', '01x']) expect(value(activation, junk, true), junk).toBe('not-an-option');
  });
});

describe('parseValue: switches', () => {
  it('reads on and off; an old link also 1 and 0', () => {
    expect(value(discretize, 'on')).toBe(true);
    expect(value(discretize, 'off')).toBe(false);
    expect(value(discretize, '1')).toBe('not-a-switch');
    expect(value(discretize, '1', true)).toBe(true);
    expect(value(discretize, '0', true)).toBe(false);
    for (const junk of ['ON', 'yes', 'true', '2', '0.5', '']) expect(value(discretize, junk, true), junk).toBe('not-a-switch');
  });
});

describe('parseValue: lists', () => {
  it('reads names as a set, in the order of the table', () => {
    expect(value(features, 'x1,x2,sinX1')).toEqual(['x1', 'x2', 'sinX1']);
    expect(value(features, 'sinX1, x2')).toEqual(['x2', 'sinX1']);
    expect(value(features, FEATURES.join(','))).toEqual(FEATURES);
  });
  it('refuses an unknown name, a repeated one, and fewer than the minimum', () => {
    expect(value(features, 'x1,x3')).toBe('not-an-option');
    expect(value(features, 'x1,,x2')).toBe('not-an-option');
    expect(value(features, 'x1,x1')).toBe('repeated');
    expect(value(features, '')).toBe('too-few');
  });
  it('reads whole numbers; the empty text is the empty list', () => {
    expect(value(layers, '4,2')).toEqual([4, 2]);
    expect(value(layers, ' 8 , 1 ')).toEqual([8, 1]);
    expect(value(layers, '')).toEqual([]);
    expect(value(layers, '8,8,8,8,8,8')).toEqual([8, 8, 8, 8, 8, 8]);
  });
  it('refuses too many entries, bad entries and sizes out of range', () => {
    expect(value(layers, '1,1,1,1,1,1,1')).toBe('too-many');
    expect(value(layers, '4,-2')).toBe('out-of-range');
    expect(value(layers, '4,0')).toBe('out-of-range');
    expect(value(layers, '9')).toBe('out-of-range');
    expect(value(layers, '4,,2')).toBe('not-a-number');
    expect(value(layers, '4,NaN')).toBe('not-a-number');
    expect(value(layers, '1e309')).toBe('not-a-number');
    expect(value(layers, '2.5')).toBe('not-an-integer');
    expect(value(layers, '4;2')).toBe('not-a-number');
  });
});

describe('formatParam', () => {
  it('formats numbers exactly, seeds included', () => {
    expect(Number(formatParam(0.1 + 0.2))).toBe(0.1 + 0.2);
    expect(formatParam(0.05)).toBe('0.05');
    expect(formatParam(2147483647)).toBe('2147483647');
  });
  it('writes names as they are, switches as on / off, lists comma-separated', () => {
    expect(formatParam('tanh')).toBe('tanh');
    expect([formatParam(true), formatParam(false)]).toEqual(['on', 'off']);
    expect(formatParam(['x1', 'sinX2'])).toBe('x1,sinX2');
    expect(formatParam([4, 2])).toBe('4,2');
    expect(formatParam([])).toBe('');
  });
  it('every table’s defaults read back as themselves', () => {
    for (const [name, specs] of Object.entries(WIDGET_SPECS)) {
      for (const s of specs) expect(parseValue(s, formatParam(s.default)), `${name}.${s.key}`).toEqual({ ok: true, value: s.default });
    }
  });
});

describe('the run parameters', () => {
  it('every trained widget’s table takes steps, speed and (but the race) seed from runParams (the scaling sweep hides its budget)', () => {
    for (const [name, specs] of Object.entries(WIDGET_SPECS)) {
      if (!isTrainedWidgetId(name)) continue;
      const steps = spec(specs, 'steps');
      const speed = spec(specs, 'speed');
      if (steps.kind !== 'int' || speed.kind !== 'int') throw new Error(name);
      if (name === 'scaling') {
        // One step trains a whole model: the budget is the sweep's plan and the pace one model a tick, both
        // hidden (the widget keeps the budget equal to the plan), the seed as everywhere.
        expect([steps.hidden, speed.hidden, speed.max]).toEqual([true, true, 1]);
        expect(spec(specs, 'seed')).toEqual(runParams({ steps: 1, speed: 1 })[2]);
        continue;
      }
      const epochs = steps.label.en === 'Epoch budget';
      const [s, p, seed] = runParams({ steps: steps.default, speed: speed.default, maxSteps: steps.max, maxSpeed: speed.max, epochs });
      expect([steps, speed], name).toEqual([s, p]);
      if (name === 'optimizer-race') expect(specs.some((x) => x.key === 'seed')).toBe(false);
      else expect(spec(specs, 'seed'), name).toEqual(seed);
    }
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
  it('directives take today’s form only: an index, 1 / 0 or the old network keys fail', () => {
    const { values, notices } = parseParams(PLAYGROUND, { activation: '1', discretize: '1', features: '127', layers: '2', n1: '8' });
    expect(notices.map((x) => [x.key, x.reason])).toEqual([
      ['activation', 'not-an-option'],
      ['discretize', 'not-a-switch'],
      ['features', 'not-an-option'],
      ['n1', 'unknown'],
    ]);
    expect(values.layers).toEqual([2]);
    expect(parseParams(PLAYGROUND, { activation: 'relu', discretize: 'on', features: 'x1,x2', layers: '' }).notices).toEqual([]);
  });
  it('cuts what it quotes of a long value or key', () => {
    const { notices } = parseParams(SPECS, { lr: 'x'.repeat(10_000), ['k'.repeat(10_000)]: '1' });
    expect(notices.map((x) => x.reason)).toEqual(['too-long', 'unknown']);
    for (const notice of notices) expect(notice.raw.length + notice.key.length).toBeLessThan(100);
  });
});

describe('URL state', () => {
  const P = 'mlp-playground';
  const read = (query: string) => readUrlParams(P, PLAYGROUND, query, defaults(PLAYGROUND));

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
  it('writes a readable link: names, on / off, lists with plain commas', () => {
    const values = {
      ...defaults(PLAYGROUND),
      activation: 'relu',
      features: ['x1', 'x2', 'sinX1'],
      layers: [4, 2],
      showTest: true,
    } as const;
    const href = writeUrlParams(P, values, 'https://x.test/en/neural-networks?other.points=1_2_1*3_4_0');
    for (const part of [
      `${P}.activation=relu`,
      `${P}.features=x1,x2,sinX1`,
      `${P}.layers=4,2`,
      `${P}.showTest=on`,
      `${P}.discretize=off`,
    ]) {
      expect(href).toContain(part);
    }
    expect(href).toContain('other.points=1_2_1*3_4_0');
    const back = read(new URL(href).search);
    expect(back.values).toEqual(values);
    expect(back.notices).toEqual([]);
  });
  it('round-trips a network without hidden layers and every table’s defaults', () => {
    const none = { ...defaults(PLAYGROUND), layers: [] };
    const href = writeUrlParams(P, none, 'https://x.test/en/widgets');
    expect(href).toMatch(/mlp-playground\.layers=(&|#)/);
    expect(read(new URL(href).search).values.layers).toEqual([]);
    for (const [name, specs] of Object.entries(WIDGET_SPECS)) {
      const link = new URL(writeUrlParams(name, defaults(specs), 'https://x.test/'));
      expect(readUrlParams(name, specs, link.search, defaults(specs)), name).toEqual({ values: defaults(specs), notices: [] });
    }
  });
  it('reads and writes a page-only widget’s link like any other (attention-calculator)', () => {
    const specs = ATTENTION_CALCULATOR.params;
    const A = 'attention-calculator';
    const read = (search: string) => readUrlParams(A, specs, search, defaults(specs));
    const { values, notices } = read(`?${A}.mask=on&${A}.preset=identity&${A}.temperature=0.5`);
    expect(notices).toEqual([]);
    expect(values).toEqual({ ...defaults(specs), mask: true, preset: 'identity', temperature: 0.5 });
    const bad = read(`?${A}.mask=maybe&${A}.preset=poem&${A}.temperature=0&${A}.steps=5`);
    expect(bad.values).toEqual(defaults(specs));
    expect(bad.notices.map((n) => [n.key, n.reason])).toEqual([
      ['mask', 'not-a-switch'],
      ['preset', 'not-an-option'],
      ['temperature', 'out-of-range'],
      ['steps', 'unknown'],
    ]);
    const href = writeUrlParams(A, values, 'https://x.test/en/widgets');
    expect(href).toContain(`${A}.mask=on`);
    expect(href).toContain(`${A}.preset=identity`);
    expect(read(new URL(href).search).values).toEqual(values);
  });
  it('opens an old playground link: indices, 1 / 0, a feature mask, a layer count with n1 … n6', () => {
    const old =
      `?${P}.dataset=3&${P}.activation=0&${P}.optimizer=1&${P}.regularization=2&${P}.discretize=1&${P}.showTest=0` +
      `&${P}.features=127&${P}.layers=6&${P}.n1=8&${P}.n2=7&${P}.n3=6&${P}.n4=5&${P}.n5=4&${P}.n6=3`;
    const { values, notices } = read(old);
    expect(notices).toEqual([]);
    expect(values).toMatchObject({
      dataset: 'spiral',
      activation: 'relu',
      optimizer: 'adam',
      regularization: 'l2',
      discretize: true,
      showTest: false,
      features: FEATURES,
      layers: [8, 7, 6, 5, 4, 3],
    });
    // As the site wrote them: all six sizes, the count choosing how many are used.
    const twoLayers = read(`?${P}.features=19&${P}.layers=2&${P}.n1=5&${P}.n2=3&${P}.n3=2&${P}.n4=2&${P}.n5=2&${P}.n6=2`);
    expect(twoLayers.values).toMatchObject({ features: ['x1', 'x2', 'x1x2'], layers: [5, 3] });
    expect(read(`?${P}.layers=0&${P}.n1=4&${P}.n2=2`).values.layers).toEqual([]);
    // Sizes not given take the old defaults (4, then 2).
    expect(read(`?${P}.layers=3&${P}.n2=5`).values.layers).toEqual([4, 5, 2]);
  });
  it('ignores bad values of an old link with a notice naming the key', () => {
    const { values, notices } = read(`?${P}.features=0&${P}.activation=7&${P}.layers=9&${P}.n1=4&${P}.showTest=2`);
    expect(notices.map((x) => [x.key, x.reason])).toEqual([
      ['features', 'not-an-option'],
      ['activation', 'not-an-option'],
      ['layers', 'out-of-range'],
      ['showTest', 'not-a-switch'],
    ]);
    expect(values).toEqual(defaults(PLAYGROUND));
    const sizes = read(`?${P}.layers=2&${P}.n1=4&${P}.n2=99`);
    expect(sizes.notices).toEqual([{ key: 'layers', raw: '4,99', reason: 'out-of-range' }]);
    expect(sizes.values.layers).toEqual([4, 2]);
  });
  it('ignores junk with a notice naming the key, never throwing', () => {
    const junk: [string, string, string][] = [
      ['activation', 'softmax', 'not-an-option'],
      ['features', 'x1,bogus', 'not-an-option'],
      ['features', 'x1,x1', 'repeated'],
      ['layers', '1,2,3,4,5,6,7', 'too-many'],
      ['layers', '4,-2', 'out-of-range'],
      ['layers', 'NaN', 'not-a-number'],
      ['lr', '1e309', 'not-a-number'],
      ['lr', 'NaN', 'not-a-number'],
      ['seed', 'x'.repeat(10_000), 'too-long'],
      ['discretize', 'maybe', 'not-a-switch'],
    ];
    for (const [key, raw, reason] of junk) {
      const { values, notices } = read(`?${P}.${key}=${encodeURIComponent(raw)}`);
      expect(
        notices.map((x) => [x.key, x.reason]),
        `${key}=${raw.slice(0, 20)}`,
      ).toEqual([[key, reason]]);
      expect(values).toEqual(defaults(PLAYGROUND));
    }
  });
  it('a written link drops an old link’s keys', () => {
    const href = writeUrlParams(P, defaults(PLAYGROUND), `https://x.test/?${P}.n1=8&${P}.n6=3&${P}.layers=6`);
    expect(href).not.toMatch(/\.n[1-6]=/);
    expect(href).toContain(`${P}.layers=4,2`);
  });
  it('switches of the race read as on / off; old 1 / 0 still open', () => {
    const R = 'optimizer-race';
    const { values, notices } = readUrlParams(
      R,
      OPTIMIZER_RACE_PARAMS,
      `?${R}.sgd=off&${R}.adam=0&${R}.surface=2`,
      defaults(OPTIMIZER_RACE_PARAMS),
    );
    expect(notices).toEqual([]);
    expect(values).toMatchObject({ sgd: false, momentum: true, adam: false, surface: 'saddle' });
  });
});
