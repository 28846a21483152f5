/** What the Recharts line charts (LossChart, RocChart) share: their text style, axis styling and plot area. */

/** Tick labels, reference and axis labels. */
export const CHART_TEXT = { fill: 'var(--chart-text)', fontSize: 12 };

/** Props every numeric axis takes: fixed ticks, all of them shown, nothing drawn outside the domain's box. */
export const AXIS_STYLE = {
  type: 'number',
  allowDataOverflow: true,
  tick: CHART_TEXT,
  stroke: 'var(--chart-text)',
  tickLine: false,
  interval: 0,
} as const;

export interface ChartLayout {
  margin: { top: number; right: number; bottom: number; left: number };
  yAxisWidth: number;
  xAxisHeight: number;
}

/** The plot area inside a chart's box, as Recharts lays it out with these margins and axis sizes. */
export function plotBox({ margin, yAxisWidth, xAxisHeight }: ChartLayout, width: number, height: number) {
  return { left: margin.left + yAxisWidth, right: width - margin.right, top: margin.top, bottom: height - margin.bottom - xAxisHeight };
}
