import { useCallback, useEffect, useRef, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { SvgChartTools } from '../../charts/export/SvgChartTools';
import { ChartLegend } from '../../charts/ChartLegend';
import { useMeasuredWidth } from '../../charts/chart-interaction';
import { AXIS_STYLE, CHART_TEXT } from '../../charts/recharts-style';
import { percentText } from '../../controls/format';
import { useLang } from '../../i18n/LangContext';
import type { Strings } from '../../i18n/strings';
import type { SequenceInfo, SweepReply } from '../../ml/sequence/contract';
import { colorVar, LABEL } from './racers';
import type { SequenceStrings } from './strings';

const HEIGHT = 220;
const Y_TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * Held-out accuracy of the current models at delays other than the one they train at: measured in the worker
 * on request, and once more when the run reaches its step budget. Drawn once per measurement, with the
 * numbers in a table beside the chart.
 */
export function DelaySweep({
  info,
  request,
  step,
  finished,
  s,
  t,
}: {
  info: SequenceInfo;
  request: (name: string) => Promise<unknown>;
  step: number;
  finished: boolean;
  s: SequenceStrings;
  t: Strings['widget'];
}) {
  // Kept with the run it measured: a new run (another info) makes it stale.
  const [measured, setMeasured] = useState<{ info: SequenceInfo; reply: SweepReply } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    () =>
      request('sweep')
        .then((reply) => setMeasured({ info, reply: reply as SweepReply }))
        .catch(() => setMeasured(null))
        .finally(() => setBusy(false)),
    [request, info],
  );
  useEffect(() => {
    if (finished) void run();
  }, [finished, run]);
  const sweep = measured?.info === info ? measured.reply : null;
  return (
    <section className="panel sequence-sweep" data-sweep-step={sweep?.step ?? ''} data-sweep={sweep ? JSON.stringify(sweep.accuracy) : ''}>
      <h4>{s.sweepTitle}</h4>
      <button
        type="button"
        data-action="sweep"
        onClick={() => {
          setBusy(true);
          void run();
        }}
        disabled={busy}
      >
        {busy ? s.sweepBusy : s.sweepButton}
      </button>
      {sweep && <SweepResult info={info} sweep={sweep} s={s} />}
      {!sweep && !busy && step === 0 && <p className="widget-hint">{t.lossChartEmpty}</p>}
    </section>
  );
}

function SweepResult({ info, sweep, s }: { info: SequenceInfo; sweep: SweepReply; s: SequenceStrings }) {
  const lang = useLang();
  const frame = useRef<HTMLDivElement>(null);
  const width = useMeasuredWidth(frame);
  const rows = sweep.delays.map((delay, i) => ({
    delay,
    ...Object.fromEntries(info.racers.map((kind, k) => [kind, sweep.accuracy[k]?.[i]])),
  }));
  return (
    <>
      <p className="widget-hint">{s.sweepNote(sweep.step, info.delay)}</p>
      <div ref={frame} className="chart-frame" role="img" aria-label={s.sweepChart}>
        {width > 0 && (
          <LineChart width={width} height={HEIGHT} data={rows} margin={{ top: 8, right: 14, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--chart-grid)" />
            <XAxis {...AXIS_STYLE} dataKey="delay" domain={[0, Math.max(...sweep.delays)]} ticks={sweep.delays} />
            <YAxis {...AXIS_STYLE} width={48} domain={[0, 1]} ticks={Y_TICKS} tickFormatter={(v: number) => percentText(v, lang, 0)} />
            <ReferenceLine
              y={1 / info.symbols}
              stroke="var(--chart-text)"
              strokeDasharray="4 4"
              label={{ value: s.chance(info.symbols), position: 'insideTopRight', ...CHART_TEXT }}
            />
            <ReferenceLine x={info.delay} stroke="var(--chart-text)" strokeDasharray="2 4" />
            {info.racers.map((kind) => (
              <Line key={kind} dataKey={kind} stroke={colorVar(kind)} strokeWidth={2} dot isAnimationActive={false} />
            ))}
          </LineChart>
        )}
      </div>
      <ChartLegend items={info.racers.map((kind) => ({ label: LABEL[kind], color: colorVar(kind), mark: 'line' as const }))} />
      <SvgChartTools chart="delay-sweep" frame={frame} />
      <table className="compare-table">
        <caption className="visually-hidden">{s.sweepChart}</caption>
        <thead>
          <tr>
            <th scope="col">{s.delayAxis}</th>
            {info.racers.map((kind) => (
              <th key={kind} scope="col">
                {LABEL[kind]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sweep.delays.map((delay, i) => (
            <tr key={delay} data-delay={delay}>
              <th scope="row">{delay}</th>
              {info.racers.map((kind, k) => (
                <td key={kind}>{percentText(sweep.accuracy[k][i], lang, 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
