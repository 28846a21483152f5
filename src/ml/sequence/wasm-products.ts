/**
 * The matrix products of recurrence.ts on the wasm backend, through its own BatchMatMul kernel called
 * directly (no engine around it): compiled and vectorized, several times faster than the same product in
 * JavaScript, and, given the same operands, the same numbers as tf.matMul on wasm.
 *
 * Each operand is copied into a buffer of the backend's (the recurrence's arrays are JavaScript's own, so
 * that the wasm memory growing under an allocation never detaches them). A right-hand operand is uploaded
 * once per Strided object, so the weights, the same object at every time step, are uploaded (and packed by
 * the kernel) once per pass; callers must not change an operand's numbers between calls with the same object.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import type { Product, Strided } from './small-matmul';

/** The part of tfjs-backend-wasm's BackendWasm (4.x) used here. */
interface WasmBackend {
  typedArrayFromHeap(info: TensorInfo): Float32Array;
}

export function wasmProducts(backend: KernelBackend): { product: Product; dispose: () => void } {
  const config = tf.getKernel('BatchMatMul', 'wasm');
  if (!config) throw new Error('the wasm backend has no BatchMatMul kernel');
  const matMul: KernelFunc = config.kernelFunc;
  const uploaded = new Map<Strided, TensorInfo>();
  const upload = (rows: number, cols: number, m: Strided): TensorInfo => {
    const values = new Float32Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let p = 0; p < cols; p++) values[i * cols + p] = m.data[m.at + i * m.rowStride + p * m.colStride];
    const shape = [1, rows, cols];
    return { dataId: backend.write(values, shape, 'float32'), shape, dtype: 'float32' };
  };
  const product: Product = (m, k, n, A, B, c, cAt) => {
    let b = uploaded.get(B);
    if (!b) uploaded.set(B, (b = upload(k, n, B)));
    const a = upload(m, k, A);
    const out = matMul({ inputs: { a, b }, backend, attrs: { transposeA: false, transposeB: false } }) as TensorInfo;
    c.set((backend as unknown as WasmBackend).typedArrayFromHeap(out), cAt);
    backend.disposeData(a.dataId);
    backend.disposeData(out.dataId);
  };
  return { product, dispose: () => uploaded.forEach((b) => backend.disposeData(b.dataId)) };
}
