import type { CnnRunStrings } from './run-strings';
import type { MnistLoad } from './useMnistData';

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The download's progress (or its failure, with a retry), and MNIST's credit, which is always shown. */
export function LoadProgress({ load, ready, s }: { load: MnistLoad; ready: boolean; s: CnnRunStrings }) {
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
