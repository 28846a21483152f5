import { memo } from 'react';
import { ParamControl, ParamPanel } from '../../controls/ParamControl';
import type { Lang } from '../../i18n/strings';
import { OPTIMIZER_RACE, RACERS, type OptimizerRaceParams, type RacerName } from '../../ml/optimizer-race/contract';
import type { Params } from '../../state/params';
import { colorVar } from './racers';

/** Each racer's own controls, after its on/off switch. */
const RACER_KEYS: Record<RacerName, string[]> = {
  sgd: ['lrSgd'],
  momentum: ['lrMomentum', 'mu'],
  rmsprop: ['lrRmsprop', 'rho'],
  adam: ['lrAdam', 'beta1', 'beta2'],
};

/** Memoized: the widget renders every frame while the race runs, and these change only with the parameters. */
export const RacerPanels = memo(function RacerPanels({
  values,
  lang,
  onChange,
}: {
  values: OptimizerRaceParams;
  lang: Lang;
  onChange: (changes: Params) => void;
}) {
  return (
    <div className="racer-panels">
      {RACERS.map((name) => (
        <fieldset key={name} className="racer-panel" style={{ borderColor: colorVar(name) }}>
          <legend>
            <ParamControl
              spec={OPTIMIZER_RACE.params.find((s) => s.key === name)!}
              value={values[name]}
              lang={lang}
              onChange={(v) => onChange({ [name]: v })}
            />
          </legend>
          <ParamPanel
            specs={OPTIMIZER_RACE.params}
            keys={RACER_KEYS[name]}
            values={values}
            lang={lang}
            disabled={() => !values[name]}
            onChange={(key, v) => onChange({ [key]: v })}
          />
        </fieldset>
      ))}
    </div>
  );
});
