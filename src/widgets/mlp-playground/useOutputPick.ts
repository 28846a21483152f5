import { useCallback, useRef } from 'react';
import type { Points2D } from '../../ml/shared/classification-data';

/** A click on the output plot edits the points shown (training and test), where they can be edited. */
export function useOutputPick(allPoints: Points2D | null, editable: boolean, edit: (current: Points2D, x1: number, x2: number) => void) {
  function pick(x1: number, x2: number) {
    if (!allPoints || !editable) return;
    edit(allPoints, x1, x2);
  }
  // One function for the plot's whole life, so a render of the widget does not redraw the plot.
  const latestPick = useRef(pick);
  latestPick.current = pick;
  return useCallback((x1: number, x2: number) => latestPick.current(x1, x2), []);
}
