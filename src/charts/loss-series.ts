/** A line chart's series as widgets hand them over: read in place from a growing array, or a pinned copy. */

export interface LossSeries {
  key: string;
  label: string;
  /** A CSS colour or var(--name). */
  color: string;
  /**
   * Point i is values[i·stride + offset] (stride 1, offset 0 by default: values[i] is the loss at step i + 1),
   * so a series can be read in place from a widget's flat per-step trace records.
   */
  values: ArrayLike<number>;
  stride?: number;
  offset?: number;
  /** The horizontal position of point i is (i + 1)·xStep: 1 for steps, batch/n for epochs. */
  xStep?: number;
  /** Draw only the first `count` points (a run that stopped early while the trace goes on). */
  count?: number;
  /** A pinned earlier run (set by the chart itself): drawn dashed and faded, and never cut at the step budget. */
  pinned?: boolean;
}

export function pointCount(s: LossSeries): number {
  const stride = s.stride ?? 1;
  const offset = s.offset ?? 0;
  return Math.max(0, Math.min(Math.floor((s.values.length - offset + stride - 1) / stride), s.count ?? Infinity));
}

/** A series' points copied out of the widget's arrays (which a reset replaces or refills), stride 1. */
export function snapshotSeries(s: LossSeries): LossSeries {
  const n = pointCount(s);
  const stride = s.stride ?? 1;
  const offset = s.offset ?? 0;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = s.values[i * stride + offset];
  return { key: s.key, label: s.label, color: s.color, values, xStep: s.xStep, pinned: true };
}
