/** Kernels this project adds to the wasm backend where tfjs-backend-wasm 4.22 has none. */
import * as tf from '@tensorflow/tfjs';
import type { KernelConfig } from '@tensorflow/tfjs';

/** A function that registers `kernelFunc` for wasm once; a later tfjs that has its own kernel keeps its own. */
export function wasmKernel(kernelName: string, kernelFunc: (args: never) => unknown): () => void {
  const config: KernelConfig = { kernelName, backendName: 'wasm', kernelFunc: kernelFunc as KernelConfig['kernelFunc'] };
  return () => {
    if (!tf.getKernel(kernelName, 'wasm')) tf.registerKernel(config);
  };
}
