/**
 * Picking a point on a plotted plane with the mouse or, for keyboard users, with the arrow keys (which
 * move a cursor by a twentieth of the window) and Enter.
 */
import type { KeyboardEvent, MouseEvent } from 'react';
import { toPixelX, toPixelY, type Frame } from './axes';

const KEY_STEP = 1 / 20;

/** The data coordinates under the mouse, or null outside the plotted area. */
export function pointerToData(event: MouseEvent<HTMLElement>, frameOf: (width: number, height: number) => Frame): [number, number] | null {
  const box = event.currentTarget.getBoundingClientRect();
  const frame = frameOf(box.width, box.height);
  const left = toPixelX(frame, frame.x0);
  const top = toPixelY(frame, frame.y1);
  const x = frame.x0 + ((event.clientX - box.left - left) / (toPixelX(frame, frame.x1) - left)) * (frame.x1 - frame.x0);
  const y = frame.y1 - ((event.clientY - box.top - top) / (toPixelY(frame, frame.y0) - top)) * (frame.y1 - frame.y0);
  return x >= frame.x0 && x <= frame.x1 && y >= frame.y0 && y <= frame.y1 ? [x, y] : null;
}

/** A click handler that reports the data coordinates of clicks inside the plotted area. */
export function clickToPick(frameOf: (width: number, height: number) => Frame, onPick: (x: number, y: number) => void) {
  return (event: MouseEvent<HTMLElement>) => {
    const at = pointerToData(event, frameOf);
    if (at) onPick(...at);
  };
}

/** The cursor moved by an arrow key, kept inside the window; null for any other key. */
export function arrowMove(
  event: KeyboardEvent,
  at: [number, number],
  xRange: [number, number],
  yRange: [number, number],
): [number, number] | null {
  const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
  const move = moves[event.key];
  if (!move) return null;
  event.preventDefault();
  const clamp = (v: number, [low, high]: [number, number]) => Math.min(high, Math.max(low, v));
  return [
    clamp(at[0] + (xRange[1] - xRange[0]) * KEY_STEP * move[0], xRange),
    clamp(at[1] + (yRange[1] - yRange[0]) * KEY_STEP * move[1], yRange),
  ];
}
