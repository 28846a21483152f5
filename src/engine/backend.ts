/**
 * Picks the tfjs backend inside the worker: wasm (SIMD, single-threaded: the site sends no COOP/COEP
 * headers, and threaded wasm does not start in a bundled module worker), and cpu when wasm cannot start.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName } from './protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export interface BackendChoice {
  backend: BackendName;
  fallback?: string;
}

export async function chooseBackend(preferred: BackendName = 'wasm'): Promise<BackendChoice> {
  if (preferred === 'wasm') {
    try {
      if (await tf.setBackend('wasm')) {
        await tf.ready();
        return { backend: 'wasm' };
      }
    } catch (error) {
      await tf.setBackend('cpu');
      return { backend: 'cpu', fallback: `wasm failed: ${String(error)}` };
    }
    await tf.setBackend('cpu');
    return { backend: 'cpu', fallback: 'wasm is not available in this browser' };
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return { backend: 'cpu', fallback: preferred === 'cpu' ? undefined : 'unknown backend' };
}
