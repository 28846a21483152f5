import { useEffect, useRef, useState } from 'react';

/**
 * Returns `value`, but lets it change at most once every `ms` milliseconds; the last change always comes
 * through (after the wait), so a finished run shows its final state.
 *
 * The charts that use it (Recharts: 10–17 ms an update here) take turns: a change is shown in a task of its
 * own, after the render that brought it, and two charts' updates are more than a frame apart (a widget with
 * two charts would otherwise redraw both, plus its own frame, in one task of 40 ms or more).
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const state = useRef({ latest: value, last: -Infinity, pending: false, alive: true, timer: 0 });
  useEffect(() => {
    state.current.latest = value;
  });
  useEffect(() => {
    const s = state.current;
    if (Object.is(value, shown) || s.pending) return;
    s.pending = true;
    const turn = () => {
      s.pending = false;
      if (!s.alive) return;
      s.last = performance.now();
      setShown(() => s.latest);
    };
    s.timer = window.setTimeout(() => takeTurn(turn), Math.max(0, s.last + ms - performance.now()));
  }, [value, shown, ms]);
  useEffect(() => {
    const s = state.current;
    s.alive = true;
    return () => {
      s.alive = false;
      s.pending = false;
      clearTimeout(s.timer);
    };
  }, []);
  return shown;
}

/**
 * The least time between two charts' turns. Recharts finishes an update in the next animation frame (its
 * store notifies its components from requestAnimationFrame, in the task that also renders the widget's
 * frame), so two charts' turns are more than a frame apart.
 */
const GAP_MS = 20;
const queue: (() => void)[] = [];
let granting = false;

function takeTurn(turn: () => void) {
  queue.push(turn);
  if (!granting) {
    granting = true;
    setTimeout(grant, 0);
  }
}

function grant() {
  const turn = queue.shift();
  if (!turn) {
    granting = false;
    return;
  }
  turn();
  setTimeout(grant, queue.length > 0 ? GAP_MS : 0);
}
