import { memo, useLayoutEffect, useRef } from 'react';
import { ValueGridCanvas } from '../../charts/ValueGridCanvas';
import { SEP } from '../../ml/tiny-transformer/tasks';
import type { TinyTransformerStrings } from './strings';

/** Mean entropy (bits) of the answer positions' attention rows: high while a head spreads out, low once it points. */
function answerEntropy(map: Float32Array, T: number, L: number): number {
  let total = 0;
  for (let row = L; row < T; row++) {
    let h = 0;
    for (let col = 0; col <= row; col++) {
      const w = map[row * T + col];
      if (w > 0) h -= w * Math.log2(w);
    }
    total += h;
  }
  return total / (T - L);
}

const token = (t: number) => (t === SEP ? '→' : String(t));

/** The example's tokens along the top, then one heatmap per head and layer, each with its entropy. */
export const AttentionMaps = memo(function AttentionMaps({
  state,
  layers,
  heads,
  example,
  answer,
  target,
  s,
}: {
  state: Float32Array;
  layers: number;
  heads: number;
  example: number[];
  answer: number[];
  target: number[];
  s: TinyTransformerStrings;
}) {
  const L = example.length;
  const T = 2 * L;
  // Counts redraws for the benchmark (data-view-updates).
  const figure = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const box = figure.current;
    if (box) box.dataset.viewUpdates = String(Number(box.dataset.viewUpdates ?? 0) + 1);
  }, [state]);
  const maps = [];
  for (let l = 0; l < layers; l++)
    for (let h = 0; h < heads; h++) {
      const offset = (l * heads + h) * T * T;
      const map = state.subarray(offset, offset + T * T);
      maps.push(
        <figure key={`${l}-${h}`} className="tt-map" data-layer={l + 1} data-head={h + 1}>
          <ValueGridCanvas pixels={map} width={T} height={T} size={176} scale={1} label={s.mapLabel(l + 1, h + 1, T)} />
          <figcaption>
            {s.headLabel(l + 1, h + 1)} · {s.entropy(answerEntropy(map, T, L).toFixed(2))}
          </figcaption>
        </figure>,
      );
    }
  return (
    <figure ref={figure} className="panel tt-attention" data-figure="attention">
      <figcaption>{s.mapsCaption}</figcaption>
      <dl className="tt-example">
        <dt>{s.input}</dt>
        <dd data-example="input">{example.map(token).join(' ')}</dd>
        <dt>{s.target}</dt>
        <dd data-example="target">{target.join(' ')}</dd>
        <dt>{s.output}</dt>
        <dd data-example="output">
          {answer.map((t, i) => (
            <span key={i} className={t === target[i] ? 'tt-right' : 'tt-wrong'}>
              {token(t)}{' '}
            </span>
          ))}
        </dd>
      </dl>
      <div className="tt-maps">{maps}</div>
    </figure>
  );
});
