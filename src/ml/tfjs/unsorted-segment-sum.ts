/**
 * UnsortedSegmentSum for the wasm backend, which has none (tfjs-backend-wasm 4.22): it is the gradient of
 * tf.gather, so without it an embedding lookup cannot be trained on wasm and has to be written as
 * one-hot × matrix, a matMul over the whole vocabulary for every token. Here each row of x is added to the
 * output row its segment id names: out[segmentIds[i], :] += x[i, :]. It reads and writes wasm memory
 * directly; there is no arithmetic worth compiling.
 */
import * as tf from '@tensorflow/tfjs';
import { wasmKernel } from './wasm-kernel';
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';

/** The parts of tfjs-backend-wasm's BackendWasm (4.x) used here. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: 'float32' | 'int32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

function unsortedSegmentSum(args: { inputs: Record<string, TensorInfo>; backend: unknown; attrs: NamedAttrMap }): TensorInfo {
  const { x, segmentIds } = args.inputs;
  const numSegments = Number(args.attrs.numSegments);
  const backend = args.backend as WasmBackend;
  if (x.dtype !== 'float32' && x.dtype !== 'int32') throw new Error(`UnsortedSegmentSum on wasm: ${x.dtype} is not supported`);
  const rows = segmentIds.shape.reduce((a, b) => a * b, 1);
  const rowSize = tf.util.sizeFromShape(x.shape.slice(segmentIds.shape.length));
  const out = backend.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
  const sums = backend.typedArrayFromHeap(out);
  sums.fill(0);
  const values = backend.typedArrayFromHeap(x);
  const ids = backend.typedArrayFromHeap(segmentIds);
  for (let i = 0; i < rows; i++) {
    const segment = ids[i];
    // tfjs's other backends drop rows whose id is out of range; so does this one.
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * rowSize;
    const to = segment * rowSize;
    for (let j = 0; j < rowSize; j++) sums[to + j] += values[from + j];
  }
  return out;
}

/** Registers the kernel for wasm once; a later tfjs that has its own keeps its own. */
export const ensureWasmUnsortedSegmentSum = wasmKernel('UnsortedSegmentSum', unsortedSegmentSum);
