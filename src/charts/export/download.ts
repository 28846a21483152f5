/** Saving what a chart exports: a file name from the widget and chart, and a download of a Blob. */

/**
 * `<widget>-<chart>.<ext>`: the widget's id on the page (`linear-regression`, or `linear-regression-2` for a
 * second one), the chart's kind, and its number among the widget's charts of that kind after the first
 * (`loss`, `loss-2`). Read from the page when the learner asks, not kept in every chart's props.
 */
export function exportFileName(element: HTMLElement, chart: string, ext: 'png' | 'csv'): string {
  const root = element.closest<HTMLElement>('[data-widget-id]');
  const widget = root?.dataset.widgetId ?? 'chart';
  const same = root ? [...root.querySelectorAll<HTMLElement>(`[data-export="${chart}"]`)] : [];
  const n = same.findIndex((e) => e === element || e.contains(element)) + 1;
  return `${widget}-${chart}${n > 1 ? `-${n}` : ''}.${ext}`;
}

export function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob by the next task; a minute leaves room for a slow browser.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** CSV with a byte-order mark, so a spreadsheet opens Chinese labels as UTF-8. */
export function csvBlob(text: string): Blob {
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}
