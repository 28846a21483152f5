import { ChartLegend } from '../../charts/ChartLegend';
import { LossChart } from '../../charts/LossChart';
import type { Strings } from '../../i18n/strings';
import { TINY_GPT, type TinyGptInfo } from '../../ml/language-model/contract';
import { traceIndex } from '../../ml/shared/contract';
import type { TinyGptStrings } from './strings';

const VALIDATION = traceIndex(TINY_GPT, 'validation');
const COLOR = { train: 'var(--series-1)', validation: 'var(--series-2)' };

/**
 * From a little under the bigram baseline to the loss of a uniform guess, log₂ V: the untrained model starts
 * near the top, and the range where learning happens is not squeezed by it.
 */
export function lossRange(info: TinyGptInfo): [number, number] {
  return [Math.max(0, Math.floor(info.bigram - 3)), Math.ceil(Math.log2(info.vocabulary))];
}

/** Training and held-out loss in bits per character, with the unigram and bigram baselines as lines. */
export function GptCurves({
  losses,
  traces,
  width,
  maxX,
  info,
  t,
  s,
}: {
  losses: number[];
  traces: number[];
  width: number;
  maxX: number;
  info: TinyGptInfo | null;
  t: Strings['widget'];
  s: TinyGptStrings;
}) {
  const references = info
    ? [
        { value: info.unigram, label: s.unigram(info.unigram) },
        { value: info.bigram, label: s.bigram(info.bigram) },
      ]
    : [];
  return (
    <div className="panel">
      <LossChart
        series={[
          { key: 'train', label: s.trainSeries, color: COLOR.train, values: losses },
          // The trace starts with the measurement before the first step: point i is the one after step i + 1.
          {
            key: 'validation',
            label: s.validationSeries,
            color: COLOR.validation,
            values: traces,
            stride: width || 1,
            offset: (width || 1) + VALIDATION,
          },
        ]}
        label={s.lossChart}
        empty={t.lossChartEmpty}
        maxX={maxX}
        yScale="linear"
        yDomain={info ? lossRange(info) : undefined}
        reference={references}
      />
      <ChartLegend
        items={[
          { label: s.trainSeries, color: COLOR.train, mark: 'line' },
          { label: s.validationSeries, color: COLOR.validation, mark: 'line' },
        ]}
      />
    </div>
  );
}
