/**
 * Every widget declares its parameters once, in a typed table. The same table validates Markdown directive
 * attributes at build time, reads a shared link's URL, drives the sliders and writes the link back.
 */
export type Lang = 'zh' | 'en';

export interface ParamSpec {
  key: string;
  kind: 'float' | 'int';
  min: number;
  max: number;
  default: number;
  /** Sliders for parameters that span decades (a learning rate) move in log space. */
  scale?: 'linear' | 'log';
  /** Slider resolution for linear parameters. */
  step?: number;
  /** Live parameters apply to the next training step; the others rebuild data and model (a reset). */
  live?: boolean;
  /** Shown in the URL and as a control; hidden ones (the seed, a start point) are still part of a run's identity. */
  hidden?: boolean;
  /**
   * How the value is chosen: a slider (the default), a choice among labelled options (the value is the
   * option's index, so `min` is 0 and `max` is options.length − 1), or an on/off switch (0 or 1).
   */
  control?: 'slider' | 'select' | 'toggle';
  options?: readonly Record<Lang, string>[];
  label: Record<Lang, string>;
}

export type ParamValues = Record<string, number>;

export interface ParamNotice {
  key: string;
  raw: string;
  reason: 'unknown' | 'not-a-number' | 'not-an-integer' | 'out-of-range';
}

export function defaults(specs: readonly ParamSpec[]): ParamValues {
  return Object.fromEntries(specs.map((spec) => [spec.key, spec.default]));
}

/** Checks one raw string against its spec; returns the number or the reason it is refused. */
export function parseValue(spec: ParamSpec, raw: string): number | ParamNotice['reason'] {
  const text = raw.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text)) return 'not-a-number';
  const value = Number(text);
  if (!Number.isFinite(value)) return 'not-a-number';
  if (spec.kind === 'int' && !Number.isInteger(value)) return 'not-an-integer';
  if (value < spec.min || value > spec.max) return 'out-of-range';
  return value;
}

/**
 * Reads the values in `raw` (attribute or query-string pairs). Anything unknown or invalid is left at its
 * base value and reported, never thrown: a malformed link still opens the lesson.
 */
export function parseParams(
  specs: readonly ParamSpec[],
  raw: Record<string, string>,
  base: ParamValues = defaults(specs),
): { values: ParamValues; notices: ParamNotice[] } {
  const values = { ...base };
  const notices: ParamNotice[] = [];
  for (const [key, text] of Object.entries(raw)) {
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      notices.push({ key, raw: text, reason: 'unknown' });
      continue;
    }
    const parsed = parseValue(spec, text);
    if (typeof parsed === 'number') values[key] = parsed;
    else notices.push({ key, raw: text, reason: parsed });
  }
  return { values, notices };
}

/** Query-string keys are prefixed with the widget name, so several widgets can share one page's URL. */
export function readUrlParams(
  widget: string,
  specs: readonly ParamSpec[],
  search: string,
  base: ParamValues,
  /** Keys the widget reads itself (a list of points), not numbers of its table. */
  extraKeys: readonly string[] = [],
): { values: ParamValues; notices: ParamNotice[] } {
  const raw: Record<string, string> = {};
  const prefix = `${widget}.`;
  for (const [key, value] of new URLSearchParams(search)) {
    if (key.startsWith(prefix) && !extraKeys.includes(key.slice(prefix.length))) raw[key.slice(prefix.length)] = value;
  }
  return parseParams(specs, raw, base);
}

/** Exact text for a number (JavaScript's shortest round-trip form), so a link reproduces the run. */
export function formatParam(value: number): string {
  return String(value);
}

/**
 * The current page's URL with this widget's parameters set (other widgets' keys, and this widget's
 * `extraKeys`, kept; its other keys, such as ignored invalid ones, dropped).
 */
export function writeUrlParams(
  widget: string,
  values: ParamValues,
  href: string,
  anchor = true,
  extraKeys: readonly string[] = [],
): string {
  const url = new URL(href);
  const prefix = `${widget}.`;
  for (const key of [...url.searchParams.keys()]) {
    if (key.startsWith(prefix) && !extraKeys.includes(key.slice(prefix.length))) url.searchParams.delete(key);
  }
  for (const [key, value] of Object.entries(values)) url.searchParams.set(prefix + key, formatParam(value));
  if (anchor) url.hash = `#${widget}`;
  return url.toString();
}

/** Sets (or, with null, removes) one of a widget's own text keys in a URL. */
export function writeUrlText(widget: string, key: string, value: string | null, href: string): string {
  const url = new URL(href);
  if (value === null) url.searchParams.delete(`${widget}.${key}`);
  else url.searchParams.set(`${widget}.${key}`, value);
  return url.toString();
}
