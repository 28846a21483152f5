/**
 * Calls tfjs's registered kernels on the active backend directly, without the engine around them.
 *
 * On networks as small as the playground's, a kernel's arithmetic takes about a microsecond. Through the
 * engine each call also builds Tensor objects, tracks references, opens and closes scopes and leaves
 * garbage behind: in a profile of one training step that was 40 % of the time, and collecting the garbage
 * another 10 %. Here a kernel's output is the backend's own TensorInfo and its owner frees it. The
 * arithmetic is the same kernels' (tfjs's wasm or cpu backend).
 *
 * Outputs made inside `scope` are freed when it ends, except the ones passed to `keep`.
 */
import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';

export class KernelRunner {
  readonly backendName = tf.getBackend();
  protected readonly backend: KernelBackend = tf.engine().backend;
  private readonly kernels = new Map<string, KernelFunc>();
  private made: TensorInfo[] | null = null;
  private kept = new Set<TensorInfo>();

  /** A new float32 buffer on the backend holding `values`. */
  upload(values: ArrayLike<number>, shape: number[]): TensorInfo {
    const data = values instanceof Float32Array ? values : Float32Array.from(values);
    return { dataId: this.backend.write(data, shape, 'float32'), shape, dtype: 'float32' };
  }

  run(name: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap = {}): TensorInfo {
    let kernel = this.kernels.get(name);
    if (!kernel) {
      const config = tf.getKernel(name, this.backendName);
      if (!config) throw new Error(`the ${this.backendName} backend has no ${name} kernel`);
      kernel = config.kernelFunc;
      this.kernels.set(name, kernel);
    }
    return this.track(kernel({ inputs, attrs, backend: this.backend }) as TensorInfo);
  }

  /** Registers a new output with the enclosing scope. */
  protected track(out: TensorInfo): TensorInfo {
    this.made?.push(out);
    return out;
  }

  /** The same buffer seen with another shape of the same size (no copy, nothing to free). */
  view(info: TensorInfo, shape: number[]): TensorInfo {
    return { dataId: info.dataId, shape, dtype: info.dtype };
  }

  read(info: TensorInfo): Float32Array {
    return this.backend.readSync(info.dataId) as Float32Array;
  }

  free(info: TensorInfo) {
    this.backend.disposeData(info.dataId);
  }

  /** Runs `fn`, then frees every kernel output it made except those passed to `keep`. */
  scope<T>(fn: () => T): T {
    const outer = this.made;
    this.made = [];
    try {
      return fn();
    } finally {
      for (const info of this.made) if (!this.kept.delete(info)) this.free(info);
      this.made = outer;
    }
  }

  /** Keeps `info` alive past the enclosing scope; its owner frees it. */
  keep(info: TensorInfo): TensorInfo {
    this.kept.add(info);
    return info;
  }

  /** How many buffers the backend holds: a leak shows as this growing step after step. */
  buffers(): number {
    return this.backend.numDataIds();
  }

  /** Frees what the runner itself still holds (after its owner freed its own buffers). */
  dispose() {}
}
