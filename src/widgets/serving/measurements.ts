/** What the page keeps of a load's responses, and the figures it shows from them. React-free, tfjs-free. */
import { RESPONSE_FIELDS } from '../../engine/protocol';
import type { ServedRecord } from '../../ml/serving/batcher';
import { histogram, latency, percentile, summarize, type LatencySummary } from '../../ml/serving/stats';

export interface Answer extends ServedRecord {
  version: 0 | 1;
  correct: boolean;
}

export interface VersionFigures {
  count: number;
  accuracy: number;
  p50: number;
  p95: number;
}

export interface Figures {
  summary: LatencySummary | null;
  versions: [VersionFigures, VersionFigures];
  bins: { from: number; to: number; count: number }[];
  queue: { t: number; length: number }[];
}

export function unpack(packed: Float64Array, labels: Uint8Array): Answer[] {
  const out: Answer[] = [];
  for (let i = 0; i < packed.length; i += RESPONSE_FIELDS) {
    const [id, version, arrival, start, finish, batchSize, digit, predicted] = packed.subarray(i, i + RESPONSE_FIELDS);
    out.push({ id, version: version === 0 ? 0 : 1, arrival, start, finish, batchSize, correct: labels[digit] === predicted });
  }
  return out;
}

const BINS = 30;
const MAX_QUEUE_POINTS = 400;

function versionFigures(answers: readonly Answer[]): VersionFigures {
  const latencies = answers.map(latency);
  return {
    count: answers.length,
    accuracy: answers.length ? answers.filter((a) => a.correct).length / answers.length : NaN,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  };
}

/** The queue's samples (time, length pairs) as a step series of at most MAX_QUEUE_POINTS points. */
function queueSeries(samples: readonly number[]): { t: number; length: number }[] {
  const n = samples.length / 2;
  const every = Math.max(1, Math.ceil(n / MAX_QUEUE_POINTS));
  const out: { t: number; length: number }[] = [];
  for (let i = 0; i < n; i += every) {
    // The largest length in each group, so a thinned series still shows the peaks.
    let length = 0;
    for (let j = i; j < Math.min(n, i + every); j++) length = Math.max(length, samples[2 * j + 1]);
    out.push({ t: samples[2 * i], length });
  }
  return out;
}

export function figures(answers: readonly Answer[], queueSamples: readonly number[]): Figures {
  const summary = answers.length ? summarize(answers) : null;
  const top = summary ? Math.max(summary.max, 1e-3) : 1;
  const counts = histogram(answers.map(latency), top * 1.0001, BINS);
  return {
    summary,
    versions: [versionFigures(answers.filter((a) => a.version === 0)), versionFigures(answers.filter((a) => a.version === 1))],
    bins: counts.map((count, i) => ({ from: (top * i) / BINS, to: (top * (i + 1)) / BINS, count })),
    queue: queueSeries(queueSamples),
  };
}
