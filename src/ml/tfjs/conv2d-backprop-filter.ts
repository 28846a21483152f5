/**
 * The gradient of conv2d with respect to its filter, for the wasm backend, which has no kernel for it
 * (tfjs-backend-wasm 4.22 registers Conv2D and Conv2DBackpropInput but not Conv2DBackpropFilter).
 *
 * The filter gradient is a correlation of the input with the output's gradient:
 *   dW[i, j, c, k] = Σ_b Σ_y Σ_x  x[b, s·y + i − padTop, s·x + j − padLeft, c] · dy[b, y, x, k].
 * That is itself a conv2d once the batch is moved into the channel axis: the input becomes
 * [C_in, H, W, B], the output gradient the filter [H_out, W_out, B, C_out] dilated by the stride, and the
 * result [C_in, F_h, F_w, C_out] is transposed back to [F_h, F_w, C_in, C_out]. Built from the backend's
 * own Transpose and Conv2D kernels, so it runs at the speed of wasm's convolution.
 */
import * as tf from '@tensorflow/tfjs';
import { wasmKernel } from './wasm-kernel';
import type { KernelBackend, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';

interface Conv2DBackpropFilterAttrs {
  strides: number | [number, number];
  pad: 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

function pair(value: number | [number, number]): [number, number] {
  return typeof value === 'number' ? [value, value] : value;
}

function conv2dBackpropFilter(args: { inputs: Record<string, TensorInfo>; backend: KernelBackend; attrs: NamedAttrMap }): TensorInfo {
  const { x, dy } = args.inputs;
  const attrs = args.attrs as unknown as Conv2DBackpropFilterAttrs;
  if (attrs.dataFormat !== 'NHWC') throw new Error('Conv2DBackpropFilter on wasm: only NHWC is supported');
  const backend = args.backend;
  const run = (name: string, inputs: Record<string, TensorInfo>, kernelAttrs: NamedAttrMap) => {
    const config = tf.getKernel(name, 'wasm');
    if (!config) throw new Error(`the wasm backend has no ${name} kernel`);
    return config.kernelFunc({ inputs, backend, attrs: kernelAttrs }) as TensorInfo;
  };
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { top, left } = info.padInfo;
  const [filterHeight, filterWidth] = attrs.filterShape;
  const [, height, width] = x.shape;
  const [, outHeight, outWidth] = dy.shape;
  const [strideY, strideX] = pair(attrs.strides);
  // Padding after the input so that the correlation yields exactly the filter's size.
  const bottom = filterHeight - 1 + strideY * (outHeight - 1) + 1 - height - top;
  const right = filterWidth - 1 + strideX * (outWidth - 1) + 1 - width - left;
  const input = run('Transpose', { x }, { perm: [3, 1, 2, 0] });
  const filter = run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] });
  const correlated = run(
    'Conv2D',
    { x: input, filter },
    {
      strides: [1, 1],
      pad: [
        [0, 0],
        [top, Math.max(0, bottom)],
        [left, Math.max(0, right)],
        [0, 0],
      ],
      dataFormat: 'NHWC',
      dilations: [strideY, strideX],
      dimRoundingMode: 'floor',
    },
  );
  // A stride that does not divide the input leaves rows or columns the filter never reached: cut them off.
  const fitted =
    bottom < 0 || right < 0
      ? run(
          'Slice',
          { x: correlated },
          { begin: [0, 0, 0, 0], size: [correlated.shape[0], filterHeight, filterWidth, correlated.shape[3]] },
        )
      : correlated;
  const gradient = run('Transpose', { x: fitted }, { perm: [1, 2, 0, 3] });
  for (const made of new Set([input, filter, correlated, fitted])) backend.disposeData(made.dataId);
  return gradient;
}

/** Registers the kernel for wasm once; a later tfjs that has its own keeps its own. */
export const ensureWasmConv2DBackpropFilter = wasmKernel('Conv2DBackpropFilter', conv2dBackpropFilter);
