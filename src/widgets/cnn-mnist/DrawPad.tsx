/**
 * A square pad on which the learner writes a digit with a mouse, a pen or a finger (Pointer Events, the
 * pointer captured for the stroke, no scrolling or zooming on touch). After each stroke — and at most every
 * 100 ms during one — the ink goes through MNIST's preparation and `onDigit` gets the 28 × 28 the network
 * would see; Clear empties the pad and sends null. A pointer move only draws its segment; reading the
 * canvas back and preparing the digit happen in a timer.
 */
import { useEffect, useLayoutEffect, useRef, type PointerEvent, type RefObject } from 'react';
import { useLang } from '../../i18n/LangContext';
import { prepareDrawing } from '../../ml/mnist/prepare-drawing';
import { cssRgb } from '../../charts/contrast';
import { drawStroke, padContext, readInk, redrawStrokes, type Stroke } from './pad-ink';
import { CNN_STRINGS } from './strings';
import { useThemeColors } from '../../charts/useThemeColors';

/** The shortest time between two digits sent during a stroke, in ms. */
export const DIGIT_INTERVAL_MS = 100;

export interface DrawPadProps {
  /** The prepared 28 × 28 (MNIST's 0 … 255, row-major) after each stroke and during one; null when cleared. */
  onDigit: (pixels: Uint8Array | null) => void;
}

export function DrawPad({ onDigit }: DrawPadProps) {
  const s = CNN_STRINGS[useLang()];
  const { canvasRef, handlers, clear } = useDrawPad(onDigit);
  return (
    <div className="cnn-drawpad">
      <canvas ref={canvasRef} className="cnn-drawpad-canvas" role="img" aria-label={s.drawPad} {...handlers} />
      <div className="cnn-drawpad-actions">
        <button type="button" className="button" data-action="clear-drawing" onClick={clear}>
          {s.clear}
        </button>
        <span className="cnn-drawpad-hint">{s.drawHint}</span>
      </div>
    </div>
  );
}

/**
 * The pad's canvas, sized to its box in device pixels, with the strokes drawn so far (kept so a resize or
 * a theme change can draw them again) in the theme's ink.
 */
function usePadCanvas() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokesRef = useRef<Stroke[]>([]);
  const ink = cssRgb(useThemeColors().ink);
  const inkRef = useRef(ink);
  inkRef.current = ink;

  const redraw = () => {
    const ctx = canvasRef.current && padContext(canvasRef.current);
    if (ctx) redrawStrokes(ctx, strokesRef.current, inkRef.current);
  };
  // A new theme: the same strokes in its ink.
  useLayoutEffect(redraw, [ink]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const resize = new ResizeObserver(([entry]) => {
      const ratio = window.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(entry.contentRect.width * ratio));
      const height = Math.max(1, Math.round(entry.contentRect.height * ratio));
      if (canvas.width === width && canvas.height === height) return;
      canvas.width = width;
      canvas.height = height;
      redraw();
    });
    resize.observe(canvas);
    return () => resize.disconnect();
    // Set up once: redraw reads everything through refs.
  }, []);

  return { canvasRef, strokesRef, inkRef };
}

/** Sends the prepared digit now, or at most every DIGIT_INTERVAL_MS while `later` is asked for. */
function useDigitSender(canvasRef: RefObject<HTMLCanvasElement | null>, onDigit: DrawPadProps['onDigit']) {
  const latest = useRef(onDigit);
  latest.current = onDigit;
  const timer = useRef<number | null>(null);
  const last = useRef(-Infinity);

  const cancel = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  const now = () => {
    cancel();
    const ctx = canvasRef.current && padContext(canvasRef.current);
    if (!ctx) return;
    const { ink, width, height } = readInk(ctx);
    const digit = prepareDrawing(ink, width, height);
    // Counted from the call, so two calls are DIGIT_INTERVAL_MS apart however long the preparation took.
    last.current = performance.now();
    latest.current(digit);
  };
  const later = () => {
    if (timer.current !== null) return;
    const wait = Math.max(0, DIGIT_INTERVAL_MS - (performance.now() - last.current));
    timer.current = window.setTimeout(now, wait);
  };
  const cleared = () => {
    cancel();
    latest.current(null);
  };
  useEffect(() => cancel, []);
  return { now, later, cleared };
}

/** The pointer handlers that draw strokes, and Clear. */
function useDrawPad(onDigit: DrawPadProps['onDigit']) {
  const { canvasRef, strokesRef, inkRef } = usePadCanvas();
  const send = useDigitSender(canvasRef, onDigit);
  // The pointer drawing the current stroke and the canvas's box when it started (read once per stroke).
  const active = useRef<{ id: number; box: DOMRect } | null>(null);

  const point = (box: DOMRect, x: number, y: number) => [(x - box.left) / box.width, (y - box.top) / box.height];

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const canvas = e.currentTarget;
    const ctx = padContext(canvas);
    if (active.current || !ctx || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    const box = canvas.getBoundingClientRect();
    active.current = { id: e.pointerId, box };
    const stroke = point(box, e.clientX, e.clientY);
    strokesRef.current.push(stroke);
    drawStroke(ctx, stroke, inkRef.current);
    send.later();
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = padContext(e.currentTarget);
    if (!active.current || e.pointerId !== active.current.id || !ctx) return;
    const stroke = strokesRef.current[strokesRef.current.length - 1];
    const from = stroke.length / 2;
    const moves = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const move of moves.length ? moves : [e.nativeEvent]) stroke.push(...point(active.current.box, move.clientX, move.clientY));
    drawStroke(ctx, stroke, inkRef.current, from);
    send.later();
  };

  const onStrokeEnd = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!active.current || e.pointerId !== active.current.id) return;
    active.current = null;
    send.now();
  };

  const clear = () => {
    strokesRef.current = [];
    active.current = null;
    const ctx = canvasRef.current && padContext(canvasRef.current);
    if (ctx) redrawStrokes(ctx, [], inkRef.current);
    send.cleared();
  };

  const handlers = {
    onPointerDown,
    onPointerMove,
    onPointerUp: onStrokeEnd,
    onPointerCancel: onStrokeEnd,
    onLostPointerCapture: onStrokeEnd,
  };
  return { canvasRef, handlers, clear };
}
