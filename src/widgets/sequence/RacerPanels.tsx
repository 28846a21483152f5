import { memo } from 'react';
import { ParamControl, ParamPanel } from '../../controls/ParamControl';
import type { Lang } from '../../i18n/strings';
import { CELL_KINDS, SEQUENCE, type CellKind, type SequenceParams } from '../../ml/sequence/contract';
import type { Params } from '../../state/params';
import { colorVar } from './racers';

const RATE_KEY: Record<CellKind, string> = { rnn: 'lrRnn', lstm: 'lrLstm', gru: 'lrGru' };

/** Each cell's on/off switch and its own learning rate. Memoized: the widget renders every frame while training. */
export const RacerPanels = memo(function RacerPanels({
  values,
  lang,
  onChange,
}: {
  values: SequenceParams;
  lang: Lang;
  onChange: (changes: Params) => void;
}) {
  return (
    <div className="racer-panels">
      {CELL_KINDS.map((kind) => (
        <fieldset key={kind} className="racer-panel" style={{ borderColor: colorVar(kind) }}>
          <legend>
            <ParamControl
              spec={SEQUENCE.params.find((spec) => spec.key === kind)!}
              value={values[kind]}
              lang={lang}
              onChange={(v) => onChange({ [kind]: v })}
            />
          </legend>
          <ParamPanel
            specs={SEQUENCE.params}
            keys={[RATE_KEY[kind]]}
            values={values}
            lang={lang}
            disabled={() => !values[kind]}
            onChange={(key, v) => onChange({ [key]: v })}
          />
        </fieldset>
      ))}
    </div>
  );
});
