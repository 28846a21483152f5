/**
 * KernelRunner for the wasm backend that calls tfjs-backend-wasm's compiled kernels itself, for the handful of
 * operations an MLP's training step uses (matMul, fused matMul, +, −, ×, tanh, square, sign, step).
 *
 * tfjs's JavaScript wrapper around each wasm kernel allocates: a new output buffer (malloc and registration),
 * and two typed arrays holding the input shapes. Measured in the playground's worker in Chromium, collecting
 * those small ArrayBuffers took about a third of a second CPU core while training, on a machine with two.
 * Here shapes are written into wasm memory once per distinct shape, and output buffers are recycled by size:
 * a training step allocates nothing but a few small objects. The arithmetic is the same wasm kernels'.
 * Any other operation, or an unusual shape, goes through the registered kernel as before.
 */
import * as tf from '@tensorflow/tfjs';
import {
  _FusedMatMul,
  Add,
  BatchMatMul,
  Multiply,
  Sign,
  Square,
  Step,
  Sub,
  Tanh,
  type NamedAttrMap,
  type TensorInfo,
} from '@tensorflow/tfjs';
import { KernelRunner } from './kernel-runner';

/** The parts of tfjs-backend-wasm's BackendWasm (4.x) used here. */
interface WasmBackend {
  wasm: Record<string, unknown> & {
    HEAP32: Int32Array;
    _malloc(bytes: number): number;
    _free(ptr: number): void;
    tfjs: { registerTensor(id: number, size: number, memoryOffset: number): void; disposeData(id: number): void };
  };
  dataIdMap: { get(dataId: object): { id: number; memoryOffset: number } | undefined };
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo;
}

type WasmCall = (...args: number[]) => void;

/** tfjs-backend-wasm's FusableActivation codes. */
const ACTIVATIONS: Record<string, number> = { linear: 0, relu: 1, sigmoid: 5 };
const BINARY = new Set<string>([Add, Sub, Multiply]);
const UNARY = new Set<string>([Tanh, Square, Sign]);
/** The C++ kernels' code for float32. */
const FLOAT32 = 0;

interface Buffer extends TensorInfo {
  /** The wasm kernels' id for the buffer. */
  id: number;
}

interface Idle {
  dataId: object;
  id: number;
  memoryOffset: number;
}

const size = tf.util.sizeFromShape;

export class WasmKernelRunner extends KernelRunner {
  private readonly wasmBackend = this.backend as unknown as WasmBackend;
  private readonly calls = new Map<string, WasmCall>();
  private readonly shapes = new Map<string, number>();
  /** Idle output buffers by element count, and every buffer this runner made (so `free` knows it). */
  private readonly idle = new Map<number, Idle[]>();
  private readonly mine = new WeakSet<object>();

  /** True when the active backend exposes what this runner needs (tfjs-backend-wasm 4.x). */
  static available(): boolean {
    const wasm = (tf.engine().backend as unknown as Partial<WasmBackend>).wasm;
    return (
      !!wasm &&
      typeof wasm._malloc === 'function' &&
      typeof wasm['__FusedMatMul'] === 'function' &&
      typeof wasm['_BatchMatMul'] === 'function'
    );
  }

