import { useLayoutEffect, useMemo, useRef } from 'react';
import { qrModules, qrPixels } from './qr';

/** The smallest drawn size: the canvas holds whole pixels per module, CSS scales it (pixelated). */
const MIN_PIXELS = 320;

/**
 * A QR code of `text` on a canvas, redrawn whenever the text changes; `data-qr` carries the encoded text for
 * tests and curious users. Where the text is too long for any QR code, `tooLong` is shown instead.
 */
export function QrCode({ text, label, tooLong }: { text: string; label: string; tooLong: string }) {
  const modules = useMemo(() => qrModules(text), [text]);
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const c = canvas.current;
    if (!c || !modules) return;
    const image = qrPixels(modules, Math.max(1, Math.ceil(MIN_PIXELS / modules.length)));
    c.width = image.width;
    c.height = image.height;
    c.getContext('2d')?.putImageData(new ImageData(image.data, image.width, image.height), 0, 0);
  }, [modules]);
  if (!modules) {
    return (
      <p className="present-qr-missing" data-qr="">
        {tooLong}
      </p>
    );
  }
  return <canvas ref={canvas} className="present-qr" role="img" aria-label={label} data-qr={text} />;
}
