/** New data is grey like the true curve in the plot: both are what only the widget, knowing the truth, can show. */
export const COLOR = {
  train: 'var(--series-1)',
  validation: 'var(--series-2)',
  current: 'var(--series-3)',
  early: 'var(--series-4)',
  newData: 'var(--chart-muted)',
};
/** The canvases take a custom property's name, the legends a CSS colour. */
export const cssName = (color: string) => color.slice(4, -1);
