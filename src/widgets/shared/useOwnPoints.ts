/**
 * A learner's own points, kept in the link as `<widget>.points=x1,x2,label;…` so a shared link carries
 * them. A malformed list in a link is ignored (the preset is used) and reported.
 */
import { useCallback, useMemo, useState } from 'react';
import { flattenPoints, formatPoints, parsePoints, WINDOW, type Points2D } from '../../ml/shared/classification-data';
import { writeUrlText } from '../../state/params';

export const POINTS_KEY = 'points';
export type OwnPoints = ReturnType<typeof useOwnPoints>;
export type PointsProblem = 'malformed' | 'too-many' | 'outside' | 'one-class';

/** `range` is the square the points must lie in (the widget's plot range). */
export function useOwnPoints(id: string, range: readonly [number, number] = WINDOW) {
  const [start] = useState(() => {
    const raw = new URLSearchParams(window.location.search).get(`${id}.${POINTS_KEY}`);
    if (raw === null) return { points: null, problem: null };
    const parsed = parsePoints(raw, range);
    return 'error' in parsed ? { points: null, problem: parsed.error } : { points: parsed, problem: null };
  });
  const [points, setPointsState] = useState<Points2D | null>(start.points);
  const [problem, setProblem] = useState<PointsProblem | null>(start.problem);

  const setPoints = useCallback(
    (next: Points2D | null) => {
      setPointsState(next);
      const href = writeUrlText(id, POINTS_KEY, next ? formatPoints(next) : null, window.location.href);
      window.history.replaceState(window.history.state, '', href);
    },
    [id],
  );
  const dismissProblem = useCallback(() => setProblem(null), []);
  /** The points, flat, as the training worker takes them; undefined while a preset is used. */
  const data = useMemo(() => (points ? flattenPoints(points) : undefined), [points]);
  return { points, setPoints, data, problem, dismissProblem, range };
}
