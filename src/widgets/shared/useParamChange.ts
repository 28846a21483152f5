/**
 * Applies parameter changes the way the table says: `live` ones go to the running model on its next step,
 * any other one rebuilds data and model (a reset). The URL follows either way.
 */
import { useCallback } from 'react';
import type { ParamSpec, Params } from '../../state/params';

export function useParamChange(
  specs: readonly ParamSpec[],
  values: Params,
  update: (changes: Params) => void,
  trainer: { setLive: (changes: Params) => void; reset: (values: Params) => void },
) {
  const { setLive, reset } = trainer;
  return useCallback(
    (changes: Params) => {
      update(changes);
      const rebuild = Object.keys(changes).some((key) => !specs.find((s) => s.key === key)?.live);
      if (rebuild) reset({ ...values, ...changes });
      else setLive(changes);
    },
    [specs, values, update, setLive, reset],
  );
}

/** A fresh random seed: new data (and initial weights) for the same settings. */
export function newSeed(): number {
  return Math.floor(Math.random() * 1e6);
}
