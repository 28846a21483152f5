/**
 * Every widget declares its parameters once, in a typed table. The same table validates Markdown directive
 * attributes at build time, reads a shared link's URL, drives the controls and writes the link back.
 *
 * A link reads as it is meant: numbers as numbers (`lr=0.05`), a choice by its option's name
 * (`activation=tanh`), a switch as `on` / `off`, a list comma-separated (`features=x1,x2,sinX1`,
 * `layers=4,2`; `layers=` is the empty list).
 */
export type Lang = 'zh' | 'en';

interface SpecBase {
  key: string;
  label: Record<Lang, string>;
  /** Live parameters apply to the next training step; the others rebuild data and model (a reset). */
  live?: boolean;
  /** Not drawn by ParamPanel; still in the link, and part of a run's identity (the seed, a start point). */
  hidden?: boolean;
  /**
   * Changes only how a run is shown or paced (an axis, a layer of the picture, steps per frame), never its
   * numbers: two runs are not told apart by it (a pinned run's label leaves it out).
   */
  viewOnly?: boolean;
  /**
   * How this key was written by older links, for links made before the current form: the other keys it
   * replaces (accepted and dropped, never "unknown"), and `upgrade`, which gives this key's text in today's
   * form from a link's raw pairs (undefined when the link has nothing old to upgrade). Directives in lessons
   * are never upgraded: they must use today's form.
   */
  legacy?: { keys?: readonly string[]; upgrade: (raw: Readonly<Record<string, string>>) => string | undefined };
}

/** A number, drawn as a slider. */
export interface NumberSpec extends SpecBase {
  kind: 'float' | 'int';
  min: number;
  max: number;
  default: number;
  /** Sliders for parameters that span decades (a learning rate) move in log space. */
  scale?: 'linear' | 'log';
  /** Slider resolution for linear parameters. */
  step?: number;
}

/**
 * One option's stable name (what links, directives and trainers use) and its label. Options keep their order
 * for good: links made before names existed point at options by index, and still open.
 */
export interface ChoiceOption {
  value: string;
  label: Record<Lang, string>;
}

/** One of a few named options, drawn as a select. */
export interface ChoiceSpec extends SpecBase {
  kind: 'choice';
  options: readonly ChoiceOption[];
  default: string;
}

/** On or off, drawn as a checkbox; `on` / `off` in a link. */
export interface SwitchSpec extends SpecBase {
  kind: 'switch';
  default: boolean;
}

/** Some of a fixed set of names, each at most once, kept in the order of `names` (e.g. a network's inputs). */
export interface NameListSpec extends SpecBase {
  kind: 'name-list';
  names: readonly string[];
  minLength: number;
  default: readonly string[];
}

/** A list of whole numbers, each in [min, max], at most maxLength of them (e.g. hidden layer sizes). */
export interface IntListSpec extends SpecBase {
  kind: 'int-list';
  min: number;
  max: number;
  maxLength: number;
  default: readonly number[];
}

export type ParamSpec = NumberSpec | ChoiceSpec | SwitchSpec | NameListSpec | IntListSpec;

export type ParamValue = number | string | boolean | readonly number[] | readonly string[];

/**
 * A widget's parameter values by key, as they travel between the page, the URL and the training worker. A
 * table gives the same values their precise types: `ParamsOf<typeof TABLE>`.
 */
export type Params = Record<string, ParamValue>;

/** The value type a spec declares: a number, its options' names, a boolean, a list. */
export type ValueOf<S> = S extends { kind: 'choice'; options: readonly { value: infer V extends string }[] }
  ? V
  : S extends { kind: 'switch' }
    ? boolean
    : S extends { kind: 'name-list'; names: readonly (infer V extends string)[] }
      ? readonly V[]
      : S extends { kind: 'int-list' }
        ? readonly number[]
        : number;

/** The values of a table, typed key by key (declare the table `as const satisfies readonly ParamSpec[]`). */
export type ParamsOf<Specs extends readonly ParamSpec[]> = { [S in Specs[number] as S['key']]: ValueOf<S> };

