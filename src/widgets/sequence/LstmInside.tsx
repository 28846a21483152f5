import { useLayoutEffect, useMemo, useRef } from 'react';
import { ValueGridCanvas } from '../../charts/ValueGridCanvas';
import type { SequenceInfo, SequenceState } from '../../ml/sequence/contract';
import { tokenName } from '../../ml/sequence/task';
import { LABEL } from './racers';
import type { SequenceStrings } from './strings';

/** [T × H] time-major → [H × T]: one row per unit, time running left to right. */
function unitsByTime(values: Float32Array, steps: number, units: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let t = 0; t < steps; t++) for (let u = 0; u < units; u++) out[u * steps + t] = values[t * units + u];
  return out;
}

/** The LSTM's gates and cell over the example, and every racer's hidden state beside them, as unit × time maps. */
export function LstmInside({ info, state, s }: { info: SequenceInfo; state: SequenceState; s: SequenceStrings }) {
  const { length: T, hidden: H } = info;
  const maps = useMemo(() => {
    const gates = state.lstm!;
    return {
      forget: unitsByTime(gates.forget, T, H),
      input: unitsByTime(gates.input, T, H),
      output: unitsByTime(gates.output, T, H),
      cell: unitsByTime(gates.cell, T, H),
      hidden: state.hidden.map((h) => unitsByTime(h, T, H)),
    };
  }, [state, T, H]);
  // Counts redraws for the benchmark (data-view-updates).
  const box = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const element = box.current;
    if (element) element.dataset.viewUpdates = String(Number(element.dataset.viewUpdates ?? 0) + 1);
  }, [maps]);
  const tokens = info.example.map((id) => tokenName(id, info.symbols)).join(' ');
  const panel = (title: string, pixels: Float32Array, diverging: boolean, key: string) => (
    <figure className="sequence-map" key={key} data-map={key}>
      <figcaption>{title}</figcaption>
      <ValueGridCanvas
        pixels={pixels}
        width={T}
        height={H}
        diverging={diverging}
        scale={diverging ? undefined : 1}
        label={`${title} — ${s.mapLabel(LABEL.lstm, H, T)}`}
      />
      <p className="sequence-map-tokens" aria-hidden="true">
        {tokens}
      </p>
    </figure>
  );
  return (
    <section ref={box} className="panel sequence-inside">
      <h4>{s.lstmTitle}</h4>
      <div className="sequence-maps">
        {panel(s.forget, maps.forget, false, 'forget')}
        {panel(s.input, maps.input, false, 'input')}
        {panel(s.output, maps.output, false, 'output')}
        {panel(s.cell, maps.cell, true, 'cell')}
        {info.racers.map((kind, k) => panel(s.rnnHidden(LABEL[kind]), maps.hidden[k], true, `hidden-${kind}`))}
      </div>
      <p className="widget-hint">{s.lstmNote}</p>
    </section>
  );
}
