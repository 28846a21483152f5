/**
 * RecurrentForward and RecurrentBackward: the RNN's or the LSTM's whole pass over a sequence as one tfjs
 * kernel each, for the wasm and cpu backends. The recurrences are in recurrence.ts.
 *
 * Why: at the widget's sizes (B = 32, H = 32, T = 22) a step's arithmetic is tiny, and on the wasm backend
 * each kernel costs ~20–30 µs whatever it computes. Written out in tfjs ops the pair's training step was
 * 1,256 kernels; here the time loop runs in JavaScript and the engine sees two kernels per racer. The
 * elementwise products and sums are JavaScript's; the matrix products, σ and tanh are the wasm backend's own
 * kernels called directly (wasm-products.ts), so a run equals one through the ops to the bit, or
 * JavaScript's on the cpu backend (small-matmul.ts).
 *
 *   RecurrentForward  {wx [V, G·H], b [G·H], ids [T·B] int32, u [H, G·H]} → RNN [h_{T−1} [B, H], h [T·B, H]];
 *                     LSTM the same and a = [σ(f), σ(i), σ(o), g] [T·B, 4H], c and tanh(c) [T·B, H]
 *   RecurrentBackward {dy [B, H], u, ids, h, (LSTM) a, c, tc} → [∂L/∂Wx, ∂L/∂b, ∂L/∂U, ∂L/∂h [T·B, H]]
 * attrs: kind ('rnn' | 'lstm'), length T, and for the backward pass vocabulary V. The one-hot inputs' terms
 * x_t Wx + b are taken inside (a row of Wx per token), so the gather, the bias's add and their gradients are
 * not kernels of their own either (on wasm, GatherV2 over 704 ids was ~1 ms).
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import {
  gateBlocks,
  inputGradients,
  inputTerms,
  jsOps,
  recurrentBackward,
  recurrentForward,
  type FusedKind,
  type Ops,
  type Sizes,
} from './recurrence';
import { wasmOps } from './wasm-products';

export const RECURRENT_FORWARD = 'RecurrentForward';
export const RECURRENT_BACKWARD = 'RecurrentBackward';

/** The parts of tfjs-backend-wasm's BackendWasm and tfjs-backend-cpu's MathBackendCPU (4.x) used here. */
interface WasmBackend {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array;
}
interface CpuBackend {
  data: { get(dataId: object): { values?: unknown } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

/** Reads inputs and makes outputs as Float32Arrays, and takes the recurrence's matrix products. */
interface Memory {
  read(info: TensorInfo): Float32Array;
  readIds(info: TensorInfo): Int32Array;
  /** Output arrays to fill, then `done` turns them into the kernel's outputs. */
  outputs(shapes: number[][]): { values: Float32Array[]; done: () => TensorInfo[] };
  ops: Ops;
  dispose(): void;
}

function memoryOf(backendName: string, backend: KernelBackend): Memory {
  if (backendName === 'wasm') {
    const wasm = backend as unknown as WasmBackend;
    const ops = wasmOps(backend);
    // Copies in and out: the products allocate on wasm's heap, and its growing would detach views of it.
    return {
      read: (info) => wasm.typedArrayFromHeap(info).slice() as Float32Array,
      readIds: (info) => wasm.typedArrayFromHeap(info).slice() as Int32Array,
      outputs(shapes) {
        const values = shapes.map((shape) => new Float32Array(tf.util.sizeFromShape(shape)));
        const done = () => {
          const infos = shapes.map((shape) => wasm.makeOutput(shape, 'float32'));
          infos.forEach((info, i) => wasm.typedArrayFromHeap(info).set(values[i]));
          return infos;
        };
        return { values, done };
      },
      ops,
      dispose: ops.dispose,
    };
  }
  const cpu = backend as unknown as CpuBackend;
  return {
    read: (info) => cpu.data.get(info.dataId).values as Float32Array,
    readIds: (info) => cpu.data.get(info.dataId).values as Int32Array,
    outputs(shapes) {
      const values = shapes.map((shape) => new Float32Array(tf.util.sizeFromShape(shape)));
      return { values, done: () => shapes.map((shape, i) => cpu.makeTensorInfo(shape, 'float32', values[i])) };
    },
    ops: jsOps,
    dispose() {},
  };
}

interface Args {
  inputs: Record<string, TensorInfo>;
  backend: KernelBackend;
  attrs: NamedAttrMap;
}

function sizesOf(args: Args): { kind: FusedKind; sizes: Sizes } {
  const kind = args.attrs.kind as FusedKind;
  const length = Number(args.attrs.length);
  const { ids, u } = args.inputs;
  for (const [name, info] of Object.entries(args.inputs))
    if (info.dtype !== (name === 'ids' ? 'int32' : 'float32'))
      throw new Error(`recurrent kernels: ${name} as ${info.dtype} is not supported`);
  return { kind, sizes: { length, batch: ids.shape[0] / length, hidden: u.shape[0] } };
}

function forwardKernel(backendName: string) {
  return (args: Args): TensorInfo[] => {
    const { wx, b, ids, u } = args.inputs;
    const { kind, sizes } = sizesOf(args);
    const { length, batch, hidden: H } = sizes;
    const memory = memoryOf(backendName, args.backend);
    const shapes = [
      [batch, H],
      [length * batch, H],
    ];
    if (kind === 'lstm') shapes.push([length * batch, 4 * H], [length * batch, H], [length * batch, H]);
    const { values, done } = memory.outputs(shapes);
    const [last, h, a, c, tc] = values;
    try {
      const xs = inputTerms(memory.read(wx), memory.read(b), memory.readIds(ids));
      recurrentForward(kind, xs, memory.read(u), sizes, { h, a, c, tc }, memory.ops);
    } finally {
      memory.dispose();
    }
    last.set(h.subarray((length - 1) * batch * H));
    return done();
  };
}

function backwardKernel(backendName: string) {
  return (args: Args): TensorInfo[] => {
    const { dy, u, ids, h, a, c, tc } = args.inputs;
    const { kind, sizes } = sizesOf(args);
    const { length, batch, hidden: H } = sizes;
    const n = gateBlocks(kind) * H;
    const memory = memoryOf(backendName, args.backend);
    const { values, done } = memory.outputs([[Number(args.attrs.vocabulary), n], [n], [H, n], [length * batch, H]]);
    const [dwx, db, du, dh] = values;
    const dz = new Float32Array(length * batch * n);
    const saved =
      kind === 'lstm' ? { h: memory.read(h), a: memory.read(a), c: memory.read(c), tc: memory.read(tc) } : { h: memory.read(h) };
    try {
      recurrentBackward(kind, memory.read(u), sizes, saved, memory.read(dy), { dz, du, dh }, memory.ops);
      inputGradients(dz, memory.readIds(ids), dwx, db);
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
