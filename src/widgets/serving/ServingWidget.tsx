/**
 * Lesson 15's model server: test digits sent as requests to a serving worker of its own
 * (engine/serving.worker.ts), which queues them, forms batches by the two knobs of dynamic batching and runs
 * the real model on each batch. The page shows what comes back, measured: the latency histogram with p50,
 * p95 and p99, throughput, the queue over time, the per-version split with accuracy, a batch-size sweep, and
 * a rollback. A page-only widget in the catalog's sense: nothing trains in the training worker.
 */
import { useMemo, useRef } from 'react';
import { ParamPanel } from '../../controls/ParamControl';
import { countText, formatNumber } from '../../controls/format';
import { useLang } from '../../i18n/LangContext';
import { SERVING, SERVING_SEED } from '../../ml/serving/contract';
import type { LatencySummary } from '../../ml/serving/stats';
import type { WidgetProps } from '../registration';
import { loadMnist } from '../cnn-mnist/load-mnist';
import { DataLoadProgress } from '../shared/DataLoadProgress';
import { PageWidgetShell } from '../shared/PageWidgetShell';
import { useDataLoad } from '../shared/useDataLoad';
import { useNearViewport } from '../shared/useNearViewport';
import { usePageWidget } from '../shared/usePageWidget';
import { OpenModel } from './OpenModel';
import { LatencyHistogram, QueueChart, SweepChart, type SweepPoint } from './ServingCharts';
import { SERVING_STRINGS } from './strings';
import { useServer, type Phase } from './useServer';
import { ms, VersionTable } from './VersionTable';

const LOAD_KEYS = ['load', 'requests', 'rate', 'maxBatch', 'maxDelay', 'canary'] as const;

/** The root's figures for tests and curious users: p50/p95/p99 in ms, throughput in requests/s, counts. */
function rootFigures(sum: LatencySummary | null, answered: [number, number], requested: number, ready: boolean, sweep: SweepPoint[]) {
  const out: Record<`data-${string}`, string | number> = {
    'data-answered': sum?.count ?? 0,
    'data-requests': requested,
    'data-stable-answered': answered[0],
    'data-canary-answered': answered[1],
    'data-ready': String(ready),
  };
  if (sum) {
    out['data-p50'] = sum.p50.toFixed(3);
    out['data-p95'] = sum.p95.toFixed(3);
    out['data-p99'] = sum.p99.toFixed(3);
    out['data-throughput'] = sum.throughput.toFixed(1);
  }
  if (sweep.length) out['data-sweep'] = sweep.map((p) => `${p.size}:${p.throughput.toFixed(1)}:${p.p95.toFixed(3)}`).join(',');
  return out;
}

function PhaseLine({ phase, s }: { phase: Phase; s: (typeof SERVING_STRINGS)['en'] }) {
  return (
    <p className="widget-hint" role="status" data-phase={phase.kind}>
      {phase.kind === 'preparing' && phase.text}
      {phase.kind === 'ready' && s.ready(phase.backend)}
      {phase.kind === 'error' && s.failed(phase.message)}
    </p>
  );
}

export default function ServingWidget({ id, initial }: WidgetProps) {
  const lang = useLang();
  const s = SERVING_STRINGS[lang];
  const { values, update, shell } = usePageWidget(SERVING, id, initial);
  const root = useRef<HTMLDivElement>(null);
  const near = useNearViewport(root);
  const settings = useMemo(
    () => ({ maxBatch: values.maxBatch, maxDelayMs: values.maxDelay, canaryPercent: values.canary }),
    [values.maxBatch, values.maxDelay, values.canary],
  );
  const server = useServer(settings, { mode: values.load, count: values.requests, rate: values.rate, seed: SERVING_SEED }, s);
  const load = useDataLoad('mnist-1', near, (options) => loadMnist({ ...options, shards: 1 }), server.onLoaded);
  const { phase, figures, running, sweeping } = server;
  const ready = phase.kind === 'ready';
  const sum = figures.summary;
  const answered: [number, number] = [figures.versions[0].count, figures.versions[1].count];
  return (
    <PageWidgetShell
      {...shell}
      state={phase.kind === 'error' ? 'error' : running ? 'running' : 'idle'}
      figures={rootFigures(sum, answered, server.requested, ready, server.sweep)}
    >
      <div ref={root}>
        <DataLoadProgress load={load} ready={load.data !== null} s={s} />
        <PhaseLine phase={phase} s={s} />
        <ParamPanel specs={SERVING.params} values={values} lang={lang} keys={LOAD_KEYS} onChange={(key, v) => update({ [key]: v })} />
        <div className="play-controls">
          {running ? (
            <button type="button" className="button primary" data-action="pause" onClick={server.stop}>
              {s.stop}
            </button>
          ) : (
            <button type="button" className="button primary" data-action="play" onClick={() => void server.play()} disabled={!ready}>
              {s.play}
            </button>
          )}
          <button type="button" className="button" data-action="reset" onClick={server.reset}>
            {s.reset}
          </button>
          <button type="button" className="button" data-action="sweep" onClick={() => void server.runSweep()} disabled={!ready || running}>
            {s.sweep}
          </button>
          <button
            type="button"
            className="button"
            data-action="rollback"
            onClick={() => update({ canary: 0 })}
            disabled={values.canary === 0}
          >
            {s.rollback}
          </button>
        </div>
        <p className="widget-hint" data-readout>
          {s.answered(countText(sum?.count ?? 0, lang), countText(server.requested, lang))} · p50 {ms(sum?.p50)} · p95 {ms(sum?.p95)} · p99{' '}
          {ms(sum?.p99)} {s.ms} · {s.meanCol} {ms(sum?.mean)} {s.ms} · {s.throughput} {sum ? formatNumber(sum.throughput, 3) : '—'}{' '}
          {s.perSecond}
          {sweeping !== null && ` · ${s.sweeping(sweeping)}`}
        </p>
        <VersionTable figures={figures} phase={phase} lang={lang} s={s} />
        <LatencyHistogram figures={figures} s={s} />
        <QueueChart figures={figures} s={s} />
        <SweepChart points={server.sweep} s={s} />
        <p className="widget-hint">{s.sweepHint}</p>
        <OpenModel open={(files) => server.client.current?.open(files)} failure={server.openFailure} disabled={!ready || running} s={s} />
        <p className="widget-hint">{s.hint}</p>
      </div>
    </PageWidgetShell>
  );
}
