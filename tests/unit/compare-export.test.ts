// The CSV a loss chart downloads and the labels that tell a pinned run from the current one.
import { describe, expect, it } from 'vitest';
import { compareRuns, pinRun } from '../../src/charts/compare/compare-runs';
import { runLabels, valueText } from '../../src/charts/compare/settings-label';
import { csvField, seriesCsv } from '../../src/charts/export/csv';
import { resolveColor } from '../../src/charts/export/chart-image';
import { defaults, runParams, type ParamSpec } from '../../src/state/params';

const SPECS = [
  { key: 'lr', kind: 'float', min: 0.001, max: 1, default: 0.05, scale: 'log', live: true, label: { zh: '学习率', en: 'Learning rate' } },
  {
    key: 'optimizer',
    kind: 'choice',
    default: 'sgd',
    options: [
      { value: 'sgd', label: { zh: '随机梯度下降', en: 'SGD' } },
      { value: 'adam', label: { zh: 'Adam', en: 'Adam' } },
    ],
    label: { zh: '优化器', en: 'Optimizer' },
  },
  { key: 'momentum', kind: 'switch', default: false, label: { zh: '动量', en: 'Momentum' } },
  { key: 'layers', kind: 'int-list', min: 1, max: 8, maxLength: 3, default: [4, 2], label: { zh: '隐藏层', en: 'Hidden layers' } },
  ...runParams({ steps: 300, speed: 5 }),
] as const satisfies readonly ParamSpec[];
const BASE = defaults(SPECS);

describe('run labels', () => {
  it('name both runs by the settings that differ, in the table’s labels and the page’s language', () => {
    const pinned = { ...BASE, lr: 0.01 };
    const current = { ...BASE, lr: 0.1 };
    expect(runLabels(SPECS, pinned, current, 'en')).toEqual({ pinned: 'Learning rate 0.01', current: 'Learning rate 0.1', keys: ['lr'] });
    expect(runLabels(SPECS, pinned, current, 'zh')).toMatchObject({ pinned: '学习率 0.01', current: '学习率 0.1' });
  });

  it('list several differences in table order, choices and switches in words', () => {
    const pinned = { ...BASE, momentum: true, optimizer: 'adam' };
    expect(runLabels(SPECS, pinned, BASE, 'en')).toEqual({
      pinned: 'Optimizer Adam, Momentum on',
      current: 'Optimizer SGD, Momentum off',
      keys: ['optimizer', 'momentum'],
    });
    expect(runLabels(SPECS, pinned, BASE, 'zh').pinned).toBe('优化器 Adam，动量 开');
  });

  it('count a different seed and a different list, but not the pace', () => {
    expect(runLabels(SPECS, { ...BASE, seed: 7 }, BASE, 'en')).toMatchObject({ pinned: 'Seed 7', current: 'Seed 1' });
    expect(runLabels(SPECS, { ...BASE, layers: [] }, BASE, 'en')).toMatchObject({
      pinned: 'Hidden layers []',
      current: 'Hidden layers [4, 2]',
    });
    expect(runLabels(SPECS, { ...BASE, speed: 50 }, BASE, 'en')).toEqual({ pinned: 'run 1', current: 'run 2', keys: [] });
  });

  it('fall back to run 1 and run 2 when nothing differs or the settings are unknown', () => {
    expect(runLabels(SPECS, BASE, { ...BASE }, 'en')).toEqual({ pinned: 'run 1', current: 'run 2', keys: [] });
    expect(runLabels(null, null, null, 'zh')).toEqual({ pinned: '第 1 次运行', current: '第 2 次运行', keys: [] });
  });

  it('write a number in full only where its short form would read the same as the other run’s', () => {
    expect(valueText(SPECS[0], 0.0123, 0.05, 'en')).toBe('0.0123');
    expect(valueText(SPECS[0], 0.012345, 0.012349, 'en')).toBe('0.012345');
    expect(valueText(SPECS[6], 2147483647, 1, 'en')).toBe('2147483647');
  });
});

