import { useStrings } from '../../i18n/LangContext';
import type { CompareItem } from './compare-runs';

/** Which curve is the current run (solid) and which the pinned one (dashed), each named by its settings. */
export function CompareLegend({ items }: { items: CompareItem[] }) {
  const t = useStrings().compare;
  return (
    <ul className="chart-legend compare-legend" aria-label={t.legend} data-compare>
      {items.map((item, i) => (
        <li key={i} data-run={item.run}>
          <span
            className={`legend-mark legend-${item.run === 'pinned' ? 'dashed' : 'line'} legend-${item.run}`}
            style={{ color: item.color }}
            aria-hidden="true"
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
