import type { DataLoad } from './useDataLoad';

export interface DataLoadStrings {
  loading: (loaded: string, total: string) => string;
  loadingLabel: string;
  loadFailed: (why: string) => string;
  retry: string;
  /** The data's authors and licence, always shown. */
  credit: string;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** A data set's download progress (or its failure, with a retry), and its credit, which is always shown. */
export function DataLoadProgress({ load, ready, s }: { load: DataLoad<unknown>; ready: boolean; s: DataLoadStrings }) {
  return (
    <div className="cnn-load" data-load>
      {load.error ? (
        <p className="widget-alert" role="alert">
          {s.loadFailed(load.error)}{' '}
          <button type="button" className="button small" onClick={load.retry}>
            {s.retry}
          </button>
        </p>
      ) : (
        !ready && (
          <label className="cnn-progress">
            {s.loading(mb(load.loaded), load.total ? mb(load.total) : '…')}
            <progress max={load.total || 1} value={load.loaded} aria-label={s.loadingLabel} />
          </label>
        )
      )}
      <p className="cnn-credit">{s.credit}</p>
    </div>
  );
}
