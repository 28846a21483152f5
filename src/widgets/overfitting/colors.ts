export const COLOR = { train: 'var(--series-1)', validation: 'var(--series-2)', current: 'var(--series-3)', early: 'var(--series-4)' };
/** The canvases take a custom property's name, the legends a CSS colour. */
export const cssName = (color: string) => color.slice(4, -1);