describe('comparing runs', () => {
  it('pins a copy of every series, labelled, that later changes to the widget’s arrays do not touch', () => {
    const losses = [3, 2, 1];
    const trace = [9, 10, 8, 20, 7, 30];
    const series = [
      { key: 'a', label: 'Train', color: 'red', values: losses },
      { key: 'b', label: 'Validation', color: 'blue', values: trace, stride: 2, offset: 1 },
    ];
    const pin = pinRun(series, { specs: SPECS, values: { ...BASE, lr: 0.01 } });
    losses.length = 0;
    expect(pin.series.map((s) => [...(s.values as Float64Array)])).toEqual([
      [3, 2, 1],
      [10, 20, 30],
    ]);
    const { shown, legend } = compareRuns(series, pin, { specs: SPECS, values: { ...BASE, lr: 0.1 } }, 'en');
    expect(shown.map((s) => s.label)).toEqual([
      'Train · Learning rate 0.1',
      'Validation · Learning rate 0.1',
      'Train · Learning rate 0.01',
      'Validation · Learning rate 0.01',
    ]);
    expect(shown.filter((s) => s.pinned).length).toBe(2);
    expect(new Set(shown.map((s) => s.key)).size).toBe(4);
    expect(legend?.map((i) => [i.run, i.label])).toEqual([
      ['current', 'Train · Learning rate 0.1 (this run)'],
      ['current', 'Validation · Learning rate 0.1 (this run)'],
      ['pinned', 'Train · Learning rate 0.01 (pinned, dashed)'],
      ['pinned', 'Validation · Learning rate 0.01 (pinned, dashed)'],
    ]);
  });

  it('draws the series as given, with no legend, when nothing is pinned', () => {
    const series = [{ key: 'a', label: 'MSE', color: 'red', values: [1] }];
    expect(compareRuns(series, null, null, 'en')).toEqual({ shown: series, legend: null });
  });
});

describe('the CSV writer', () => {
  const parse = (text: string) =>
    text
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));

  it('writes a header and one row per step, values in full', () => {
    const text = seriesCsv('step', [{ name: 'MSE', values: [0.5, 0.25, 0.1 + 0.2] }]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text)).toEqual([
      ['step', 'MSE'],
      ['1', '0.5'],
      ['2', '0.25'],
      ['3', '0.30000000000000004'],
    ]);
  });

  it('reads series in place, leaves a missing value empty and puts a longer pinned run in extra rows', () => {
    const text = seriesCsv('step', [
      { name: 'a', values: [9, 1, 9, 2], stride: 2, offset: 1 },
      { name: 'b', values: [5, NaN, 7] },
      { name: 'c', values: [1, 2, 3, 4, 5], count: 1 },
    ]);
    expect(parse(text)).toEqual([
      ['step', 'a', 'b', 'c'],
      ['1', '1', '5', '1'],
      ['2', '2', '', ''],
      ['3', '', '7', ''],
    ]);
  });

  it('merges series on fractional epochs by their x, without floating-point noise', () => {
    const text = seriesCsv('epoch', [
      { name: 'full', values: [4, 3], xStep: 0.2 },
      { name: 'mini', values: [8, 7, 6], xStep: 0.1 },
    ]);
    expect(parse(text)).toEqual([
      ['epoch', 'full', 'mini'],
      ['0.1', '', '8'],
      ['0.2', '4', '7'],
      ['0.3', '', '6'],
      ['0.4', '3', ''],
    ]);
  });

  it('quotes fields with commas, quotes or line breaks', () => {
    expect(csvField('Loss, train')).toBe('"Loss, train"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('学习率 0.1')).toBe('学习率 0.1');
    expect(seriesCsv('step', [{ name: 'Optimizer Adam, Momentum on', values: [1] }]).split('\r\n')[0]).toBe(
      'step,"Optimizer Adam, Momentum on"',
    );
  });
});

describe('colours for the exported image', () => {
  it('look up CSS variables, with their fallback, and pass plain colours through', () => {
    const lookup = (name: string, fallback: string) => (name === '--accent' ? '#123456' : fallback);
    expect(resolveColor('var(--accent)', lookup)).toBe('#123456');
    expect(resolveColor('var(--missing, #abcdef)', lookup)).toBe('#abcdef');
    expect(resolveColor('#ff0000', lookup)).toBe('#ff0000');
  });
});
