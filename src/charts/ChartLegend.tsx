/** A small key under a canvas chart: which mark is which. */
export interface LegendItem {
  label: string;
  /** A CSS colour or var(). */
  color?: string;
  /** 'path' and 'ring' are white with a dark outline, as drawn over a colour map; 'hollow' is a ring in `color`. */
  mark: 'line' | 'dashed' | 'ring' | 'dot' | 'path' | 'hollow';
}

export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => (
        <li key={item.label}>
          <span className={`legend-mark legend-${item.mark}`} style={{ color: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
