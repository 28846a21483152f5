/**
 * Names two runs by the settings that differ between them ("Learning rate 0.01" against "Learning rate
 * 0.1"), in the table's own labels and the page's language; "run 1" and "run 2" when nothing differs or the
 * settings are unknown.
 */
import { formatNumber } from '../../controls/format';
import { STRINGS } from '../../i18n/strings';
import { formatParam, type Lang, type ParamSpec, type ParamValue, type Params } from '../../state/params';

export interface RunLabels {
  pinned: string;
  current: string;
  /** The keys whose values differ, in the table's order (empty: the runs are told apart by number). */
  keys: string[];
}

export function runLabels(specs: readonly ParamSpec[] | null, pinned: Params | null, current: Params | null, lang: Lang): RunLabels {
  const words = STRINGS[lang].compare;
  const differing =
    specs && pinned && current
      ? specs.filter(
          (s) => !s.viewOnly && s.key in pinned && s.key in current && formatParam(pinned[s.key]) !== formatParam(current[s.key]),
        )
      : [];
  if (differing.length === 0) return { pinned: words.run(1), current: words.run(2), keys: [] };
  const label = (values: Params, other: Params) =>
    differing
      .map((spec) => `${spec.label[lang]} ${valueText(spec, values[spec.key], other[spec.key], lang)}`)
      .join(lang === 'zh' ? '，' : ', ');
  return { pinned: label(pinned!, current!), current: label(current!, pinned!), keys: differing.map((s) => s.key) };
}

/** A value as its control shows it; a number in full where the short form would read the same as `other`'s. */
export function valueText(spec: ParamSpec, value: ParamValue, other: ParamValue, lang: Lang): string {
  const words = STRINGS[lang].compare;
  switch (spec.kind) {
    case 'float': {
      const short = formatNumber(value as number);
      return short === formatNumber(other as number) ? String(value) : short;
    }
    case 'int':
      return String(value);
    case 'choice':
      return spec.options.find((o) => o.value === value)?.label[lang] ?? String(value);
    case 'switch':
      return value ? words.on : words.off;
    case 'name-list':
    case 'int-list':
      return `[${(value as readonly (string | number)[]).join(', ')}]`;
  }
}
