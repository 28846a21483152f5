/**
 * A QR code drawn in the page (the `uqr` package; no service sees the link). Pure: the matrix and its pixels,
 * so a unit test reads the pixels back with a decoder (tests/unit/present-qr.test.ts).
 */
import { encode } from 'uqr';

/** The quiet zone around the code, in modules: the four the standard asks for. */
export const QUIET_ZONE = 4;

/**
 * The modules of `text`'s QR code, quiet zone included (`true` is dark): error correction M (a projected code
 * read from a distance), L where M cannot hold the link, null where nothing can (over ~2,900 bytes).
 */
export function qrModules(text: string): boolean[][] | null {
  for (const ecc of ['M', 'L'] as const) {
    try {
      return encode(text, { ecc, border: QUIET_ZONE }).data;
    } catch {
      // Too long for this level: try the next.
    }
  }
  return null;
}

/** The modules as RGBA pixels, `scale` pixels a module: black on white, whatever the page's theme. */
export function qrPixels(modules: boolean[][], scale: number): { width: number; height: number; data: Uint8ClampedArray<ArrayBuffer> } {
  const size = modules.length * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    const row = modules[Math.floor(y / scale)];
    for (let x = 0; x < size; x++) {
      const v = row[Math.floor(x / scale)] ? 0 : 255;
      const i = (y * size + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = v;
      data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}
