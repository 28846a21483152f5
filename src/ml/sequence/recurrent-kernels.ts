/**
 * RecurrentForward and RecurrentBackward: the RNN's or the LSTM's whole pass over a sequence as one tfjs
 * kernel each, for the wasm and cpu backends. The recurrences are in recurrence.ts.
 *
 * Why: at the widget's sizes (B = 32, H = 32, T = 22) a step's arithmetic is tiny, and on the wasm backend
 * each kernel costs ~20–30 µs whatever it computes. Written out in tfjs ops the pair's training step was
 * 1,256 kernels; here the time loop runs in JavaScript and the engine sees two kernels per racer. The
 * elementwise work is JavaScript's; the matrix products are the wasm backend's own BatchMatMul called
 * directly (wasm-products.ts), or JavaScript's (small-matmul.ts) on the cpu backend.
 *
 *   RecurrentForward  {xs [T·B, G·H], u [H, G·H]} → RNN [h_{T−1} [B, H], h [T·B, H]];
 *                     LSTM the same and a = [σ(f), σ(i), σ(o), g] [T·B, 4H], c [T·B, H]
 *   RecurrentBackward {dy [B, H], u, h, (LSTM) a, c} → [∂L/∂xs [T·B, G·H], ∂L/∂U [H, G·H], ∂L/∂h [T·B, H]]
 * attrs: kind ('rnn' | 'lstm'), length T.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { gateBlocks, recurrentBackward, recurrentForward, type FusedKind, type Sizes } from './recurrence';
import type { Product } from './small-matmul';
import { wasmProducts } from './wasm-products';

export const RECURRENT_FORWARD = 'RecurrentForward';
export const RECURRENT_BACKWARD = 'RecurrentBackward';

/** The parts of tfjs-backend-wasm's BackendWasm and tfjs-backend-cpu's MathBackendCPU (4.x) used here. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
}
interface CpuBackend {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

/** Reads inputs and makes outputs as Float32Arrays, and takes the recurrence's matrix products. */
interface Memory {
  read(info: TensorInfo): Float32Array;
  /** Output arrays to fill, then `done` turns them into the kernel's outputs. */
  outputs(shapes: number[][]): { values: Float32Array[]; done: () => TensorInfo[] };
  product?: Product;
  dispose(): void;
}

function memoryOf(backendName: string, backend: KernelBackend): Memory {
  if (backendName === 'wasm') {
    const wasm = backend as unknown as WasmBackend;
    const products = wasmProducts(backend);
    // Copies in and out: the products allocate on wasm's heap, and its growing would detach views of it.
    return {
      read: (info) => wasm.typedArrayFromHeap(info).slice(),
      outputs(shapes) {
        const values = shapes.map((shape) => new Float32Array(tf.util.sizeFromShape(shape)));
        const done = () => {
          const infos = shapes.map((shape) => wasm.makeOutput(shape, 'float32'));
          infos.forEach((info, i) => wasm.typedArrayFromHeap(info).set(values[i]));
          return infos;
        };
        return { values, done };
      },
      product: products.product,
      dispose: products.dispose,
    };
  }
  const cpu = backend as unknown as CpuBackend;
  return {
    read: (info) => cpu.data.get(info.dataId).values as Float32Array,
    outputs(shapes) {
      const values = shapes.map((shape) => new Float32Array(tf.util.sizeFromShape(shape)));
      return { values, done: () => shapes.map((shape, i) => cpu.makeTensorInfo(shape, 'float32', values[i])) };
    },
    dispose() {},
  };
}

interface Args {
  inputs: Record<string, TensorInfo>;
  backend: KernelBackend;
  attrs: NamedAttrMap;
}

function sizesOf(args: Args, rows: number): { kind: FusedKind; sizes: Sizes } {
  const kind = args.attrs.kind as FusedKind;
  const length = Number(args.attrs.length);
  const hidden = args.inputs.u.shape[0];
  for (const info of Object.values(args.inputs))
    if (info.dtype !== 'float32') throw new Error(`recurrent kernels: ${info.dtype} inputs are not supported`);
  return { kind, sizes: { length, batch: rows / length, hidden } };
}

function forwardKernel(backendName: string) {
  return (args: Args): TensorInfo[] => {
    const { xs, u } = args.inputs;
    const { kind, sizes } = sizesOf(args, xs.shape[0]);
    const { length, batch, hidden: H } = sizes;
    const memory = memoryOf(backendName, args.backend);
    const shapes = [
      [batch, H],
      [length * batch, H],
    ];
    if (kind === 'lstm') shapes.push([length * batch, 4 * H], [length * batch, H]);
    const { values, done } = memory.outputs(shapes);
    const [last, h, a, c] = values;
    try {
      recurrentForward(kind, memory.read(xs), memory.read(u), sizes, { h, a, c }, memory.product);
    } finally {
      memory.dispose();
    }
    last.set(h.subarray((length - 1) * batch * H));
    return done();
  };
}

function backwardKernel(backendName: string) {
  return (args: Args): TensorInfo[] => {
    const { dy, u, h, a, c } = args.inputs;
    const { kind, sizes } = sizesOf(args, h.shape[0]);
    const { length, batch, hidden: H } = sizes;
    const n = gateBlocks(kind) * H;
    const memory = memoryOf(backendName, args.backend);
    const { values, done } = memory.outputs([
      [length * batch, n],
      [H, n],
      [length * batch, H],
    ]);
    const [dz, du, dh] = values;
    const saved = kind === 'lstm' ? { h: memory.read(h), a: memory.read(a), c: memory.read(c) } : { h: memory.read(h) };
    try {
      recurrentBackward(kind, memory.read(u), sizes, saved, memory.read(dy), { dz, du, dh }, memory.product);
    } finally {
      memory.dispose();
    }
    return done();
  };
}

let registered = false;

/** Registers both kernels for wasm and cpu, once. */
export function ensureRecurrentKernels() {
  if (registered) return;
  registered = true;
  for (const backendName of ['wasm', 'cpu'])
    for (const [kernelName, make] of [
      [RECURRENT_FORWARD, forwardKernel],
      [RECURRENT_BACKWARD, backwardKernel],
    ] as const)
      if (!tf.getKernel(kernelName, backendName))
        tf.registerKernel({ kernelName, backendName, kernelFunc: make(backendName) as tf.KernelConfig['kernelFunc'] });
}
