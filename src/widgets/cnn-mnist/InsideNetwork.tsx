import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useThrottled } from '../../charts/useThrottled';
import { argMaxPixel } from '../../ml/cnn-mnist/channels';
import type { CnnMnistInfo } from '../../ml/cnn-mnist/contract';
import { forwardCnn, forwardDense } from '../../ml/cnn-mnist/forward';
import type { MnistSet } from '../../ml/mnist/format';
import { ConfusionMatrix } from './ConfusionMatrix';
import { DigitPanel, type DigitSource } from './DigitPanel';
import { FeatureMaps } from './FeatureMaps';
import { FilterGrid } from './FilterGrid';
import { PixelArithmetic } from './PixelArithmetic';
import type { CnnViewStrings } from './view-strings';
import { useWhileVisible } from './useWhileVisible';

/** The views inside the network follow the weights at most this often: a little over 10 times a second. */
const VIEW_MS = 80;

function digitPixels(source: DigitSource, test: MnistSet): Uint8Array {
  return source.kind === 'drawn' ? source.pixels : test.images.subarray(source.index * 784, (source.index + 1) * 784);
}

/**
 * What the page computes from the weights the worker sends: the first layer's filters and gradients, one
 * digit (drawn or picked) through both networks, every layer's maps, one pixel's arithmetic, and the
 * confusion matrix of the last evaluation. `onPrediction` reports the CNN's top class for the digit shown.
 */
export function InsideNetwork({
  info,
  state,
  test,
  onPrediction,
  s,
}: {
  info: CnnMnistInfo;
  state: Float32Array;
  test: MnistSet;
  onPrediction: (digit: number, source: DigitSource['kind']) => void;
  s: CnnViewStrings;
}) {
  const [source, setSource] = useState<DigitSource>({ kind: 'test', index: 0 });
  const [channel, setChannel] = useState(0);
  const [pixel, setPixel] = useState<{ y: number; x: number } | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const weights = useWhileVisible(container, useThrottled(state, VIEW_MS));
  // Counts the views' redraws for the benchmark (data-view-updates on the filters' panel).
  useLayoutEffect(() => {
    const box = container.current;
    if (box) box.dataset.viewUpdates = String(Number(box.dataset.viewUpdates ?? 0) + 1);
  }, [weights]);
  const pixels = useMemo(() => digitPixels(source, test), [source, test]);
  const acts = useMemo(() => forwardCnn(info.cnn, info.layout, weights, pixels), [info, weights, pixels]);
  const dense = useMemo(() => forwardDense(info.layout, weights, pixels), [info, weights, pixels]);
  // The predictions change only with an evaluation: the matrix is recounted then, not on every state.
  const evaluatedAt = weights[info.layout.evaluatedAt.offset];
  const predictions = useMemo(() => {
    if (evaluatedAt < 0) return null;
    const slot = info.layout.predictions;
    return Uint8Array.from(weights.subarray(slot.offset, slot.offset + slot.size));
  }, [evaluatedAt, info]); // eslint-disable-line react-hooks/exhaustive-deps -- the weights change every tick, the predictions only with evaluatedAt, which they carry
  const top = acts.probabilities.indexOf(Math.max(...acts.probabilities));
  useEffect(() => onPrediction(top, source.kind), [top, source.kind, onPrediction]);
  const k = Math.min(channel, info.cnn.filters2 - 1);
  const pick = (index: number) => setSource({ kind: 'test', index });

  return (
    <div ref={container} className="cnn-inside">
      <FilterGrid shape={info.cnn} layout={info.layout} state={weights} s={s} />
      <DigitPanel
        source={source}
        pixels={pixels}
        label={source.kind === 'test' ? test.labels[source.index] : null}
        testCount={test.count}
        cnn={acts.probabilities}
        dense={dense}
        onDrawn={(drawn) => setSource(drawn ? { kind: 'drawn', pixels: drawn } : { kind: 'test', index: 0 })}
        onPick={pick}
        s={s}
      />
      <div className="widget-panels">
        <FeatureMaps
          shape={info.cnn}
          acts={acts}
          channel={k}
          onChannel={(next) => {
            setChannel(next);
            setPixel(null);
          }}
          s={s}
        />
        <PixelArithmetic
          shape={info.cnn}
          layout={info.layout}
          state={weights}
          acts={acts}
          channel={k}
          pixel={pixel ?? argMaxPixel(acts.conv2, k)}
          onPixel={setPixel}
          s={s}
        />
      </div>
      <section className="panel cnn-confusion-panel" aria-label={s.confusionTitle}>
        <h4>{s.confusionTitle}</h4>
        <ConfusionMatrix labels={test.labels} predictions={predictions} images={test.images} onPick={pick} />
      </section>
    </div>
  );
}
