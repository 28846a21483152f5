/**
 * The matrix products, σ and tanh of recurrence.ts on the wasm backend, through its own BatchMatMul, Sigmoid
 * and Tanh kernels called directly (no engine around them): the products compiled and vectorized, several
 * times faster than in JavaScript, and all three, given the same operands, the same numbers as the tfjs ops
 * on wasm, so a run through the recurrent kernels reproduces one through the ops.
 *
 * Each operand is copied into a buffer of the backend's (the recurrence's arrays are JavaScript's own, so
 * that the wasm memory growing under an allocation never detaches them). A product's right-hand operand is
 * uploaded once per Strided object, so the weights, the same object at every time step, are uploaded (and
 * packed by the kernel) once per pass; callers must not change an operand's numbers between calls with the
 * same object.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import type { Ops } from './recurrence';
import type { Strided } from './small-matmul';

/** The part of tfjs-backend-wasm's BackendWasm (4.x) used here. */
interface WasmBackend {
  typedArrayFromHeap(info: TensorInfo): Float32Array;
}

function kernel(name: string): KernelFunc {
  const config = tf.getKernel(name, 'wasm');
  if (!config) throw new Error(`the wasm backend has no ${name} kernel`);
  return config.kernelFunc;
}

export function wasmOps(backend: KernelBackend): Ops & { dispose: () => void } {
  const [matMul, sigmoid, tanh] = ['BatchMatMul', 'Sigmoid', 'Tanh'].map(kernel);
  const heap = backend as unknown as WasmBackend;
  const uploaded = new Map<Strided, TensorInfo>();
  const write = (values: Float32Array, shape: number[]): TensorInfo => ({
    dataId: backend.write(values, shape, 'float32'),
    shape,
    dtype: 'float32',
  });
  const upload = (rows: number, cols: number, m: Strided): TensorInfo => {
    const values = new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let p = 0; p < cols; p++) values[i * cols + p] = m.data[m.at + i * m.rowStride + p * m.colStride];
    return write(values, [1, rows, cols]);
  };
  /** Runs `fn` on the uploaded inputs, copies its output into `out`, frees what it made. */
  const apply = (
    fn: KernelFunc,
    inputs: Record<string, TensorInfo>,
    attrs: NamedAttrMap,
    out: Float32Array,
    at: number,
    owned: TensorInfo[],
  ) => {
    const result = fn({ inputs, backend, attrs }) as TensorInfo;
    out.set(heap.typedArrayFromHeap(result), at);
    for (const info of [...owned, result]) backend.disposeData(info.dataId);
  };
  const unary = (fn: KernelFunc) => (x: Float32Array, out: Float32Array) => {
    const input = write(x, [x.length]);
    apply(fn, { x: input }, {}, out, 0, [input]);
  };
  return {
    product(m, k, n, A, B, c, cAt) {
      let b = uploaded.get(B);
      if (!b) uploaded.set(B, (b = upload(k, n, B)));
      const a = upload(m, k, A);
      apply(matMul, { a, b }, { transposeA: false, transposeB: false }, c, cAt, [a]);
    },
    sigmoid: unary(sigmoid),
    tanh: unary(tanh),
    dispose: () => uploaded.forEach((b) => backend.disposeData(b.dataId)),
  };
}