export interface ParamNotice {
  key: string;
  /** What the link said (cut to MAX_SHOWN characters). */
  raw: string;
  reason:
    | 'unknown'
    | 'not-a-number'
    | 'not-an-integer'
    | 'out-of-range'
    | 'not-an-option'
    | 'not-a-switch'
    | 'repeated'
    | 'too-few'
    | 'too-many'
    | 'too-long';
}
export type NoticeReason = ParamNotice['reason'];

/** No valid value is this long (the longest today, all seven playground inputs, is 42 characters); longer text is refused unread. */
export const MAX_RAW = 200;
const MAX_SHOWN = 40;

/**
 * The step budget (`steps`), the pace (`speed`, steps per animation frame) and the `seed`: every training
 * widget has them, with its own default budget and pace and, where it needs other bounds, its own maxima.
 * `epochs` labels the budget and pace in epochs (a model whose step is one epoch).
 */
export function runParams(o: { steps: number; speed: number; maxSteps?: number; maxSpeed?: number; epochs?: boolean }) {
  return [
    {
      key: 'steps',
      kind: 'int',
      min: 10,
      max: o.maxSteps ?? 5000,
      default: o.steps,
      step: 10,
      live: true,
      label: o.epochs ? { zh: '训练轮次上限', en: 'Epoch budget' } : { zh: '训练步数上限', en: 'Step budget' },
    },
    {
      key: 'speed',
      kind: 'int',
      min: 1,
      max: o.maxSpeed ?? 100,
      default: o.speed,
      step: 1,
      live: true,
      viewOnly: true,
      label: o.epochs ? { zh: '每帧轮次', en: 'Epochs per frame' } : { zh: '每帧步数', en: 'Steps per frame' },
    },
    { key: 'seed', kind: 'int', min: 0, max: 2147483647, default: 1, hidden: true, label: { zh: '随机种子', en: 'Seed' } },
  ] as const satisfies readonly NumberSpec[];
}

/** A value that must be a number where it is read generically (the engine's `steps`, `speed`, `seed`). */
export function numberParam(params: Params, key: string): number | undefined {
  const value = params[key];
  return typeof value === 'number' ? value : undefined;
}

export function defaults<const Specs extends readonly ParamSpec[]>(specs: Specs): ParamsOf<Specs> {
  return Object.fromEntries(
    specs.map((spec) => [spec.key, Array.isArray(spec.default) ? [...spec.default] : spec.default]),
  ) as ParamsOf<Specs>;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

export type Parsed = { ok: true; value: ParamValue } | { ok: false; reason: NoticeReason };
const ok = (value: ParamValue): Parsed => ({ ok: true, value });
const refused = (reason: NoticeReason): Parsed => ({ ok: false, reason });

function parseNumber(text: string, kind: 'float' | 'int', min: number, max: number): Parsed {
  if (!NUMBER.test(text)) return refused('not-a-number');
  const value = Number(text);
  if (!Number.isFinite(value)) return refused('not-a-number');
  if (kind === 'int' && !Number.isInteger(value)) return refused('not-an-integer');
  if (value < min || value > max) return refused('out-of-range');
  return ok(value);
}

/** A link made before choices had names gave the option's index. */
function legacyIndex(text: string, count: number): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const index = Number(text);
  return index < count ? index : undefined;
}

const listItems = (text: string) => (text === '' ? [] : text.split(',').map((item) => item.trim()));

/**
 * Checks one raw string against its spec: the value, or the reason it is refused. `legacy` also accepts
 * what older links wrote: an option's index for a choice, 1 / 0 for a switch.
 */
export function parseValue(spec: ParamSpec, raw: string, legacy = false): Parsed {
  const text = raw.trim();
  if (text.length > MAX_RAW) return refused('too-long');
  switch (spec.kind) {
    case 'float':
    case 'int':
      return parseNumber(text, spec.kind, spec.min, spec.max);
    case 'choice': {
      const option = spec.options.find((o) => o.value === text);
      if (option) return ok(option.value);
      const index = legacy ? legacyIndex(text, spec.options.length) : undefined;
      return index === undefined ? refused('not-an-option') : ok(spec.options[index].value);
    }
    case 'switch':
      if (text === 'on' || (legacy && text === '1')) return ok(true);
      if (text === 'off' || (legacy && text === '0')) return ok(false);
      return refused('not-a-switch');
    case 'name-list': {
      const items = listItems(text);
      if (items.some((item) => !spec.names.includes(item))) return refused('not-an-option');
      if (new Set(items).size < items.length) return refused('repeated');
      if (items.length < spec.minLength) return refused('too-few');
      return ok(spec.names.filter((name) => items.includes(name)));
    }
    case 'int-list': {
      const items = listItems(text);
      if (items.length > spec.maxLength) return refused('too-many');
      const values: number[] = [];
      for (const item of items) {
        const parsed = parseNumber(item, 'int', spec.min, spec.max);
        if (!parsed.ok) return parsed;
        values.push(parsed.value as number);
      }
      return ok(values);
    }
  }
}