  override run(name: string, inputs: Record<string, TensorInfo>, attrs: NamedAttrMap = {}): TensorInfo {
    if (name === BatchMatMul || name === _FusedMatMul) {
      const { a, b, bias } = inputs;
      if (a.shape.length !== 3 || b.shape.length !== 3 || inputs.preluActivationWeights) return super.run(name, inputs, attrs);
      const activation = name === _FusedMatMul ? ACTIVATIONS[attrs.activation as string] : 0;
      if (activation === undefined) return super.run(name, inputs, attrs);
      const tA = attrs.transposeA ? 1 : 0;
      const tB = attrs.transposeB ? 1 : 0;
      const out = this.output([Math.max(a.shape[0], b.shape[0]), tA ? a.shape[2] : a.shape[1], tB ? b.shape[1] : b.shape[2]]);
      const [aId, aShape, bId, bShape] = [this.id(a), this.shapePtr(a.shape), this.id(b), this.shapePtr(b.shape)];
      if (name === BatchMatMul) this.call(name)(aId, aShape, 3, bId, bShape, 3, tA, tB, out.id);
      else this.call(name)(aId, aShape, 3, bId, bShape, 3, tA, tB, activation, bias ? this.id(bias) : 0, 0, 0, out.id);
      return out;
    }
    if (BINARY.has(name)) {
      const { a, b } = inputs;
      const [sa, sb] = [size(a.shape), size(b.shape)];
      // Equal sizes, or a scalar on either side: the only broadcasts the step needs.
      const shape =
        sa === sb && a.shape.length === b.shape.length
          ? a.shape
          : sa === 1 && a.shape.length === 0
            ? b.shape
            : sb === 1 && b.shape.length === 0
              ? a.shape
              : null;
      if (!shape) return super.run(name, inputs, attrs);
      const out = this.output(shape);
      this.call(name)(
        this.id(a),
        this.shapePtr(a.shape),
        a.shape.length,
        this.id(b),
        this.shapePtr(b.shape),
        b.shape.length,
        FLOAT32,
        out.id,
      );
      return out;
    }
    if (UNARY.has(name) || name === Step) {
      const { x } = inputs;
      const out = this.output(x.shape);
      if (name === Step) this.call(name)(this.id(x), (attrs.alpha as number) ?? 0, FLOAT32, out.id);
      else this.call(name)(this.id(x), FLOAT32, out.id);
      return out;
    }
    return super.run(name, inputs, attrs);
  }

  override view(info: TensorInfo, shape: number[]): TensorInfo {
    const view = super.view(info, shape) as Buffer;
    if ('id' in info) view.id = (info as Buffer).id;
    return view;
  }

  override free(info: TensorInfo) {
    if (!this.mine.has(info.dataId)) return super.free(info);
    const n = size(info.shape);
    const list = this.idle.get(n) ?? [];
    const { id, memoryOffset } = this.wasmBackend.dataIdMap.get(info.dataId)!;
    list.push({ dataId: info.dataId, id, memoryOffset });
    this.idle.set(n, list);
  }

  override dispose() {
    for (const list of this.idle.values()) for (const { dataId } of list) this.backend.disposeData(dataId);
    this.idle.clear();
    for (const ptr of this.shapes.values()) this.wasmBackend.wasm._free(ptr);
    this.shapes.clear();
  }

  /**
   * An output buffer of this shape: an idle one of the same size, or a new one. A reused buffer is registered
   * with the kernels afresh: they cache work keyed by a buffer's id (XNNPACK packs a matMul's right-hand
   * matrix once per id), and its contents are about to change.
   */
  private output(shape: number[]): Buffer {
    const n = size(shape);
    const reused = this.idle.get(n)?.pop();
    if (reused) {
      const { tfjs } = this.wasmBackend.wasm;
      tfjs.disposeData(reused.id);
      tfjs.registerTensor(reused.id, n, reused.memoryOffset);
      return this.track({ dataId: reused.dataId, shape, dtype: 'float32', id: reused.id } as Buffer) as Buffer;
    }
    const made = this.wasmBackend.makeOutput(shape, 'float32');
    this.mine.add(made.dataId);
    return this.track({ ...made, id: this.wasmBackend.dataIdMap.get(made.dataId)!.id } as Buffer) as Buffer;
  }

  private id(info: TensorInfo): number {
    return (info as Partial<Buffer>).id ?? this.wasmBackend.dataIdMap.get(info.dataId)!.id;
  }

  /** The shape as int32s in wasm memory, written once per distinct shape. */
  private shapePtr(shape: readonly number[]): number {
    const key = shape.join(',');
    let ptr = this.shapes.get(key);
    if (ptr === undefined) {
      ptr = this.wasmBackend.wasm._malloc(4 * Math.max(1, shape.length));
      this.wasmBackend.wasm.HEAP32.set(shape, ptr >> 2);
      this.shapes.set(key, ptr);
    }
    return ptr;
  }

  private call(name: string): WasmCall {
    let fn = this.calls.get(name);
    if (!fn) {
      fn = this.wasmBackend.wasm[`_${name}`] as WasmCall;
      this.calls.set(name, fn);
    }
    return fn;
  }
}
