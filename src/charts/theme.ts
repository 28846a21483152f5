/**
 * Calls `restyle` when the page's colours may have changed: the theme or text size switched (attributes on
 * <html>) or the system's colour scheme did. Returns a function that stops watching.
 */
export function watchTheme(restyle: () => void): () => void {
  const theme = new MutationObserver(restyle);
  theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'data-text-size'] });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', restyle);
  return () => {
    theme.disconnect();
    media.removeEventListener('change', restyle);
  };
}
