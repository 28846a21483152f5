/** One colour per planted genre (GENRES' order), and the two curves. Canvases take a custom property's name. */
export const GENRE_COLORS = ['--series-1', '--series-2', '--series-3', '--series-4'] as const;
export const genreColor = (genre: number) => `var(${GENRE_COLORS[genre]})`;
export const CURVE = { train: 'var(--series-1)', test: 'var(--series-2)' };
