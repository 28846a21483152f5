/**
 * Editing a two-class data set by clicking, for widgets trained on points in the plane: a click toggles a
 * point (`own`, from useOwnPoints, keeps the result in the link), and a new preset, size or seed goes back to generated
 * data. Returns the parameter-change function to use instead of useParamChange's.
 */
import { useState } from 'react';
import { useStrings } from '../../i18n/LangContext';
import { asInLink, flattenPoints, togglePoint, type Points2D } from '../../ml/shared/classification-data';
import type { ModelData } from '../../ml/shared/contract';
import type { Params } from '../../state/params';
import type { OwnPoints } from './useOwnPoints';

/** A click this close to a point (in data units) removes it. */
const REACH = 0.15;
/** The parameters that make new generated data: changing one drops the learner's own points. */
const DATA_KEYS = ['preset', 'n', 'seed'];

export function usePointEditor(
  own: OwnPoints,
  values: Params,
  update: (changes: Params) => void,
  reset: (values: Params, data?: ModelData) => void,
  changeParams: (changes: Params) => void,
  { dataKeys = DATA_KEYS, reach = REACH }: { dataKeys?: readonly string[]; reach?: number } = {},
) {
  const t = useStrings();
  const [addClass, setAddClass] = useState(1);
  const [editMessage, setEditMessage] = useState<string | null>(null);

  function change(changes: Params) {
    if (own.points && Object.keys(changes).some((key) => dataKeys.includes(key))) {
      own.setPoints(null);
      update(changes);
      reset({ ...values, ...changes }, []);
      return;
    }
    changeParams(changes);
  }

  /** Toggles a point at (x1, x2) in the data the model is training on now. */
  function edit(current: Points2D, x1: number, x2: number) {
    const next = asInLink(togglePoint(current, x1, x2, addClass, reach, own.range));
    if (!next.label.includes(0) || !next.label.includes(1)) {
      setEditMessage(t.points.needBoth);
      return;
    }
    setEditMessage(null);
    own.setPoints(next);
    reset(values, flattenPoints(next));
  }

  function usePreset() {
    own.setPoints(null);
    reset(values, []);
  }

  return {
    ownCount: own.points ? own.points.x1.length : null,
    change,
    edit,
    usePreset,
    addClass,
    setAddClass,
    message: editMessage ?? (own.problem ? t.points.ignored(t.points.problems[own.problem]) : null),
  };
}
