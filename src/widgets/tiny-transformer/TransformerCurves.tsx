import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart, type LossSeries } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import { traceIndex } from '../../ml/shared/contract';
import { TINY_TRANSFORMER } from '../../ml/tiny-transformer/contract';
import type { TinyTransformerStrings } from './strings';

const ACCURACY = traceIndex(TINY_TRANSFORMER, 'accuracy');
const SEQUENCE = traceIndex(TINY_TRANSFORMER, 'sequenceAccuracy');
const COLOR = { token: 'var(--series-1)', sequence: 'var(--series-3)' };
const HEAD_COLORS = ['var(--series-1)', 'var(--series-2)', 'var(--series-3)', 'var(--series-4)'];
/** Held-out accuracy and entropies are measured this often (the trainer's EVAL_EVERY). */
const EVAL_EVERY = 20;

/** Loss, held-out accuracy and each head's attention entropy, read in place from the flat trace. */
export function TransformerCurves({
  losses,
  traces,
  width,
  maxX,
  layers,
  heads,
  t,
  s,
}: {
  losses: number[];
  traces: number[];
  width: number;
  maxX: number;
  layers: number;
  heads: number;
  t: Strings['widget'];
  s: TinyTransformerStrings;
}) {
  const stride = width || 1;
  const entropy: LossSeries[] = width
    ? Array.from({ length: layers * heads }, (_, i) => ({
        key: `h${i}`,
        label: s.headLabel(Math.floor(i / heads) + 1, (i % heads) + 1),
        // Layer 2's heads take the same colours as layer 1's, told apart in the legend and the readout.
        color: HEAD_COLORS[(i % heads) % HEAD_COLORS.length],
        values: traces,
        stride,
        offset: width + TINY_TRANSFORMER.trace.length + i,
      }))
    : [];
  return (
    <div className="panel cnn-curves">
      <div className="cnn-chart-pair">
        <LossChart
          series={[{ key: 'loss', label: t.lossLabel, color: COLOR.token, values: losses }]}
          label={s.lossChart}
          empty={t.lossChartEmpty}
          maxX={maxX}
        />
        <LossChart
          series={[
            { key: 'token', label: s.tokenSeries, color: COLOR.token, values: traces, stride, offset: width + ACCURACY },
            { key: 'sequence', label: s.sequenceSeries, color: COLOR.sequence, values: traces, stride, offset: width + SEQUENCE },
          ]}
          label={s.accuracyChart(EVAL_EVERY)}
          empty={t.lossChartEmpty}
          maxX={maxX}
          yScale="linear"
          yDomain={[0, 1]}
          reference={{ value: 0.1, label: s.chance }}
        />
        <LossChart series={entropy} label={s.entropyChart} empty={t.lossChartEmpty} maxX={maxX} yScale="linear" redrawMs={300} />
      </div>
      <ChartLegend
        items={[
          { label: s.tokenSeries, color: COLOR.token, mark: 'line' },
          { label: s.sequenceSeries, color: COLOR.sequence, mark: 'line' },
          ...entropy.map((series) => ({ label: series.label, color: series.color, mark: 'line' as const })),
        ]}
      />
    </div>
  );
}
