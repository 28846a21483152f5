/**
 * The direct-kernel paths (kernel-runner.ts, wasm-kernel-runner.ts) call tfjs below its public API: registered
 * kernels with bare TensorInfos, tfjs-backend-wasm's compiled exports and its buffer table. They were tested
 * with this version only; on any other the models take the engine path (tfjs's public ops and optimizers).
 */
import * as tf from '@tensorflow/tfjs';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';

export const TESTED_TFJS_VERSION = '4.22.0';

export function directKernelsSupported(versions: readonly string[] = [tf.version_core, version_wasm]): boolean {
  return versions.every((version) => version === TESTED_TFJS_VERSION);
}
