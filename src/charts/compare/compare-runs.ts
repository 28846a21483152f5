/**
 * What a loss chart draws when a run is pinned: the current series and the pinned copies, each named by the
 * settings that tell the two runs apart, and the legend that says which is which.
 */
import { STRINGS } from '../../i18n/strings';
import type { Lang } from '../../state/params';
import type { RunSettings } from '../../state/run-settings';
import { snapshotSeries, type LossSeries } from '../loss-series';
import { runLabels } from './settings-label';

export interface PinnedRun {
  /** Counts pins, so a new pin of the same length and label still redraws. */
  id: number;
  series: LossSeries[];
  settings: RunSettings | null;
}

export interface CompareItem {
  label: string;
  color: string;
  run: 'current' | 'pinned';
}

let pins = 0;

export function pinRun(series: readonly LossSeries[], settings: RunSettings | null): PinnedRun {
  return { id: ++pins, series: series.map(snapshotSeries).filter((s) => s.values.length > 0), settings };
}

/**
 * The series to draw (the current ones first, then the pinned ones, keyed apart) and the legend; without a
 * pin, the series as given and no legend.
 */
export function compareRuns(
  series: LossSeries[],
  pin: PinnedRun | null,
  settings: RunSettings | null,
  lang: Lang,
): { shown: LossSeries[]; legend: CompareItem[] | null } {
  if (!pin) return { shown: series, legend: null };
  const words = STRINGS[lang].compare;
  const specs = settings?.specs ?? pin.settings?.specs ?? null;
  const labels = runLabels(specs, pin.settings?.values ?? null, settings?.values ?? null, lang);
  const named = (s: LossSeries, run: string, several: boolean) => (several ? `${s.label} · ${run}` : run);
  const severalNow = series.length > 1;
  const severalPinned = pin.series.length > 1;
  const current = series.map((s) => ({ ...s, label: `${s.label} · ${labels.current}` }));
  const pinned = pin.series.map((s) => ({ ...s, key: `pin${pin.id}:${s.key}`, label: `${s.label} · ${labels.pinned}` }));
  const legend: CompareItem[] = [
    ...series.map((s) => ({ label: words.current(named(s, labels.current, severalNow)), color: s.color, run: 'current' as const })),
    ...pin.series.map((s) => ({ label: words.pinned(named(s, labels.pinned, severalPinned)), color: s.color, run: 'pinned' as const })),
  ];
  return { shown: [...current, ...pinned], legend };
}