/** Link text for a value: numbers exact (JavaScript's shortest round-trip form), switches on/off, lists comma-separated. */
export function formatParam(value: ParamValue): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

const shown = (text: string) => (text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);

/**
 * Reads the values in `raw` (attribute or query-string pairs). Anything unknown or invalid is left at its
 * base value and reported, never thrown: a malformed link still opens the lesson. `legacy` (links, not
 * directives) also reads what older links wrote (see `parseValue` and `SpecBase.legacy`).
 */
export function parseParams(
  specs: readonly ParamSpec[],
  raw: Readonly<Record<string, string>>,
  base: Params = defaults(specs),
  { legacy = false }: { legacy?: boolean } = {},
): { values: Params; notices: ParamNotice[] } {
  const values: Params = { ...base };
  const notices: ParamNotice[] = [];
  const texts: Record<string, string> = { ...raw };
  if (legacy) {
    for (const spec of specs) {
      if (!spec.legacy) continue;
      const upgraded = spec.legacy.upgrade(raw);
      for (const key of spec.legacy.keys ?? []) delete texts[key];
      if (upgraded !== undefined) texts[spec.key] = upgraded;
    }
  }
  for (const [key, text] of Object.entries(texts)) {
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      notices.push({ key: shown(key), raw: shown(text), reason: 'unknown' });
      continue;
    }
    const parsed = parseValue(spec, text, legacy);
    if (parsed.ok) values[key] = parsed.value;
    else notices.push({ key, raw: shown(text), reason: parsed.reason });
  }
  return { values, notices };
}

/** Query-string keys are prefixed with the widget name, so several widgets can share one page's URL. */
export function readUrlParams(
  widget: string,
  specs: readonly ParamSpec[],
  search: string,
  base: Params,
  /** Keys the widget reads itself (a list of points), not values of its table. */
  extraKeys: readonly string[] = [],
): { values: Params; notices: ParamNotice[] } {
  const raw: Record<string, string> = {};
  const prefix = `${widget}.`;
  for (const [key, value] of new URLSearchParams(search)) {
    if (key.startsWith(prefix) && !extraKeys.includes(key.slice(prefix.length))) raw[key.slice(prefix.length)] = value;
  }
  return parseParams(specs, raw, base, { legacy: true });
}

/** Commas are legal in a query and read better than %2C; URLSearchParams writes them encoded. */
function readableQuery(url: URL): string {
  url.search = url.search.replace(/%2C/gi, ',');
  return url.toString();
}

/**
 * The current page's URL with this widget's parameters set (other widgets' keys, and this widget's
 * `extraKeys`, kept; its other keys, such as ignored invalid ones or an old link's keys, dropped).
 */
export function writeUrlParams(widget: string, values: Params, href: string, anchor = true, extraKeys: readonly string[] = []): string {
  const url = new URL(href);
  const prefix = `${widget}.`;
  for (const key of [...url.searchParams.keys()]) {
    if (key.startsWith(prefix) && !extraKeys.includes(key.slice(prefix.length))) url.searchParams.delete(key);
  }
  for (const [key, value] of Object.entries(values)) url.searchParams.set(prefix + key, formatParam(value));
  if (anchor) url.hash = `#${widget}`;
  return readableQuery(url);
}

/** Sets (or, with null, removes) one of a widget's own text keys in a URL. */
export function writeUrlText(widget: string, key: string, value: string | null, href: string): string {
  const url = new URL(href);
  if (value === null) url.searchParams.delete(`${widget}.${key}`);
  else url.searchParams.set(`${widget}.${key}`, value);
  return readableQuery(url);
}
