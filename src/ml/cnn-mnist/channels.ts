/** Single channels out of channels-last data, for drawing one feature map or one filter at a time. */
import type { FeatureMap } from './forward';

/** Channel c of an H × W × C map, as an H × W image. */
export function channelOf(map: FeatureMap, c: number): Float32Array {
  const out = new Float32Array(map.side * map.side);
  for (let p = 0; p < out.length; p++) out[p] = map.values[p * map.channels + c];
  return out;
}

/** Filter k of a kernel laid out [F, F, C_in, C_out], input channel c, as an F × F image. */
export function filterOf(kernel: Float32Array, size: number, inChannels: number, outChannels: number, k: number, c = 0): Float32Array {
  const out = new Float32Array(size * size);
  for (let p = 0; p < out.length; p++) out[p] = kernel[(p * inChannels + c) * outChannels + k];
  return out;
}

/** The largest |value|, at least `floor`: a symmetric colour range that is never zero. */
export function absMax(values: ArrayLike<number>, floor = 1e-6): number {
  let max = floor;
  for (let i = 0; i < values.length; i++) max = Math.max(max, Math.abs(values[i]));
  return max;
}

/** Where channel c of a map is largest: the pixel a learner most likely wants to see computed. */
export function argMaxPixel(map: FeatureMap, c: number): { y: number; x: number } {
  let best = 0;
  for (let p = 1; p < map.side * map.side; p++) if (map.values[p * map.channels + c] > map.values[best * map.channels + c]) best = p;
  return { y: Math.floor(best / map.side), x: best % map.side };
}
